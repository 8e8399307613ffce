"""The staff's proposal list: its query line, filters with counts and sorts (reads only; writes are services)."""

from .facets import FACETS, facet_counts, filtered_proposals
from .query import SORTS, Criteria, criteria_from, line_shown

__all__ = ["FACETS", "SORTS", "Criteria", "criteria_from", "facet_counts", "filtered_proposals", "line_shown"]
