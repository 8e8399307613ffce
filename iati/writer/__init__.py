"""Writing IATI 2.03 XML with lxml: activities (one per published project) and the organisation file."""

from .activity import Reporter, activity_dates, activity_element, is_publishable
from .files import activity_chunks, organisation_document

__all__ = [
    "Reporter",
    "activity_chunks",
    "activity_dates",
    "activity_element",
    "is_publishable",
    "organisation_document",
]
