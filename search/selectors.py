"""Reading the index: the entries a person may find for a query, their facets and a page of results.

Visibility is each kind's ``visible(user)`` (a ``Q`` from its app's permission helpers), so counts and
pages never include what the person may not open; the page's results are then checked once more with
the kind's object predicate (``can_view``), the one its page answers with.
PostgreSQL matches the ``axs_es`` full-text vector (Spanish stems, no accents) or a title close to the
query by trigrams (typos), ranked with titles first; SQLite matches every word in the folded text.
"""

from dataclasses import dataclass
from functools import reduce
from operator import or_

from django.contrib.postgres.search import SearchQuery, SearchRank, TrigramWordSimilarity
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Case, Count, F, FloatField, Q, Value, When

from . import registry
from .indexing import CONFIG
from .models import SearchEntry
from .text import WORD, fold

PER_PAGE = 20
FACETS = ("kind", "committee", "sdg", "year")
FACET_FIELDS = {"kind": "kind", "committee": "committee_id", "sdg": "sdg", "year": "year"}


def visible_entries(user):
    """Return the entries ``user`` may find, whatever the query."""
    clauses = []
    for kind in registry.kinds():
        rule = kind.visible(user)
        if rule is not None:
            clauses.append(Q(kind=kind.name) & rule)
    return SearchEntry.objects.filter(reduce(or_, clauses)) if clauses else SearchEntry.objects.none()


def matching(entries, query):
    """Return ``entries`` that match ``query``, annotated with ``rank`` (higher first).

    PostgreSQL: the full-text match over title and body, ranked by the title's own vector (a title hit
    first, and the better the title matches the higher), so ranking never reads the long bodies; when it
    finds nothing, titles whose words are close to the query's by trigrams (a typo). SQLite: every folded
    word, a hit in the title first.
    """
    words = WORD.findall(fold(query))
    if connection.vendor == "postgresql":
        text_query = SearchQuery(query, config=CONFIG, search_type="websearch")
        found = entries.filter(vector=text_query)
        if found.exists():
            return found.annotate(rank=SearchRank(F("title_vector"), text_query))
        folded = " ".join(words)
        return entries.filter(title_folded__trigram_word_similar=folded).annotate(
            rank=TrigramWordSimilarity(folded, "title_folded")
        )
    every_word = [Q(folded__contains=word) for word in words]
    in_title = [Q(title_folded__contains=word) for word in words]
    return entries.filter(*every_word).annotate(
        rank=Case(When(Q(*in_title), then=Value(1.0)), default=Value(0.0), output_field=FloatField())
    )


def _filtered(entries, filters, *, without=None):
    for name, value in filters.items():
        if name != without and value not in (None, ""):
            entries = entries.filter(**{FACET_FIELDS[name]: value})
    return entries


@dataclass
class FacetValue:
    value: object
    label: str
    count: int
    selected: bool


def _selected(combination, filters, *, without=None):
    return all(
        value in (None, "") or str(combination[FACET_FIELDS[name]]) == str(value)
        for name, value in filters.items()
        if name != without
    )


def facets(matched, filters):
    """Return (the number of results, each facet's values with counts).

    One grouped query reads how many matching entries have each combination of kind, committee, SDG
    and year; each facet is counted over the combinations that the other facets' filters keep, so a
    chosen value still shows the others to switch to.
    """
    fields = list(FACET_FIELDS.values())
    combinations = list(matched.values(*fields).annotate(n=Count("pk")).order_by())
    total = sum(c["n"] for c in combinations if _selected(c, filters))
    result = {}
    for name in FACETS:
        field = FACET_FIELDS[name]
        counts = {}
        for combination in combinations:
            value = combination[field]
            if value not in (None, "") and _selected(combination, filters, without=name):
                counts[value] = counts.get(value, 0) + combination["n"]
        if name == "kind":
            labels = {k.name: str(k.label_plural) for k in registry.kinds()}
            ordered = [k.name for k in registry.kinds() if k.name in counts]
        else:
            labels = registry.facet_labels(name, list(counts))
            if name == "committee":
                ordered = sorted(counts, key=lambda v: str(labels.get(v, v)))
            else:
                ordered = sorted(counts, reverse=(name == "year"), key=lambda v: int(v))
        result[name] = [
            FacetValue(value, str(labels.get(value, value)), counts[value], str(filters.get(name) or "") == str(value))
            for value in ordered
        ]
    return total, result


@dataclass
class Result:
    kind: object
    entry: SearchEntry
    obj: object

    @property
    def title(self):
        return self.kind.display_title(self.obj) if self.kind.display_title else self.entry.title


def _checked(user, entries):
    """Return the results of ``entries`` that the kind's page would show ``user``, in their order."""
    by_kind = {}
    for entry in entries:
        by_kind.setdefault(entry.kind, []).append(entry.object_id)
    objects = {}
    for name, ids in by_kind.items():
        kind = registry.kind(name)
        for obj in kind.queryset().filter(pk__in=ids):
            objects[(name, obj.pk)] = obj
    results = []
    for entry in entries:
        kind = registry.kind(entry.kind)
        obj = objects.get((entry.kind, entry.object_id))
        if obj is not None and kind.can_view(user, obj):
            results.append(Result(kind, entry, obj))
    return results


class _Counted:
    """Rows whose count is already known (from the facets' grouped query): the paginator asks no COUNT."""

    ordered = True

    def __init__(self, rows, count):
        self.rows, self._count = rows, count

    def count(self):
        return self._count

    def __len__(self):
        return self._count

    def __getitem__(self, window):
        return list(self.rows[window])


def search(user, query, filters, page_number):
    """Return (page, results on that page, facets) for ``query`` as ``user`` may see it."""
    matched = matching(visible_entries(user), query)
    total, facet_values = facets(matched, filters)
    rows = (
        _filtered(matched, filters)
        .defer("vector", "title_vector", "folded", "title_folded")
        .order_by("-rank", "kind", "-year", "pk")
    )
    page = Paginator(_Counted(rows, total), PER_PAGE).get_page(page_number)
    return page, _checked(user, list(page.object_list)), facet_values
