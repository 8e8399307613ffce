from django.db import migrations, models


def forget_hours_of_undated_days(apps, schema_editor):
    """A session known only by its month or year was stored with an hour nobody knows: drop the hour."""
    Session = apps.get_model("committees", "Session")
    Session.objects.exclude(date_precision="day").filter(time_known=True).update(time_known=False)


class Migration(migrations.Migration):
    dependencies = [
        ("committees", "0006_session_time_known"),
    ]

    operations = [
        migrations.RunPython(forget_hours_of_undated_days, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="session",
            constraint=models.CheckConstraint(
                condition=models.Q(("date_precision", "day"), ("time_known", False), _connector="OR"),
                name="committees_session_hour_only_with_day",
                violation_error_code="hour_without_day",
                violation_error_message="A session known only by its month or year has no hour.",
            ),
        ),
    ]
