"""The title's own vector, which ranking reads (docs/search.md); filled here for the entries there are."""

import django.contrib.postgres.search
from django.contrib.postgres.search import SearchVector
from django.db import migrations


def fill(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    entries = apps.get_model("search", "SearchEntry").objects.using(schema_editor.connection.alias)
    entries.update(title_vector=SearchVector("title", weight="A", config="axs_es"))


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0002_postgresql_text_search"),
    ]

    operations = [
        migrations.AddField(
            model_name="searchentry",
            name="title_vector",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
