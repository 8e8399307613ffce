"""PostgreSQL only: unaccent and pg_trgm, the ``axs_es`` configuration, and the GIN indexes.

``axs_es`` is PostgreSQL's Spanish configuration with ``unaccent`` before the Spanish stemmer, so
"educacion" and "Educación" make the same lexeme. The indexes are created here rather than in the
model's ``Meta`` because SQLite has no GIN; on SQLite this migration does nothing but the extensions'
no-ops (docs/search.md). The configuration is SQL because the ORM has no text search DDL.
"""

from django.contrib.postgres.indexes import GinIndex, OpClass
from django.contrib.postgres.operations import TrigramExtension, UnaccentExtension
from django.db import migrations

CREATE_CONFIGURATION = [
    "CREATE TEXT SEARCH CONFIGURATION axs_es ( COPY = pg_catalog.spanish )",
    "ALTER TEXT SEARCH CONFIGURATION axs_es ALTER MAPPING FOR hword, hword_part, word WITH unaccent, spanish_stem",
]
DROP_CONFIGURATION = ["DROP TEXT SEARCH CONFIGURATION IF EXISTS axs_es"]


def _indexes():
    return [
        GinIndex(fields=["vector"], name="search_vector_gin"),
        GinIndex(OpClass("title_folded", name="gin_trgm_ops"), name="search_title_trgm"),
    ]


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for statement in CREATE_CONFIGURATION:
        schema_editor.execute(statement)
    model = apps.get_model("search", "SearchEntry")
    for index in _indexes():
        schema_editor.add_index(model, index)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    model = apps.get_model("search", "SearchEntry")
    for index in _indexes():
        schema_editor.remove_index(model, index)
    for statement in DROP_CONFIGURATION:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [
        UnaccentExtension(),
        TrigramExtension(),
        migrations.RunPython(forwards, backwards),
    ]
