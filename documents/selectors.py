"""Reads of generated documents shared by pages."""

from django.db.models import Count, Q

from .models import Document


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
