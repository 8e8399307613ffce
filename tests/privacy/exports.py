"""Build the export of a request's person as staff do from its page: an access request is granted with it."""

from documents.services import document_render, document_request
from privacy.documents import PERSONAL_DATA


def built_export(staff, rights_request, language="es"):
    """Request the export and render it at once (the job runs only once a transaction commits); return it."""
    document = document_request(actor=staff, kind=PERSONAL_DATA, language=language, target=rights_request)
    document = document_render(document_id=document.pk)
    assert document.status == "ready", document.error
    return document
