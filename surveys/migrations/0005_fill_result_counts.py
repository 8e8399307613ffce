"""Count the results of surveys answered before result counts were kept.

It runs the counting service itself, on today's models: a database holding answers must pass
through this migration before a later one changes the surveys' tables. An empty database (a new
installation) skips it.
"""

from django.db import migrations


def count_existing_answers(apps, schema_editor):
    historical_survey = apps.get_model("surveys", "Survey")
    if not historical_survey.objects.exists():
        return
    from surveys.models import Survey
    from surveys.services import survey_counts_rebuild

    for survey in Survey.objects.order_by("pk"):
        survey_counts_rebuild(survey)


class Migration(migrations.Migration):
    dependencies = [("surveys", "0004_result_counts")]

    operations = [migrations.RunPython(count_existing_answers, migrations.RunPython.noop)]
