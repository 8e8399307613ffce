"""Pagination: a page of rows from the query string, deep pages read by key, and a count that stops at a cap."""

from functools import cached_property

from django.core.paginator import Paginator
from django.db.models import Subquery


class CappedPaginator(Paginator):
    """Count no further than ``cap`` rows, so the count costs the same on any table size.

    Pages past the cap are not offered; ``is_capped`` tells the template to ask for a filter.
    """

    cap = 10_000

    @cached_property
    def count(self):
        if hasattr(self.object_list, "order_by"):
            return self.object_list.order_by()[: self.cap + 1].count()
        return len(self.object_list)

    @property
    def is_capped(self):
        return self.count > self.cap

    @cached_property
    def num_pages(self):
        return super().num_pages if not self.is_capped else -(-self.cap // self.per_page)


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
