from django.db import migrations

from axs_platform.collation import spanish_sort_key


def single_spaces(apps, schema_editor):
    """Save the names already registered with single spaces, as the services now save them.

    The duplicate check compares names with single spaces; a stored "AXA  Seguros" would not match otherwise.
    """
    Organization = apps.get_model("companies", "Organization")
    for organization in Organization.objects.only("pk", "legal_name", "short_name").iterator():
        legal_name, short_name = " ".join(organization.legal_name.split()), " ".join(organization.short_name.split())
        if (legal_name, short_name) != (organization.legal_name, organization.short_name):
            Organization.objects.filter(pk=organization.pk).update(
                legal_name=legal_name, short_name=short_name, sort_name=spanish_sort_key(short_name or legal_name)
            )


class Migration(migrations.Migration):
    dependencies = [
        ("companies", "0008_registered_reason_msgid"),
    ]

    operations = [
        migrations.RunPython(single_spaces, migrations.RunPython.noop),
    ]
