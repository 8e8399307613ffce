"""The SDG's search entries keep no text for snippets: it was English (a target's English title under its Spanish
one), shown to Spanish readers without its language marked.

A goal, target or indicator is named in full by its title, shown in the reader's language; its English words
still find it from the matching columns (``also``), which this leaves as they are. The same as
``manage.py search_reindex sdg_goal sdg_target sdg_indicator`` would write.
"""

from django.db import migrations


def empty_bodies(apps, schema_editor):
    entries = apps.get_model("search", "SearchEntry").objects.using(schema_editor.connection.alias)
    entries.filter(kind__in=("sdg_goal", "sdg_target", "sdg_indicator")).exclude(body="").update(body="")


class Migration(migrations.Migration):
    dependencies = [
        ("sdg", "0002_load_framework"),
        ("search", "0003_title_vector"),
    ]

    operations = [migrations.RunPython(empty_bodies, migrations.RunPython.noop)]
