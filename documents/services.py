"""Asking for, rendering, retrying and regenerating documents. Views and tasks call these."""

import hashlib
import io
import json
import logging
import zipfile
from functools import partial

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from audit.models import AuditEvent
from audit.services import audit_record

from .heartbeat import heartbeat
from .models import Document
from .pdf import render_pdf
from .permissions import can_request_document, can_view_document
from .queueing import send_on_commit, stale_before
from .registry import get_kind
from .selectors import documents_naming

logger = logging.getLogger(__name__)
# A job that has been started this many times without finishing (its worker died each time)
# is marked failed instead of being tried for ever; a person's "Try again" starts a fresh count.
MAX_ATTEMPTS = 5


class DocumentError(Exception):
    """A failure whose message can be shown to the person who asked for the document."""


def params_key(params):
    """Return a stable key for a dict of parameters."""
    canonical = json.dumps(params or {}, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(canonical.encode()).hexdigest()


@transaction.atomic
def document_request(*, actor, kind, language, target=None, params=None, request=None, reason=""):
    """Queue a document, or return the one the same requester already has queued or rendering for the same data.

    ``actor`` None is the platform itself: a service that keeps a document current after a change it made
    (who may ask is a question about people asking from the web, checked for every person). ``reason``
    says in the audit trail what caused the request.
    """
    kind_spec = get_kind(kind)
    params = params or {}
    if actor is not None and not can_request_document(actor, kind, target, params):
        raise PermissionDenied
    target_id = str(target.pk) if target is not None else ""
    key = params_key(params)
    same_data = Document.objects.select_for_update().filter(
        kind=kind,
        target_id=target_id,
        language=language,
        params_key=key,
        requested_by=actor,
        status__in=Document.IN_PROGRESS,
    )
    existing = same_data.first()
    if existing is not None:
        return existing
    with translation.override(language):
        title = str(kind_spec.describe(target, params))
    document = Document(
        kind=kind,
        title=title[:255],
        language=language,
        target_type=ContentType.objects.get_for_model(target) if target is not None else None,
        target_id=target_id,
        params=params,
        params_key=key,
        requested_by=actor,
    )
    try:
        with transaction.atomic():
            document.save()
    except IntegrityError:
        # Another request queued the same document between our check and our insert.
        return same_data.get()
    audit_record(actor=actor, action=AuditEvent.Action.CREATED, target=document, message=reason, request=request)
    send_on_commit(document)
    return document


def bundle(pdf, source):
    """Return one ZIP holding the rendered PDF and the source's attachments."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(source.filename, pdf)
        for name, content in source.attachments:
            archive.writestr(name, content)
    return buffer.getvalue()


def fail_started_too_often(document):
    """Fail a job (locked by the caller) that was started ``MAX_ATTEMPTS`` times without finishing."""
    with translation.override(document.language):
        document.error = _("The document was started %(count)d times without finishing. Try again later.") % {
            "count": document.attempts
        }
    document.status = Document.Status.FAILED
    document.finished_at = timezone.now()
    document.save(update_fields=["status", "error", "finished_at"])
    return document


def _start(document_id):
    """Take the job under its row lock; return its attempt number, or None if it is not ours to render."""
    with transaction.atomic():
        document = Document.objects.select_for_update().get(pk=document_id)
        if document.status in (Document.Status.READY, Document.Status.FAILED):
            return None
        alive = document.heartbeat_at is not None and document.heartbeat_at >= stale_before()
        if document.status == Document.Status.RENDERING and alive:
            return None  # Another worker is rendering it right now (a second delivery of the job).
        if document.attempts >= MAX_ATTEMPTS:
            fail_started_too_often(document)
            return None
        document.status = Document.Status.RENDERING
        document.started_at = document.heartbeat_at = timezone.now()
        document.attempts += 1
        document.save(update_fields=["status", "started_at", "heartbeat_at", "attempts"])
        return document.attempts


def document_render(*, document_id):
    """Render a queued document; safe to run twice and after a worker died mid-job."""
    attempt = _start(document_id)
    if attempt is None:
        return Document.objects.get(pk=document_id)
    document = Document.objects.get(pk=document_id)
    try:
        kind_spec = get_kind(document.kind)
        with heartbeat(document_id, attempt), translation.override(document.language):
            source = kind_spec.build(document)
            pdf, pages = render_pdf(source.html, source.pdf_variant)
            filename = source.filename
            if source.attachments:
                pdf, filename = bundle(pdf, source), source.bundle_name
    except Exception as error:  # noqa: BLE001 (every failure is recorded on the job)
        if isinstance(error, DocumentError):
            reason = str(error)
        else:
            logger.exception("Rendering document %s failed", document_id)
            with translation.override(document.language):
                reason = _(
                    "The document could not be rendered (%(error)s). Try again; if it fails again, tell the staff."
                ) % {"error": type(error).__name__}
        return _finish(document_id, attempt, status=Document.Status.FAILED, error=reason)
    return _finish(document_id, attempt, status=Document.Status.READY, pdf=pdf, pages=pages, filename=filename)


@transaction.atomic
def _finish(document_id, attempt, *, status, error="", pdf=None, pages=None, filename=""):
    document = Document.objects.select_for_update().get(pk=document_id)
    if document.status != Document.Status.RENDERING or document.attempts != attempt:
        return document  # Another delivery of the same job finished or took it over: keep its result.
    if document.erased_at is not None:
        # Its data was erased while it rendered (a cancellation): what was built is not stored.
        pdf, filename, pages = None, "", None
        if status == Document.Status.READY:
            status = Document.Status.FAILED
            with translation.override(document.language):
                error = _("The data of this document was erased while it was being made: nothing was stored.")
    if pdf is not None:
        previous = document.file.name if document.file else ""
        try:
            document.file.save(filename, ContentFile(pdf), save=False)
        except OSError as storage_error:
            logger.exception("Storing document %s failed", document_id)
            with translation.override(document.language):
                error = _(
                    "The PDF was rendered but could not be stored (%(reason)s). Try again; if it fails again, "
                    "tell the staff."
                ) % {"reason": storage_error.strerror or type(storage_error).__name__}
            status, document.file = Document.Status.FAILED, ""
        else:
            document.filename = filename
            document.file_size = len(pdf)
            document.page_count = pages
            if previous:  # rendered again (``documents_rerender``): the earlier copy goes once this one is kept
                storage = document.file.storage
                transaction.on_commit(lambda: storage.delete(previous))
    document.status = status
    document.error = error
    document.finished_at = timezone.now()
    document.save()
    if status == Document.Status.READY:
        on_ready = get_kind(document.kind).on_ready
        if on_ready is not None:
            on_ready(document)
    return document


@transaction.atomic
def document_retry(*, actor, document, request=None):
    """Queue a failed or stalled document again, with a fresh count of attempts."""
    document = Document.objects.select_for_update().get(pk=document.pk)
    if not can_view_document(actor, document):
        raise PermissionDenied
    if document.status != Document.Status.FAILED and not document.is_stalled:
        raise ValidationError(
            _("Only a failed document, or one that has shown no progress for a while, can be tried again."),
            code="not_failed",
        )
    previous, previous_error = document.status, document.error
    # Waiting afresh: the times of the earlier run go (the audit trail keeps its failure) and the stall clock
    # starts from now, as after ``documents_rerender``.
    document.status, document.error, document.attempts = Document.Status.QUEUED, "", 0
    document.heartbeat_at = document.started_at = document.sent_at = document.finished_at = None
    document.retried_at = timezone.now()
    document.save(
        update_fields=[
            "status",
            "error",
            "attempts",
            "heartbeat_at",
            "started_at",
            "sent_at",
            "finished_at",
            "retried_at",
        ]
    )
    changes = {"status": [previous, Document.Status.QUEUED]}
    if previous_error:
        changes["error"] = [previous_error, ""]
    audit_record(actor=actor, action=AuditEvent.Action.TRANSITION, target=document, request=request, changes=changes)
    send_on_commit(document)
    return document


def document_regenerate(*, actor, document, request=None):
    """Render the same document again from today's data; the earlier one is kept."""
    return document_request(
        actor=actor,
        kind=document.kind,
        language=document.language,
        target=document.target,
        params=document.params,
        request=request,
    )


@transaction.atomic
def documents_erase(*, documents, title):
    """Erase the files of these documents and replace their titles; the rows stay with their status and times.

    ``title`` gives the new title of each document (a function of the document, e.g. in its language).

    For copies of personal data (an access export) whose person is anonymized: the copy goes, the record that
    it was made stays. A document still rendering is marked too, and its job then stores nothing (``_finish``).
    Safe to run twice. Return how many were erased.
    """
    count = 0
    for document in documents.select_for_update().filter(erased_at__isnull=True):
        if document.file:
            # The file goes once the erasure commits: a rollback leaves the row and its file as they were.
            transaction.on_commit(partial(document.file.storage.delete, document.file.name))
        document.file, document.filename, document.file_size = "", "", None
        document.title, document.erased_at = title(document), timezone.now()
        document.save(update_fields=["file", "filename", "file_size", "title", "erased_at"])
        count += 1
    return count


def documents_rerender(*, documents):
    """Render these ready documents again from today's data, in place: same row, same link, a new file.

    For stored copies that name a person who has since opposed being named or been anonymized. Each job is queued
    in its own transaction and sent on commit; one already queued or rendering is left alone (it reads today's
    data), so running this twice queues nothing more. When another job of the same requester for the same data is
    in progress, the earlier copy's file is erased instead (that job gives today's). Return how many were queued.
    """
    queued = 0
    for pk in documents.values_list("pk", flat=True):
        with transaction.atomic():
            document = Document.objects.select_for_update().get(pk=pk)
            if document.status != Document.Status.READY or document.erased_at is not None:
                continue
            document.status, document.error, document.attempts = Document.Status.QUEUED, "", 0
            document.heartbeat_at = document.started_at = document.sent_at = None
            fields = ["status", "error", "attempts", "heartbeat_at", "started_at", "sent_at"]
            try:
                with transaction.atomic():
                    document.save(update_fields=fields)
            except IntegrityError:
                documents_erase(documents=Document.objects.filter(pk=pk), title=lambda d: d.title)
                continue
            send_on_commit(document)
            queued += 1
    return queued


def documents_rerender_naming(person, *, purposes=None):
    """Once the transaction commits, render again the stored documents that print the person's name.

    ``purposes``: the ones the person has just opposed (only the kinds that withhold one of them); None after an
    anonymization (every kind that names people). See ``selectors.documents_naming``.
    """
    transaction.on_commit(lambda: documents_rerender(documents=documents_naming(person, purposes=purposes)))
