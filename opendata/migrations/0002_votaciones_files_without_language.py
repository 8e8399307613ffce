"""Mark the built files of ``votaciones`` stale: they name an unpublished candidate in the builder's language.

The dataset now leaves such a title blank (the same in both languages) without changing its columns, so the
stored files' data version would still match and they would be served until their maximum age.
"""

from django.db import migrations


def mark_stale(apps, schema_editor):
    apps.get_model("opendata", "PrebuiltFile").objects.filter(name="votaciones").update(source_version="")


class Migration(migrations.Migration):
    dependencies = [("opendata", "0001_initial")]

    operations = [migrations.RunPython(mark_stale, migrations.RunPython.noop)]
