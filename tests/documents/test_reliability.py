"""Documents that survive a broker that is down, a worker that dies, a full disk and repeated failures."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from kombu.exceptions import OperationalError as BrokerError

from audit.models import AuditEvent
from documents import queueing
from documents.heartbeat import beat
from documents.models import Document
from documents.queueing import documents_sweep
from documents.services import MAX_ATTEMPTS, _finish, _start, document_render, document_request, document_retry
from documents.tasks import render_document_task
from sdg.documents import GOAL_SHEET
from sdg.models import Goal
from tests.factories import make_representative

pytestmark = pytest.mark.django_db


class Broker:
    """Stands for the broker: records what was sent, or refuses like a Redis that is down."""

    def __init__(self):
        self.down = False
        self.sent = []

    def apply_async(self, args, retry=True):
        if self.down:
            raise BrokerError("Error 111 connecting to 127.0.0.1:6399. Connection refused.")
        self.sent.append(args[0])


@pytest.fixture
def broker(monkeypatch):
    broker = Broker()
    monkeypatch.setattr(render_document_task, "apply_async", broker.apply_async)
    monkeypatch.setattr(queueing, "_broker_down", False)
    return broker


@pytest.fixture
def goal():
    return Goal.objects.get(number=12)


def ask(person, goal, captured):
    with captured(execute=True):
        return document_request(actor=person, kind=GOAL_SHEET, language="es-mx", target=goal)


def test_a_request_while_the_broker_is_down_is_kept_and_the_sweep_sends_it_later(
    client, broker, goal, django_capture_on_commit_callbacks, caplog
):
    broker.down = True
    client.force_login(make_representative())
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("documents:document-request"),
            {"kind": GOAL_SHEET, "object_id": goal.pk, "language": "es-mx"},
            follow=True,
        )
    document = Document.objects.get()
    assert response.status_code == 200
    page = response.content.decode()
    assert "La cola de documentos no responde en este momento" in page
    assert "Esperando a la cola de documentos" in page
    assert document.status == Document.Status.QUEUED and document.sent_at is None
    assert documents_sweep() == 0  # Still down: nothing is sent, nothing is lost.
    assert [r.levelname for r in caplog.records if r.name == "documents.queueing"] == ["ERROR"]  # Logged once.

    broker.down = False
    assert documents_sweep() == 1
    assert broker.sent == [document.pk]
    document.refresh_from_db()
    assert document.sent_at is not None
    assert documents_sweep() == 0  # Sent a moment ago: not sent again.


def test_a_job_whose_heartbeat_stopped_goes_back_to_the_queue_and_renders_once(broker, goal, settings):
    document = document_request(actor=make_representative(), kind=GOAL_SHEET, language="es-mx", target=goal)
    first_attempt = _start(document.pk)
    assert first_attempt == 1
    Document.objects.filter(pk=document.pk).update(sent_at=timezone.now())
    assert documents_sweep() == 0  # A fresh heartbeat is left alone.
    silent_since = timezone.now() - timedelta(seconds=settings.AXS_DOCUMENT_STALE_SECONDS + 1)
    Document.objects.filter(pk=document.pk).update(heartbeat_at=silent_since, sent_at=timezone.now())

    assert documents_sweep() == 1
    assert broker.sent == [document.pk]
    document.refresh_from_db()
    assert document.status == Document.Status.QUEUED

    ready = document_render(document_id=document.pk)
    assert ready.status == Document.Status.READY and ready.attempts == 2
    # The first worker was only slow, not dead: what it finishes later is not kept.
    late = _finish(document.pk, first_attempt, status=Document.Status.FAILED, error="late")
    assert late.status == Document.Status.READY and late.file.name == ready.file.name


def test_a_second_delivery_while_a_worker_renders_leaves_the_job_to_it(goal):
    document = document_request(actor=make_representative(), kind=GOAL_SHEET, language="es-mx", target=goal)
    assert _start(document.pk) == 1
    again = document_render(document_id=document.pk)
    assert again.status == Document.Status.RENDERING and again.attempts == 1
    beat(document.pk, 1)
    assert Document.objects.get(pk=document.pk).heartbeat_at >= again.heartbeat_at


def test_a_job_started_too_often_by_dead_workers_is_failed_by_the_sweep_with_the_reason(broker, goal, settings):
    document = document_request(actor=make_representative(), kind=GOAL_SHEET, language="es-mx", target=goal)
    silent_since = timezone.now() - timedelta(seconds=settings.AXS_DOCUMENT_STALE_SECONDS + 1)
    Document.objects.filter(pk=document.pk).update(
        status=Document.Status.RENDERING, attempts=MAX_ATTEMPTS, heartbeat_at=silent_since
    )
    documents_sweep()
    document.refresh_from_db()
    assert document.status == Document.Status.FAILED
    assert "5 veces sin terminar" in document.error


def test_a_persons_retry_after_too_many_attempts_starts_a_fresh_count(goal):
    person = make_representative()
    document = document_request(actor=person, kind=GOAL_SHEET, language="es-mx", target=goal)
    Document.objects.filter(pk=document.pk).update(status=Document.Status.RENDERING, attempts=MAX_ATTEMPTS)
    failed = document_render(document_id=document.pk)
    assert failed.status == Document.Status.FAILED
    queued = document_retry(actor=person, document=failed)
    assert queued.attempts == 0
    ready = document_render(document_id=document.pk)
    assert ready.status == Document.Status.READY and ready.attempts == 1


def test_a_file_that_cannot_be_stored_fails_the_job_with_the_reason(goal, settings, tmp_path):
    unusable = tmp_path / "not-a-folder"
    unusable.write_text("a file where the media folder should be")
    settings.MEDIA_ROOT = unusable
    document = document_request(actor=make_representative(), kind=GOAL_SHEET, language="es-mx", target=goal)
    failed = document_render(document_id=document.pk)
    assert failed.status == Document.Status.FAILED
    assert failed.error.startswith("El PDF se generó pero no se pudo guardar (")
    assert not failed.file
    assert Document.objects.get(pk=document.pk).status == Document.Status.FAILED


def test_a_page_without_progress_for_a_while_offers_to_try_again(
    client, broker, goal, settings, django_capture_on_commit_callbacks
):
    person = make_representative()
    client.force_login(person)
    document = document_request(actor=person, kind=GOAL_SHEET, language="es-mx", target=goal)
    url = document.get_absolute_url()
    assert "Intentar de nuevo" not in client.get(url).content.decode()
    response = client.post(reverse("documents:document-retry", args=[document.pk]), follow=True)
    assert "Solo se puede intentar de nuevo un documento que falló" in response.content.decode()

    long_ago = timezone.now() - timedelta(seconds=settings.AXS_DOCUMENT_STALLED_SECONDS + 1)
    Document.objects.filter(pk=document.pk).update(requested_at=long_ago, sent_at=long_ago)
    page = client.get(url, headers={"accept-language": "es-mx"}).content.decode()
    assert "No ha habido avance en" in page and "Intentar de nuevo" in page
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("documents:document-retry", args=[document.pk]))
    document.refresh_from_db()
    assert document.status == Document.Status.QUEUED and document.attempts == 0
    assert broker.sent == [document.pk]


def test_the_stalled_offer_speaks_english_too(client, goal, settings):
    person = make_representative(preferred_language="en")
    client.force_login(person)
    document = document_request(actor=person, kind=GOAL_SHEET, language="en", target=goal)
    long_ago = timezone.now() - timedelta(seconds=settings.AXS_DOCUMENT_STALLED_SECONDS + 1)
    Document.objects.filter(pk=document.pk).update(requested_at=long_ago)
    page = client.get(document.get_absolute_url()).content.decode()
    assert "Nothing has moved for" in page and "Try again" in page


def test_celery_beat_runs_the_sweep_often_enough_to_recover_within_a_couple_of_minutes(settings):
    [entry] = [e for e in settings.CELERY_BEAT_SCHEDULE.values() if e["task"] == "documents.sweep"]
    assert entry["schedule"] + settings.AXS_DOCUMENT_STALE_SECONDS <= 120
    assert settings.AXS_DOCUMENT_HEARTBEAT_SECONDS * 3 <= settings.AXS_DOCUMENT_STALE_SECONDS
    assert "documents.sweep" in render_document_task.app.tasks


def test_a_job_tried_again_waits_afresh_without_the_earlier_runs_times(
    client, broker, flaky_kind, django_capture_on_commit_callbacks
):
    person = make_representative()
    client.force_login(person)
    document = document_request(actor=person, kind="tests.flaky", language="es-mx")
    document_render(document_id=document.pk)
    long_ago = timezone.now() - timedelta(seconds=settings.AXS_DOCUMENT_STALLED_SECONDS + 60)
    Document.objects.filter(pk=document.pk).update(
        requested_at=long_ago, sent_at=long_ago, started_at=long_ago, heartbeat_at=long_ago, finished_at=long_ago
    )
    broker.down = True  # the queue does not answer: nothing but the retry itself shows progress
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("documents:document-retry", args=[document.pk]))
    document.refresh_from_db()
    assert document.status == Document.Status.QUEUED
    assert document.finished_at is None and document.started_at is None and document.sent_at is None
    assert not document.is_stalled
    page = client.get(document.get_absolute_url(), headers={"accept-language": "es-mx"}).content.decode()
    assert "Terminado el" not in page and "No ha habido avance" not in page
    failure = AuditEvent.objects.filter(target_id=str(document.pk), action=AuditEvent.Action.TRANSITION).get()
    assert failure.changes["error"] == ["La fuente de datos no respondió.", ""]
