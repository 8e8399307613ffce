"""Reading the index: the entries a person may find for a query, their facets and a page of results.

Visibility is each kind's ``visible(user)`` (a ``Q`` from its app's permission helpers), so counts and
pages never include what the person may not open; the page's results are then checked once more with
the kind's object predicate (``can_view``), the one its page answers with.
PostgreSQL matches the ``axs_es`` full-text vector (Spanish stems, no accents) or a title close to the
query by trigrams (typos), ranked with titles first; SQLite matches the folded text, read with the same
query syntax (words, "phrases", -exclusions, or).
"""

import re
from dataclasses import dataclass
from functools import reduce
from operator import or_

from django.contrib.postgres.search import SearchQuery, SearchRank, TrigramWordSimilarity
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Case, F, FloatField, Q, Value, When

from . import registry
from .indexing import CONFIG
from .models import SearchEntry
from .text import WORD, fold, parse_query

PER_PAGE = 20
FACETS = ("kind", "committee", "sdg", "year")
FACET_FIELDS = {"kind": "kind", "committee": "committee_id", "sdg": "sdg", "year": "year"}
ORDER = ("-rank", "kind", "-year", "pk")
# The best matches that pages reach and facets count: beyond them, "more than 1,000 results".
CANDIDATES = 1000


def visible_entries(user):
    """Return the entries ``user`` may find, whatever the query."""
    clauses = []
    for kind in registry.kinds():
        rule = kind.visible(user)
        if rule is not None:
            clauses.append(Q(kind=kind.name) & rule)
    return SearchEntry.objects.filter(reduce(or_, clauses)) if clauses else SearchEntry.objects.none()


def ids_whose_title_contains(kind, text):
    """Return the ``object_id`` of ``kind``'s entries whose title contains ``text``, accents and case aside.

    For a page's own filter (staff's list of people): "nunez" and "NÚÑEZ" find "Núñez" on every database.
    """
    return SearchEntry.objects.filter(kind=kind, title_folded__contains=fold(text)).values("object_id")


def matching(entries, query):
    """Return ``entries`` that match ``query``, annotated with ``rank`` (higher first).

    PostgreSQL: the full-text match over title and body, ranked by the title's own vector (a title hit
    first, and the better the title matches the higher), so ranking never reads the long bodies.
    SQLite: the terms of ``text.parse_query`` in the folded text, a hit of them all in the title first.
    """
    if connection.vendor == "postgresql":
        text_query = SearchQuery(query, config=CONFIG, search_type="websearch")
        return entries.filter(vector=text_query).annotate(rank=SearchRank(F("title_vector"), text_query))
    alternatives = parse_query(query)
    if not alternatives:
        return entries.none().annotate(rank=Value(0.0, output_field=FloatField()))
    matches = reduce(or_, (_all_terms(terms, "folded") for terms in alternatives))
    in_title = reduce(or_, (_all_terms([t for t in terms if not t.excluded], "title_folded") for terms in alternatives))
    if not in_title:  # only exclusions: no title hit to rank first
        return entries.filter(matches).annotate(rank=Value(0.0, output_field=FloatField()))
    return entries.filter(matches).annotate(
        rank=Case(When(in_title, then=Value(1.0)), default=Value(0.0), output_field=FloatField())
    )


def _all_terms(terms, field):
    """Return a ``Q``: the folded ``field`` has every term (a phrase's words in a row), and no excluded one."""
    clause = Q()
    for term in terms:
        if len(term.words) == 1:
            has = Q(**{f"{field}__contains": term.words[0]})
        else:
            has = Q(**{f"{field}__regex": r"\W+".join(re.escape(word) for word in term.words)})
        clause &= ~has if term.excluded else has
    return clause


def close_matches(entries, query):
    """Return ``entries`` whose title has words close to the query's by trigrams (a typo), best first.

    PostgreSQL only (``pg_trgm``); SQLite's fallback has no typos and finds nothing more.
    """
    if connection.vendor != "postgresql":
        return entries.none().annotate(rank=Value(0.0, output_field=FloatField()))
    folded = " ".join(WORD.findall(fold(query)))
    return entries.filter(title_folded__trigram_word_similar=folded).annotate(
        rank=TrigramWordSimilarity(folded, "title_folded")
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


def _chosen(filters, *, without=None):
    """Return the chosen facet values as {field: value as text}, leaving out the facet ``without``."""
    return {
        FACET_FIELDS[name]: str(value) for name, value in filters.items() if name != without and value not in (None, "")
    }


def _kept(rows, chosen):
    """Return the rows that have every chosen value."""
    if not chosen:
        return rows
    return [row for row in rows if all(str(row[field]) == value for field, value in chosen.items())]


def _best(matched, filters=None):
    """Return up to ``CANDIDATES + 1`` matches, best first, as dicts of their id and facet fields.

    One ranked read of the small columns: the page's ids and the facets' counts both come from it.
    """
    rows = _filtered(matched, filters or {}).order_by(*ORDER)
    return list(rows.values("pk", *FACET_FIELDS.values())[: CANDIDATES + 1])


def facets(best, filters):
    """Return each facet's values with their counts among ``best``.

    The counts are over the best matches read (all of them, up to ``CANDIDATES``); each facet is
    counted over the matches that the other facets' filters keep, so a chosen value still shows the
    others to switch to.
    """
    result = {}
    for name in FACETS:
        field = FACET_FIELDS[name]
        counts = {}
        for row in _kept(best, _chosen(filters, without=name)):
            value = row[field]
            if value not in (None, ""):
                counts[value] = counts.get(value, 0) + 1
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
    return result


@dataclass
class Result:
    kind: object
    entry: SearchEntry
    obj: object

    @property
    def title(self):
        return self.kind.display_title(self.obj) if self.kind.display_title else self.entry.title

    @property
    def title_in_spanish(self):
        """Whether the shown title is people's Spanish writing (marked ``lang="es"`` in the English interface)."""
        if self.kind.title_language:
            return self.kind.title_language(self.obj) == "es"
        return self.kind.written_in_spanish

    @property
    def body(self):
        """The text the snippet is cut from: the kind's own in the page's language, else the indexed body."""
        shown = self.kind.display_body(self.obj) if self.kind.display_body else None
        return self.entry.body if shown is None else shown

    @property
    def body_in_spanish(self):
        """Whether the snippet is people's Spanish writing (marked ``lang="es"`` in the English interface)."""
        if self.kind.body_language and self.kind.display_body(self.obj) is not None:
            return self.kind.body_language(self.obj) == "es"
        return self.kind.written_in_spanish


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


class _Ranked:
    """The ranked ids of the results; a page's entries are read by id (without their vectors)."""

    ordered = True

    def __init__(self, ids):
        self.ids = ids

    def count(self):
        return len(self.ids)

    def __len__(self):
        return len(self.ids)

    def __getitem__(self, window):
        ids = self.ids[window]
        entries = SearchEntry.objects.defer("vector", "title_vector", "folded", "title_folded").in_bulk(ids)
        return [entries[pk] for pk in ids if pk in entries]


@dataclass
class Found:
    page: object
    results: list
    facets: dict
    more: bool  # more than CANDIDATES matches: the page reaches and the facets count the best ones


def search(user, query, filters, page_number):
    """Return what ``user`` finds for ``query``: a page of results, the facets and whether there is more.

    A common word matches tens of thousands of entries; ranking them all and counting their facets
    both read every match's row. So one ranked read of the best ``CANDIDATES`` gives the page and the
    facets (a second one, with the facet filters, when there are more matches than that).
    """
    entries = visible_entries(user)
    matched = matching(entries, query)
    best = _best(matched)
    if not best:  # nothing has these words: titles with words close to them (asked only now: it costs more)
        matched = close_matches(entries, query)
        best = _best(matched)
    more = len(best) > CANDIDATES
    best = best[:CANDIDATES]
    facet_values = facets(best, filters)
    chosen = _chosen(filters)
    if more and chosen:
        kept = _best(matched, filters)
        more = len(kept) > CANDIDATES
        ids = [row["pk"] for row in kept[:CANDIDATES]]
    else:
        ids = [row["pk"] for row in _kept(best, chosen)]
    page = Paginator(_Ranked(ids), PER_PAGE).get_page(page_number)
    return Found(page, _checked(user, list(page.object_list)), facet_values, more)
