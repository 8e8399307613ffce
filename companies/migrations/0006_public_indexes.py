"""Indexes of the public directory, which shows active members and organizations with no data (0005).

``companies_org_public_dir_idx`` (0004) still covered active members only, so since 0005 the public
directory's order and count read the whole table; it is made again with the public directory's condition
(PostgreSQL only, as in 0004). ``companies_org_public_upd_idx`` serves the open data's "last updated", and
``companies_org_active_name_idx`` the organization pickers' first page (active members by name), which sorted
every active member.
"""

from django.db import migrations, models
from django.db.models.functions import Collate

PUBLIC = models.Q(archived_at__isnull=True, participation_status__in=("active", "unknown"))
ACTIVE = models.Q(archived_at__isnull=True, participation_status="active")


def _directory_index(condition):
    return models.Index(Collate("sort_name", "C"), "id", name="companies_org_public_dir_idx", condition=condition)


def _replace(old, new):
    def replace(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            organization = apps.get_model("companies", "Organization")
            schema_editor.remove_index(organization, _directory_index(old))
            schema_editor.add_index(organization, _directory_index(new))

    return replace


class Migration(migrations.Migration):
    dependencies = [("companies", "0005_participation_no_data")]

    operations = [
        migrations.RunPython(_replace(ACTIVE, PUBLIC), _replace(PUBLIC, ACTIVE)),
        migrations.AddIndex(
            model_name="organization",
            index=models.Index(fields=["legal_name"], condition=ACTIVE, name="companies_org_active_name_idx"),
        ),
        migrations.AddIndex(
            model_name="organization",
            index=models.Index(fields=["updated_at"], condition=PUBLIC, name="companies_org_public_upd_idx"),
        ),
    ]
