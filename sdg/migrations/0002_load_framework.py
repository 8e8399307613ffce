"""Load the SDG framework the project ships (sdg/data/sdg_es_en.json)."""

from django.db import migrations


def load(apps, schema_editor):
    from sdg.loader import load_framework

    load_framework(apps.get_model("sdg", "Goal"), apps.get_model("sdg", "Target"), apps.get_model("sdg", "Indicator"))


class Migration(migrations.Migration):
    dependencies = [("sdg", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
