"""Seal in the audit chain the minutes approved before it existed (new approvals seal themselves)."""

from django.db import migrations

from audit.chain import seal_existing
from committees.models.minutes import minutes_sealed_content


def seal(apps, schema_editor):
    seal_existing(
        apps,
        schema_editor,
        model=apps.get_model("committees", "Minutes"),
        frozen={"status": "approved"},
        content=minutes_sealed_content,
        action="object.transition",
    )


class Migration(migrations.Migration):
    dependencies = [
        ("audit", "0004_hash_chain"),
        ("committees", "0002_session_status_held"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(seal, migrations.RunPython.noop)]
