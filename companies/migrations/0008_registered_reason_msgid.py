"""The reason "Registered in the alliance." is stored as its English msgid, shown in the reader's language.

Rows written before held it in the language of whoever registered the organization ("Registrada en la
alianza." from the Spanish pages, imports and the demo); they are converted. Participation changes are not
audit events, so they may be updated; a reason a person wrote is left as written.
"""

from django.db import migrations

REGISTERED = "Registered in the alliance."
SPANISH = "Registrada en la alianza."


def forwards(apps, schema_editor):
    ParticipationChange = apps.get_model("companies", "ParticipationChange")
    ParticipationChange.objects.filter(reason=SPANISH).update(reason=REGISTERED)


class Migration(migrations.Migration):
    dependencies = [("companies", "0007_one_primary_contact")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
