"""Pagination: a page of rows from the query string (by number), and pages read by key where people page far."""

from django.core.paginator import Paginator
from django.db.models import Q, Subquery


def page_of(request, rows, per_page):
    """Return the page of ``rows`` that the request's ``?page=`` asks for (the last one if past the end)."""
    return Paginator(rows, per_page).get_page(request.GET.get("page"))


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


class KeysetPage:
    """A page read by key (seek), newest first: the rows older or newer than a given row.

    ``rows`` must be ordered by ``(-field, -pk)``. ``?older=<pk>`` reads the page after that row,
    ``?newer=<pk>`` the page before it; neither reads the first page. Every page costs the same
    index scan of ``per_page + 1`` rows however far it is: no OFFSET, no total count.
    """

    def __init__(self, request, rows, per_page, *, field):
        self.field = field
        older, newer = self._key(rows, request.GET.get("older")), self._key(rows, request.GET.get("newer"))
        if older is not None:
            items = list(rows.filter(self._beyond(older, "lt"))[: per_page + 1])
            self.has_older, self.has_newer = len(items) > per_page, True
            items = items[:per_page]
        elif newer is not None:
            ascending = rows.filter(self._beyond(newer, "gt")).order_by(field, "pk")
            items = list(ascending[: per_page + 1])
            self.has_newer, self.has_older = len(items) > per_page, True
            items = items[:per_page][::-1]
        else:
            items = list(rows[: per_page + 1])
            self.has_older, self.has_newer = len(items) > per_page, False
            items = items[:per_page]
        self.object_list = items
        self.has_other_pages = bool(items) and (self.has_older or self.has_newer)

    def _key(self, rows, value):
        if not value or not value.isdigit():
            return None
        return rows.model._default_manager.filter(pk=int(value)).values_list(self.field, "pk").first()

    def _beyond(self, key, lookup):
        value, pk = key
        return Q(**{f"{self.field}__{lookup}": value}) | Q(**{self.field: value, f"pk__{lookup}": pk})

    @property
    def oldest_pk(self):
        return self.object_list[-1].pk

    @property
    def newest_pk(self):
        return self.object_list[0].pk

    def __iter__(self):
        return iter(self.object_list)
