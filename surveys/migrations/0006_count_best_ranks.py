"""Count, for the SDG questions of surveys answered before, each organization's best rank of each goal.

The committee proposals read these counts (``best:<goal id>:<rank>``); like 0005, it runs the
counting service on today's models, for the surveys that have an SDG question. An empty database
skips it.
"""

from django.db import migrations


def count_best_ranks(apps, schema_editor):
    historical_question = apps.get_model("surveys", "Question")
    if not historical_question.objects.filter(kind="sdg_goals").exists():
        return
    from surveys.models import Survey
    from surveys.services import survey_counts_rebuild

    for survey in Survey.objects.filter(questions__kind="sdg_goals").distinct().order_by("pk"):
        survey_counts_rebuild(survey)


class Migration(migrations.Migration):
    dependencies = [("surveys", "0005_fill_result_counts")]

    operations = [migrations.RunPython(count_best_ranks, migrations.RunPython.noop)]
