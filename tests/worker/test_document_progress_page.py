"""A real worker renders a document while its progress page is open: the page turns ready without a reload."""

import pytest
from playwright.sync_api import expect

from documents.models import Document
from tests.browser.test_document_progress import sign_in
from tests.factories import make_representative

pytestmark = pytest.mark.browser


def test_the_open_page_goes_from_queued_to_ready_when_the_worker_renders(
    celery_workers,
    page,
    live_server,
):
    person = make_representative(email="live@b.example")
    sign_in(page, live_server.url, person.email, "/ods/11/")
    page.get_by_role("button", name="Ficha imprimible").click()
    expect(page.get_by_role("heading", name="ODS 11", exact=False)).to_be_visible()
    expect(page.get_by_text("En cola")).to_be_visible()
    assert Document.objects.get().status == Document.Status.QUEUED
    page.evaluate("window.axsSamePage = true")

    celery_workers.start()

    expect(page.get_by_role("link", name="Descargar el PDF")).to_be_visible(timeout=60_000)
    assert page.evaluate("window.axsSamePage === true"), "the page was reloaded instead of updated"
    assert Document.objects.get().status == Document.Status.READY
