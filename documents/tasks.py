"""The worker's side of documents: take an id, call the service, retry only transient errors."""

from celery import shared_task
from django.db import InterfaceError, OperationalError

from .queueing import documents_sweep
from .services import document_render


@shared_task(
    name="documents.render",
    acks_late=True,
    reject_on_worker_lost=True,
    ignore_result=True,
    autoretry_for=(OperationalError, InterfaceError),
    retry_backoff=5,
    max_retries=5,
)
def render_document_task(document_id):
    document = document_render(document_id=document_id)
    return document.status


@shared_task(name="documents.sweep", ignore_result=True)
def documents_sweep_task():
    return documents_sweep()
