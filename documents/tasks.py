"""The worker's side of documents: take an id, call the service, retry only transient errors."""

from celery import shared_task
from django.db import InterfaceError, OperationalError

from .services import document_render


@shared_task(
    name="documents.render",
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=(OperationalError, InterfaceError),
    retry_backoff=5,
    max_retries=5,
)
def render_document_task(document_id):
    document = document_render(document_id=document_id)
    return document.status
