"""A document asked for while the queue is down, and one that has stalled: what the person sees and can do."""

from datetime import timedelta

from django.utils import timezone
from kombu.exceptions import OperationalError as BrokerError
from playwright.sync_api import expect

from documents import queueing
from documents.models import Document
from documents.tasks import render_document_task
from tests.factories import PASSWORD, make_representative, make_staff


def sign_in(page, live_server, email, next_url):
    page.goto(f"{live_server.url}/cuenta/entrar/?next={next_url}")
    page.get_by_label("Correo electrónico").fill(email)
    page.get_by_label("Contraseña").fill(PASSWORD)
    page.get_by_role("button", name="Iniciar sesión").click()


def test_the_queue_being_down_is_said_and_a_stalled_job_can_be_tried_again(
    page, browser, live_server, transactional_db, monkeypatch, settings
):
    def refuse(*args, **kwargs):
        raise BrokerError("Error 111 connecting to 127.0.0.1:6399. Connection refused.")

    monkeypatch.setattr(render_document_task, "apply_async", refuse)
    monkeypatch.setattr(queueing, "_broker_down", False)
    make_representative(email="cola@b.example")
    sign_in(page, live_server, "cola@b.example", "/ods/7/")
    page.get_by_role("button", name="Ficha imprimible").click()
    expect(page.get_by_text("La cola de documentos no responde en este momento")).to_be_visible()
    expect(page.get_by_text("Esperando a la cola de documentos")).to_be_visible()
    page.screenshot(path="/tmp/relia/queue-down-es.png", full_page=True)

    document = Document.objects.get()
    long_ago = timezone.now() - timedelta(seconds=settings.AXS_DOCUMENT_STALLED_SECONDS + 60)
    Document.objects.filter(pk=document.pk).update(requested_at=long_ago)
    page.reload()
    expect(page.get_by_text("No ha habido avance en")).to_be_visible()
    page.set_viewport_size({"width": 390, "height": 844})
    page.screenshot(path="/tmp/relia/stalled-es-390.png", full_page=True)
    monkeypatch.setattr(render_document_task, "apply_async", lambda *args, **kwargs: None)
    page.get_by_role("button", name="Intentar de nuevo").click()
    expect(page.get_by_text("No ha habido avance en")).to_have_count(0)
    document.refresh_from_db()
    assert document.status == Document.Status.QUEUED and document.attempts == 0 and document.sent_at is not None

    Document.objects.filter(pk=document.pk).update(requested_at=long_ago, sent_at=long_ago, retried_at=long_ago)
    context = browser.new_context(locale="es-MX", viewport={"width": 1280, "height": 900})
    english = context.new_page()
    make_staff(email="staff.en@b.example", preferred_language="en")
    sign_in(english, live_server, "staff.en@b.example", document.get_absolute_url())
    expect(english.get_by_text("Nothing has moved for")).to_be_visible()
    expect(english.get_by_role("button", name="Try again")).to_be_visible()
    english.screenshot(path="/tmp/relia/stalled-en.png", full_page=True)
    context.close()
