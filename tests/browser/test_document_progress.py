"""The progress page of a document follows the job without a reload (htmx polling its status fragment)."""

from unittest import mock

from playwright.sync_api import expect

from documents.services import document_render, document_request
from sdg.documents import GOAL_SHEET
from sdg.models import Goal
from tests.factories import PASSWORD, make_representative


def sign_in(page, base_url, email, next_url):
    page.goto(f"{base_url}/cuenta/entrar/?next={next_url}")
    page.get_by_label("Correo electrónico").fill(email)
    page.get_by_label("Contraseña").fill(PASSWORD)
    page.get_by_role("button", name="Iniciar sesión").click()


def test_a_queued_document_turns_ready_on_the_open_page_without_a_reload(page, live_server, transactional_db):
    person = make_representative(email="progress@b.example")
    # The task is held back so the page opens on a queued job; the test renders it afterwards.
    with mock.patch("documents.tasks.render_document_task.apply_async"):
        document = document_request(actor=person, kind=GOAL_SHEET, language="es-mx", target=Goal.objects.get(number=12))
    sign_in(page, live_server.url, person.email, document.get_absolute_url())
    expect(page.get_by_text("En cola")).to_be_visible()
    page.evaluate("window.axsSamePage = true")

    document_render(document_id=document.pk)

    expect(page.get_by_role("link", name="Descargar el PDF")).to_be_visible(timeout=10_000)
    assert page.evaluate("window.axsSamePage === true"), "the page was reloaded instead of updated"
    # Once the document is ready the fragment carries no trigger, so the polling stops.
    assert page.locator("#document-status[hx-trigger]").count() == 0
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.wait_for_timeout(2_500)
    assert not [url for url in requests if document.get_absolute_url() in url]
