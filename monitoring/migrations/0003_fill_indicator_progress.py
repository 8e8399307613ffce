from django.db import migrations


def fill(apps, schema_editor):
    # Only a database that already has projects in implementation needs filling; it runs the one
    # computation the services use (monitoring_refresh_progress runs it again at any time), on today's
    # models: when a later migration changes these tables, make this a no-op and tell upgraders to run
    # the command instead.
    if not apps.get_model("monitoring", "Implementation").objects.exists():
        return
    from monitoring.services.progress import progress_refresh_all

    progress_refresh_all()


class Migration(migrations.Migration):
    dependencies = [("monitoring", "0002_indicator_progress")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
