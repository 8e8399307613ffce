"""The worker's side of open data: build a file ahead of time, and the beat that asks for stale ones."""

from celery import shared_task
from django.db import InterfaceError, OperationalError

from . import prebuilt

TRANSIENT = (OperationalError, InterfaceError, OSError)


@shared_task(name="opendata.build", bind=True, acks_late=False, ignore_result=True, max_retries=3)
def build_task(self, name, file_format):
    """Build one file; every failure is recorded for staff, a transient one is retried with a growing wait."""
    try:
        prebuilt.build(name=name, file_format=file_format)
    except Exception as error:
        prebuilt.build_failed(name=name, file_format=file_format, error=error)
        if isinstance(error, TRANSIENT) and self.request.retries < self.max_retries:
            raise self.retry(exc=error, countdown=30 * 2**self.request.retries) from error
        raise


@shared_task(name="opendata.rebuild_due", ignore_result=True)
def rebuild_due_task():
    return prebuilt.queue_due()
