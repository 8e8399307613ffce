"""Chain the audit trail by hash, chain the events already recorded, and (PostgreSQL) refuse changes.

The existing events are chained in id order, with the same serialization as ``audit.chain``. The
trigger is created last: from then on an UPDATE or DELETE on the trail fails in the database itself.
"""

import django.utils.timezone
from django.db import migrations, models

from audit import chain

TRIGGER_SQL = """
CREATE OR REPLACE FUNCTION audit_event_refuse_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION USING MESSAGE = 'audit events cannot be changed or deleted: ' || TG_OP,
        ERRCODE = 'insufficient_privilege';
END
$$ LANGUAGE plpgsql;
CREATE TRIGGER audit_event_immutable BEFORE UPDATE OR DELETE ON audit_auditevent
    FOR EACH ROW EXECUTE FUNCTION audit_event_refuse_change();
"""

DROP_TRIGGER_SQL = """
DROP TRIGGER IF EXISTS audit_event_immutable ON audit_auditevent;
DROP FUNCTION IF EXISTS audit_event_refuse_change();
"""


def chain_existing(apps, schema_editor):
    AuditEvent = apps.get_model("audit", "AuditEvent")
    events = AuditEvent.objects.using(schema_editor.connection.alias).order_by("id")
    head, batch = chain.GENESIS, []
    for event in events.iterator(chunk_size=2000):
        event.changes = chain.normalized_changes(event.changes)
        event.prev_hash = head
        event.hash = head = chain.event_hash(head, {name: getattr(event, name) for name in chain.CHAINED_FIELDS})
        batch.append(event)
        if len(batch) == 2000:
            AuditEvent.objects.bulk_update(batch, ["changes", "prev_hash", "hash"])
            batch = []
    AuditEvent.objects.bulk_update(batch, ["changes", "prev_hash", "hash"])


def create_trigger(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(TRIGGER_SQL)


def drop_trigger(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP_TRIGGER_SQL)


class Migration(migrations.Migration):
    dependencies = [
        ("audit", "0003_email_prefix_indexes"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.AlterField(
            model_name="auditevent",
            name="created_at",
            field=models.DateTimeField(default=django.utils.timezone.now, editable=False, verbose_name="when"),
        ),
        migrations.AddField(
            model_name="auditevent",
            name="sealed_digest",
            field=models.CharField(
                blank=True,
                help_text="The digest of the approved minutes or the ballot result this event froze.",
                max_length=64,
                verbose_name="sealed content (SHA-256)",
            ),
        ),
        migrations.AddField(
            model_name="auditevent",
            name="prev_hash",
            field=models.CharField(default="", editable=False, max_length=64, verbose_name="previous event's hash"),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="auditevent",
            name="hash",
            field=models.CharField(default="", editable=False, max_length=64, verbose_name="hash"),
            preserve_default=False,
        ),
        migrations.RunPython(chain_existing, migrations.RunPython.noop, elidable=False),
        migrations.AddConstraint(
            model_name="auditevent",
            constraint=models.UniqueConstraint(fields=("prev_hash",), name="audit_chain_no_fork"),
        ),
        migrations.AddConstraint(
            model_name="auditevent",
            constraint=models.UniqueConstraint(fields=("hash",), name="audit_chain_hash_unique"),
        ),
        migrations.AddIndex(
            model_name="auditevent",
            index=models.Index(
                condition=models.Q(("sealed_digest", ""), _negated=True),
                fields=["target_type", "target_id", "id"],
                name="audit_sealed_idx",
            ),
        ),
        migrations.RunPython(create_trigger, drop_trigger),
    ]
