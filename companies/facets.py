"""Filters and labels that apps above companies add to the directory, without companies importing them.

An app higher in the layering (committees) registers a ``DirectoryFacet`` in its
``AppConfig.ready()``: a choice field for the filter form, how it filters organizations, and the
short labels each organization shows in the list (one query for a whole page).
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class DirectoryFacet:
    """One extra filter of the directory.

    ``choices()`` lists (value, label) pairs; ``filter(organizations, value)`` narrows a queryset;
    ``labels(organization_ids)`` returns ``{organization_id: [(label, title), ...]}`` for a page.
    """

    name: str
    label: Any
    choices: Callable
    filter: Callable
    labels: Callable
    # The choices name what people wrote in Spanish (committee names): marked lang="es" in English.
    spanish_choices: bool = False


_facets: dict[str, DirectoryFacet] = {}


def register(facet):
    _facets[facet.name] = facet
    return facet


def facets():
    return list(_facets.values())
