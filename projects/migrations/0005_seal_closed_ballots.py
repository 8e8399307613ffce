"""Seal in the audit chain the results of ballots closed before it existed (new closes seal themselves)."""

from django.db import migrations

from audit.chain import seal_existing
from projects.models.ballots import ballot_sealed_content


def seal(apps, schema_editor):
    seal_existing(
        apps,
        schema_editor,
        model=apps.get_model("projects", "Ballot"),
        frozen={"status": "closed"},
        content=ballot_sealed_content,
        action="projects.ballot_closed",
    )


class Migration(migrations.Migration):
    dependencies = [
        ("audit", "0004_hash_chain"),
        ("projects", "0004_evidence_random_name"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(seal, migrations.RunPython.noop)]
