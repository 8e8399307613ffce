"""Reads of generated documents shared by pages."""

from django.db.models import Count, Q

from .models import Document
from .registry import all_kinds


def documents_for(user, *, all_documents=False, kind="", status=""):
    """Return the documents a person asked for (or all, for staff), newest first."""
    documents = Document.objects.select_related("requested_by")
    if not all_documents:
        documents = documents.filter(requested_by=user)
    if kind:
        documents = documents.filter(kind=kind)
    if status:
        documents = documents.filter(status=status)
    return documents


def failed_count(user, *, all_documents):
    """Return how many documents failed to render (everybody's for staff, else the person's own): 1 query."""
    documents = Document.objects.all() if all_documents else Document.objects.filter(requested_by=user)
    return documents.aggregate(n=Count("pk", filter=Q(status=Document.Status.FAILED)))["n"]


def documents_naming(person, *, purposes=None):
    """Return the ready documents that print the person's name (of the kinds that withhold one of ``purposes``).

    ``purposes`` None: every kind that names people (after an anonymization, every copy must read the new name).
    """
    found = Document.objects.none()
    for kind in all_kinds().values():
        if kind.naming is None or (purposes is not None and not set(kind.withholds) & set(purposes)):
            continue
        ready = Document.objects.filter(kind=kind.code, status=Document.Status.READY, erased_at__isnull=True)
        found |= kind.naming(ready, person)
    return found
