"""Writing the index: ``index(obj)`` and ``remove(obj)`` for services, ``reindex`` for the command.

Services call ``index`` in their transaction after they write, so the entry changes with the data.
On PostgreSQL the entry's ``vector`` (what matches: the title weighted A, the body B) and
``title_vector`` (what ranks) are computed by the database with the ``axs_es`` configuration (Spanish
stemming over ``unaccent``) in the statement that writes the row, so a row is written once; ``folded``,
which only SQLite's fallback reads, stays empty there.
"""

from django.conf import settings
from django.contrib.postgres.search import SearchVector
from django.db import connection, transaction
from django.db.models import TextField, Value
from django.utils import timezone, translation

from . import registry
from .models import SearchEntry
from .text import fold

CONFIG = "axs_es"
BATCH = 2000


def _text_vector(text, weight):
    return SearchVector(Value(text, output_field=TextField()), weight=weight, config=CONFIG)


def _row(kind, obj, document):
    title = document.title[:2000]
    if connection.vendor == "postgresql":
        title_vector = _text_vector(title, "A")
        text = f"{document.body}\n{document.also}" if document.also else document.body
        matched = {"vector": title_vector + _text_vector(text, "B"), "title_vector": title_vector}
    else:
        matched = {"folded": fold(f"{document.title}\n{document.body}\n{document.also}")}
    return {
        "title": title,
        "body": document.body,
        "url": document.url,
        "title_folded": fold(title),
        **matched,
        "committee_id": document.committee_id,
        "sdg": document.sdg or "",
        "year": document.year,
        "audience": document.audience,
        "organization_id": document.organization_id,
        "updated_at": timezone.now(),
    }


@transaction.atomic
def index(obj):
    """Write or remove the entries of ``obj`` for every kind its model has, as its data now says."""
    for kind in registry.kinds_of(type(obj)):
        with translation.override(settings.LANGUAGE_CODE):
            document = kind.document(obj)
        if document is None:
            SearchEntry.objects.filter(kind=kind.name, object_id=obj.pk).delete()
            continue
        SearchEntry.objects.update_or_create(kind=kind.name, object_id=obj.pk, defaults=_row(kind, obj, document))


def index_many(objects):
    for obj in objects:
        index(obj)


def remove(obj):
    """Remove every entry of ``obj`` (an index entry is no history: it is rebuilt from the data)."""
    for kind in registry.kinds_of(type(obj)):
        SearchEntry.objects.filter(kind=kind.name, object_id=obj.pk).delete()


@transaction.atomic
def reindex(kind_names=None):
    """Rebuild the entries of the given kinds (all by default) from their data; return the count per kind."""
    counts = {}
    for kind in registry.kinds():
        if kind_names and kind.name not in kind_names:
            continue
        SearchEntry.objects.filter(kind=kind.name).delete()
        batch, total = [], 0
        for obj in kind.queryset().iterator(chunk_size=BATCH):
            with translation.override(settings.LANGUAGE_CODE):
                document = kind.document(obj)
            if document is None:
                continue
            batch.append(SearchEntry(kind=kind.name, object_id=obj.pk, **_row(kind, obj, document)))
            if len(batch) >= BATCH:
                SearchEntry.objects.bulk_create(batch)
                total += len(batch)
                batch = []
        SearchEntry.objects.bulk_create(batch)
        total += len(batch)
        counts[kind.name] = total
    return counts
