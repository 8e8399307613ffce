"""Reads of generated documents shared by pages."""

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
