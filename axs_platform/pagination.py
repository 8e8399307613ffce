"""Pagination: a page of rows from the query string (by number), and pages read by key where people page far."""

from django.core.paginator import Paginator
from django.db.models import Q, Subquery


def page_of(request, rows, per_page, *, param="page"):
    """Return the page of ``rows`` that ``?page=`` (or ``?<param>=``) asks for (the last one if past the end)."""
    return Paginator(rows, per_page).get_page(request.GET.get(param))


def query_without(request, param):
    """The request's query string without ``param``: the other lists' pages and filters, for one list's page links."""
    query = request.GET.copy()
    query.pop(param, None)
    return query.urlencode()


class page_rows:  # noqa: N801 (used like a function: page_rows(rows))
    """Wrap an ordered queryset so that a page reads its rows' keys first, then joins only those rows.

    On a deep page the offset then runs over the index alone, not over every skipped row's joins.
    """

    ordered = True

    def __init__(self, rows):
        self.rows = rows

    def count(self):
        return self.rows.count()

    def __len__(self):
        return self.count()

    def __getitem__(self, window):
        keys = self.rows.values("pk")[window]
        return list(self.rows.filter(pk__in=Subquery(keys)))


class counted_rows:  # noqa: N801 (used like a function: counted_rows(rows, counted))
    """Rows that a page slices as they are, counted by a cheaper query that has the same rows.

    For grouped rows: counting ``rows`` itself would run the whole aggregate again inside the count.
    """

    def __init__(self, rows, counted):
        self.rows, self.counted = rows, counted
        self.ordered = rows.ordered  # the paginator warns about unordered rows as it would for the queryset

    def count(self):
        return self.counted.count()

    def __len__(self):
        return self.count()

    def __getitem__(self, window):
        return self.rows[window]


class KeysetPage:
    """A page read by key (seek): the rows after or before a given row in the list's order.

    ``rows`` must be ordered by ``(key, pk)``, both descending (``descending=True``, the newest
    first) or both ascending; ``key`` names a field or an annotation. ``?after=<pk>`` reads the
    page that follows that row, ``?before=<pk>`` the page that precedes it; neither reads the
    first page. Every page costs one read of ``per_page + 1`` rows however far it is: no OFFSET.
    """

    def __init__(self, request, rows, per_page, *, key, descending=True):
        self.key, self.descending = key, descending
        after, before = self._key_of(rows, request.GET.get("after")), self._key_of(rows, request.GET.get("before"))
        if after is not None:
            items = list(rows.filter(self._beyond(after, forward=True))[: per_page + 1])
            self.has_next, self.has_previous = len(items) > per_page, True
            items = items[:per_page]
        elif before is not None:
            order = (key, "pk") if descending else (f"-{key}", "-pk")
            items = list(rows.filter(self._beyond(before, forward=False)).order_by(*order)[: per_page + 1])
            self.has_previous, self.has_next = len(items) > per_page, True
            items = items[:per_page][::-1]
        else:
            items = list(rows[: per_page + 1])
            self.has_next, self.has_previous = len(items) > per_page, False
            items = items[:per_page]
        self.object_list = items
        self.has_other_pages = bool(items) and (self.has_next or self.has_previous)

    def _key_of(self, rows, value):
        if not value or not (value.isascii() and value.isdigit()) or len(value) > 18:
            return None
        return rows.filter(pk=int(value)).values_list(self.key, "pk").first()

    def _beyond(self, key, *, forward):
        value, pk = key
        lookup = "lt" if forward == self.descending else "gt"
        # The outer bound on the key alone lets the database start its index scan at the row.
        return Q(**{f"{self.key}__{lookup}e": value}) & (
            Q(**{f"{self.key}__{lookup}": value}) | Q(**{self.key: value, f"pk__{lookup}": pk})
        )

    @property
    def last_pk(self):
        return self.object_list[-1].pk

    @property
    def first_pk(self):
        return self.object_list[0].pk

    def __iter__(self):
        return iter(self.object_list)
