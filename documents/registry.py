"""The kinds of document the platform renders, registered by the apps that own their data."""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ImproperlyConfigured


@dataclass(frozen=True)
class Source:
    """What a kind's builder returns: the HTML to render and the file name to offer.

    ``attachments`` are ``(name, bytes)`` files to ship beside the PDF: the job then stores one ZIP
    holding the PDF and them, named ``bundle_name`` (a personal data export: JSON and CSV files).
    ``pdf_variant`` is WeasyPrint's (``"pdf/ua-1"``: a PDF tagged for accessibility).
    """

    html: str
    filename: str
    title: str
    attachments: tuple = ()
    bundle_name: str = ""
    pdf_variant: str = ""


@dataclass(frozen=True)
class DocumentKind:
    """A kind of document.

    ``build(document)`` returns a ``Source`` and runs inside the worker, in the document's
    language. ``can_request(user, target, params)`` and ``can_view(user, document)`` answer who
    may ask for it and who may read it; ``model`` is the class of the target, if it has one.
    ``describe(target, params)`` names the document before it is rendered. ``on_ready(document)``, if
    given, runs in the transaction that stores the file (its side effects through ``transaction.on_commit``
    or the outbox), e.g. to e-mail somebody without an account a link to it.

    A kind whose documents name people says which: ``naming(documents, person)`` narrows a queryset of its
    documents to those that name the person, and ``withholds`` lists the purposes (``axs_platform.purposes``) whose
    opposition leaves a person's name out of it. ``documents.services.documents_rerender`` renders them again
    after an opposition or an anonymization, so stored copies do not keep the name.
    """

    code: str
    label: Any
    build: Callable
    can_request: Callable
    can_view: Callable
    describe: Callable
    model: type | None = None
    options: dict = field(default_factory=dict)
    on_ready: Callable | None = None
    naming: Callable | None = None
    withholds: tuple = ()


_kinds: dict[str, DocumentKind] = {}


def register(kind):
    """Make a kind available; registering the same code twice is a programming error."""
    if kind.code in _kinds and _kinds[kind.code] is not kind:
        raise ImproperlyConfigured(f"Document kind {kind.code!r} is registered twice.")
    _kinds[kind.code] = kind
    return kind


def get_kind(code):
    """Return the registered kind, or raise ``LookupError``."""
    try:
        return _kinds[code]
    except KeyError:
        raise LookupError(code) from None


def all_kinds():
    return dict(_kinds)
