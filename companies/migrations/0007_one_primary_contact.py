"""One current primary contact per organization, as a database rule.

Before the rule, an organization could have been given a second primary contact (``representative_attach``
made every first-attached person primary). Those rows keep the longest-serving primary contact (the earliest
``started_at``, then the lowest id) and clear the flag on the others, so the constraint can be added on a
database that has such organizations; nothing else about the representations changes.
"""

from django.conf import settings
from django.db import migrations, models


def keep_one_primary_contact(apps, schema_editor):
    representatives = apps.get_model("companies", "Representative").objects.using(schema_editor.connection.alias)
    current = representatives.filter(ended_at__isnull=True, is_primary_contact=True).order_by(
        "organization_id", "started_at", "pk"
    )
    seen = set()
    extra = []
    for pk, organization_id in current.values_list("pk", "organization_id"):
        if organization_id in seen:
            extra.append(pk)
        seen.add(organization_id)
    if extra:
        representatives.filter(pk__in=extra).update(is_primary_contact=False)


class Migration(migrations.Migration):

    dependencies = [
        ('companies', '0006_public_indexes'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RunPython(keep_one_primary_contact, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name='representative',
            constraint=models.UniqueConstraint(condition=models.Q(('ended_at__isnull', True), ('is_primary_contact', True)), fields=('organization',), name='companies_one_primary_contact', violation_error_message='The organization already has a primary contact.'),
        ),
    ]
