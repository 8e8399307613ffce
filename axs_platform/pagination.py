"""Pagination for very long lists: count at most a fixed number of rows."""

from functools import cached_property

from django.core.paginator import Paginator


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
