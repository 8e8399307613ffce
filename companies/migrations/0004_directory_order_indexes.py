"""Indexes that serve the directory's order (``companies.selectors.directory_key``) on PostgreSQL.

The order compares ``sort_name`` under the "C" collation; SQLite has no collation of that name and
compares bytes already, so these expression indexes exist on PostgreSQL only (the plain index on
``sort_name`` serves SQLite). One for staff (every organization), one for the public (active members).
"""

from django.db import migrations, models
from django.db.models.functions import Collate

INDEXES = [
    models.Index(Collate("sort_name", "C"), "id", name="companies_org_directory_idx"),
    models.Index(
        Collate("sort_name", "C"),
        "id",
        name="companies_org_public_dir_idx",
        condition=models.Q(archived_at__isnull=True, participation_status="active"),
    ),
]


def add_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for index in INDEXES:
            schema_editor.add_index(apps.get_model("companies", "Organization"), index)


def remove_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for index in INDEXES:
            schema_editor.remove_index(apps.get_model("companies", "Organization"), index)


class Migration(migrations.Migration):
    dependencies = [("companies", "0003_organization_is_fictitious")]

    operations = [migrations.RunPython(add_indexes, remove_indexes)]
