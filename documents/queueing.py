"""Handing jobs to the broker, and the sweep that sends again the ones left without a worker.

A job is saved before it is sent. When the broker does not answer, sending gives up within about
a second, the job stays queued with no ``sent_at``, and the sweep (Celery beat, every
``AXS_DOCUMENT_SWEEP_SECONDS``) sends it once the broker is back. The sweep also hands back a job
whose worker stopped writing its heartbeat, and sends again a queued job that was sent long ago
and never started (a broker restarted without its data loses its queue).
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from kombu.exceptions import OperationalError as BrokerError

from .models import Document

logger = logging.getLogger(__name__)
# Whether the last send failed: a broker outage is logged once when it starts and once when it ends,
# not once per request.
_broker_down = False


def send(document_id):
    """Hand a job to the broker now; return whether the broker took it."""
    global _broker_down
    from .tasks import render_document_task

    try:
        render_document_task.apply_async((document_id,), retry=False)
    except (BrokerError, OSError) as error:
        if not _broker_down:
            logger.error("The broker refused document %s (%r); the sweep will send it again.", document_id, error)
        _broker_down = True
        return False
    if _broker_down:
        logger.warning("The broker takes documents again.")
    _broker_down = False
    Document.objects.filter(pk=document_id, status__in=Document.IN_PROGRESS).update(sent_at=timezone.now())
    return True


def send_on_commit(document):
    """Send the job once the transaction that saved it commits; note on it whether the broker took it."""

    def _send():
        document.sent_at = timezone.now() if send(document.pk) else None

    document.sent_at = None
    transaction.on_commit(_send)


def stale_before(now=None):
    return (now or timezone.now()) - timedelta(seconds=settings.AXS_DOCUMENT_STALE_SECONDS)


def documents_sweep(*, now=None):
    """Send again the jobs left without a worker or never sent; return how many were sent."""
    from .services import MAX_ATTEMPTS, fail_started_too_often

    now = now or timezone.now()
    resend_before = now - timedelta(seconds=settings.AXS_DOCUMENT_RESEND_SECONDS)
    ids = []
    lost_workers = Document.objects.filter(status=Document.Status.RENDERING).exclude(
        heartbeat_at__gte=stale_before(now)
    )
    for document_id in lost_workers.values_list("pk", flat=True):
        with transaction.atomic():
            document = Document.objects.select_for_update().get(pk=document_id)
            if document.status != Document.Status.RENDERING or (
                document.heartbeat_at and document.heartbeat_at >= stale_before(now)
            ):
                continue
            if document.attempts >= MAX_ATTEMPTS:
                fail_started_too_often(document)
                continue
            document.status = Document.Status.QUEUED
            document.save(update_fields=["status"])
            logger.warning("Document %s lost its worker (no heartbeat since %s); queued again.", document_id, now)
        ids.append(document_id)
    never_sent = Document.objects.filter(status=Document.Status.QUEUED).exclude(sent_at__gte=resend_before)
    ids.extend(never_sent.exclude(pk__in=ids).values_list("pk", flat=True))
    sent = 0
    for document_id in ids:
        if not send(document_id):
            break  # The broker is down: the next sweep tries again.
        sent += 1
    return sent
