from django.db import migrations, models
from django.db.models import Exists, OuterRef


def recount(apps, schema_editor):
    # A period is handed in only while a version of its report is submitted or approved: a report
    # returned with comments no longer counts, so its period can be overdue again.
    Period = apps.get_model("monitoring", "Period")
    Report = apps.get_model("monitoring", "Report")
    Period.objects.update(
        has_submission=Exists(Report.objects.filter(period=OuterRef("pk"), status__in=["submitted", "approved"]))
    )


def recount_as_before(apps, schema_editor):
    Period = apps.get_model("monitoring", "Period")
    Report = apps.get_model("monitoring", "Report")
    Period.objects.update(
        has_submission=Exists(Report.objects.filter(period=OuterRef("pk"), submitted_at__isnull=False))
    )


class Migration(migrations.Migration):
    dependencies = [("monitoring", "0004_report_queue_index")]

    operations = [
        migrations.AlterField(
            model_name="period",
            name="has_submission",
            field=models.BooleanField(default=False, editable=False, verbose_name="report handed in"),
        ),
        migrations.RunPython(recount, recount_as_before),
    ]
