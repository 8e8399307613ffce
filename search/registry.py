"""The kinds of things that can be found, registered by the apps that own them in ``AppConfig.ready()``.

A kind says how to turn one of its objects into an entry (``document``), which entries a person may
find (``visible``, a ``Q`` on ``SearchEntry`` built from the app's permission helpers) and the object
predicate of its page (``can_view``), which the results page asks again for every result it shows.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone

NOTHING = Q(pk__in=[])


def everyone(user):
    """A ``visible`` rule: every entry of the kind, for anybody."""
    return Q()


def always(user, obj):
    """A ``can_view`` predicate for public pages."""
    return True


def local_year(moment):
    """Return the year of ``moment`` in the site's time zone, or None without a moment."""
    return timezone.localtime(moment).year if moment else None


def committee_facets(committee, when=None, *, year=None):
    """Return a ``Document``'s facet fields for something of ``committee`` (or of none) dated ``when``.

    The SDG is the committee's goal; the year is ``when``'s in the site's time zone unless ``year`` is given.
    """
    return {
        "committee_id": committee.pk if committee is not None else None,
        "sdg": str(committee.goal.number) if committee is not None else "",
        "year": year if year is not None else local_year(when),
    }


@dataclass(frozen=True)
class Document:
    """What the index keeps of one object."""

    title: str
    body: str  # what snippets are cut from: in the language the kind's snippets are marked with
    url: str
    committee_id: int | None = None
    sdg: str = ""
    year: int | None = None
    audience: str = ""
    organization_id: int | None = None
    # Words that find the entry but are never shown (a session's English title, which would end a
    # Spanish snippet): matched like the body, and not stored apart from the matching columns.
    also: str = ""


@dataclass(frozen=True)
class Kind:
    """One kind of result.

    ``document(obj)`` returns a ``Document``, or None when the object must not be found (archived,
    a draft of minutes...). ``visible(user)`` returns a ``Q`` on ``SearchEntry`` (``NOTHING`` for none).
    ``queryset()`` gives every object to index and loads a page's results for ``can_view``.
    ``display_title(obj)`` names a bilingual object in the page's language; without it the indexed
    title (people's Spanish writing, ``written_in_spanish``) is shown. ``title_language(obj)`` says which
    language ``display_title`` gave ("es" or "en") where it varies by object (a committee with or without
    its English name); without it, ``written_in_spanish`` says it for the whole kind.
    ``display_body(obj)`` likewise gives the text snippets are cut from in the page's language (a project's
    English summary), or None for the indexed body; ``body_language(obj)`` says which language it is in.
    """

    name: str
    label: object
    label_plural: object
    model: type
    queryset: Callable
    document: Callable
    visible: Callable
    can_view: Callable
    order: int = 100
    display_title: Callable | None = None
    written_in_spanish: bool = True
    title_language: Callable | None = None
    display_body: Callable | None = None
    body_language: Callable | None = None


_kinds = {}
_facet_labels = {}


def register(kind):
    _kinds[kind.name] = kind


def kinds():
    """Return the registered kinds in their display order."""
    return sorted(_kinds.values(), key=lambda kind: (kind.order, kind.name))


def kind(name):
    return _kinds.get(name)


def kinds_of(model):
    return [k for k in _kinds.values() if isinstance_model(model, k.model)]


def isinstance_model(model, registered):
    return model is registered or (isinstance(model, type) and issubclass(model, registered))


def register_facet_labels(facet, labeller):
    """Let an app name the values of a facet: ``labeller(values)`` returns ``{value: label}``."""
    _facet_labels[facet] = labeller


def facet_labels(facet, values):
    labeller = _facet_labels.get(facet)
    return labeller(values) if labeller else {}
