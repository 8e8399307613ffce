"""A session's search entry no longer ends its text (what snippets are cut from) with the English title.

The English title still finds the session: it stays in the matching columns (``folded``, ``vector``), which
``search.indexing`` now fills from the entry's ``also`` words; here only the shown text loses it, as
``manage.py search_reindex session`` would write it.
"""

from django.db import migrations

BATCH = 2000


def drop_english_title_from_bodies(apps, schema_editor):
    alias = schema_editor.connection.alias
    entries = apps.get_model("search", "SearchEntry").objects.using(alias)
    titles = dict(
        apps.get_model("committees", "Session").objects.using(alias).exclude(title_en="").values_list("pk", "title_en")
    )
    changed = []
    for entry in entries.filter(kind="session", object_id__in=list(titles)).only("pk", "object_id", "body"):
        english = titles[entry.object_id].strip()
        if english and entry.body.endswith(english):
            entry.body = entry.body[: -len(english)].rstrip()
            changed.append(entry)
    entries.bulk_update(changed, ["body"], batch_size=BATCH)


class Migration(migrations.Migration):
    dependencies = [
        ("committees", "0008_membership_no_data"),
        ("search", "0003_title_vector"),
    ]

    operations = [migrations.RunPython(drop_english_title_from_bodies, migrations.RunPython.noop)]
