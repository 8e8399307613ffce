"""The worker's side of documents: take an id, call the service, retry only transient errors."""

from celery import shared_task
from django.db import InterfaceError, OperationalError

from .queueing import documents_sweep
from .services import document_render


# Acknowledged when it starts, not when it ends: the job's row, its heartbeat and the sweep
# (documents.queueing) are the record of work in flight, and hand back the job of a worker that
# died. A message held unacknowledged while it renders is also what killed the worker when Redis
# dropped mid-job (celery 5.7.0 / kombu 5.7.0: closing the lost connection restores unacknowledged
# messages through a transport whose client was already cleared, AttributeError 'hostname').
@shared_task(
    name="documents.render",
    acks_late=False,
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
