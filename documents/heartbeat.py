"""A rendering job's heartbeat: a thread that notes the time on the job while the worker renders it."""

import logging
import threading
from contextlib import contextmanager

from django.conf import settings
from django.db import DatabaseError, connection
from django.utils import timezone

from .models import Document

logger = logging.getLogger(__name__)


def beat(document_id, attempt):
    """Note that the job is still rendering, unless another attempt took it over."""
    Document.objects.filter(pk=document_id, status=Document.Status.RENDERING, attempts=attempt).update(
        heartbeat_at=timezone.now()
    )


@contextmanager
def heartbeat(document_id, attempt):
    """Write the job's heartbeat every ``AXS_DOCUMENT_HEARTBEAT_SECONDS`` until the block ends.

    The thread has a database connection of its own (Django's are per thread) and closes it.
    """
    stop = threading.Event()

    def run():
        try:
            while not stop.wait(settings.AXS_DOCUMENT_HEARTBEAT_SECONDS):
                try:
                    beat(document_id, attempt)
                except DatabaseError:
                    logger.warning("Could not write the heartbeat of document %s.", document_id, exc_info=True)
        finally:
            connection.close()

    thread = threading.Thread(target=run, name=f"document-{document_id}-heartbeat", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()
