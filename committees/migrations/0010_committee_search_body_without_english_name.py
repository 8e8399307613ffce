"""A committee's search entry no longer ends its text (what snippets are cut from) with the English name.

The English name still finds the committee: ``search.indexing`` puts the entry's ``also`` words in the matching
columns; here only the shown text loses it, as ``manage.py search_reindex committee`` would write it.
"""

from django.db import migrations


def drop_english_name_from_bodies(apps, schema_editor):
    alias = schema_editor.connection.alias
    entries = apps.get_model("search", "SearchEntry").objects.using(alias)
    names = dict(
        apps.get_model("committees", "Committee").objects.using(alias).exclude(name_en="").values_list("pk", "name_en")
    )
    changed = []
    for entry in entries.filter(kind="committee", object_id__in=list(names)).only("pk", "object_id", "body"):
        english = names[entry.object_id].strip()
        if english and entry.body.endswith(english):
            entry.body = entry.body[: -len(english)].rstrip()
            changed.append(entry)
    entries.bulk_update(changed, ["body"])


class Migration(migrations.Migration):
    dependencies = [
        ("committees", "0009_session_search_body_without_english_title"),
        ("search", "0003_title_vector"),
    ]

    operations = [migrations.RunPython(drop_english_name_from_bodies, migrations.RunPython.noop)]
