"""Pages of documents: asking, the progress page with and without JavaScript, download, access."""

import pytest
from django.urls import reverse
from django.utils import timezone

from documents.models import Document
from documents.services import document_render, document_request
from sdg.documents import GOAL_SHEET
from sdg.models import Goal
from tests.factories import make_representative, make_staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def queued():
    document = document_request(
        actor=make_representative(), kind=GOAL_SHEET, language="es-mx", target=Goal.objects.get(number=4)
    )
    Document.objects.filter(pk=document.pk).update(sent_at=timezone.now())  # Handed to the broker.
    document.refresh_from_db()
    return document


def test_asking_from_the_goal_page_queues_renders_and_shows_the_download(client, django_capture_on_commit_callbacks):
    client.force_login(make_representative())
    goal = Goal.objects.get(number=4)
    assert "Ficha imprimible" in client.get(reverse("sdg:goal-detail", args=[4])).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("documents:document-request"), {"kind": GOAL_SHEET, "object_id": goal.pk, "language": "en"}
        )
    document = Document.objects.get()
    assert response.url == document.get_absolute_url()
    page = client.get(response.url).content.decode()
    assert "Descargar el PDF" in page
    download = client.get(reverse("documents:document-download", args=[document.pk]))
    assert download["Content-Type"] == "application/pdf"
    assert 'filename="ods-4-en.pdf"' in download["Content-Disposition"]
    assert b"".join(download.streaming_content).startswith(b"%PDF")


def test_the_progress_page_polls_with_htmx_and_reloads_without_javascript(client, queued):
    client.force_login(queued.requested_by)
    url = queued.get_absolute_url()
    full = client.get(url).content.decode()
    assert '<noscript><meta http-equiv="refresh" content="3"></noscript>' in full
    assert 'hx-trigger="every 1s"' in full
    partial = client.get(url, headers={"hx-request": "true"}).content.decode()
    assert partial.strip().startswith('<div id="document-status"')
    assert "En cola" in partial
    document_render(document_id=queued.pk)
    finished = client.get(url, headers={"hx-request": "true"}).content.decode()
    assert "hx-trigger" not in finished
    assert "Descargar el PDF" in finished


def test_the_download_of_a_document_not_ready_is_a_404(client, queued):
    client.force_login(queued.requested_by)
    assert client.get(reverse("documents:document-download", args=[queued.pk])).status_code == 404


def test_somebody_elses_document_is_refused(client, queued):
    document_render(document_id=queued.pk)
    client.force_login(make_representative())
    for name in ("documents:document-detail", "documents:document-download"):
        assert client.get(reverse(name, args=[queued.pk])).status_code == 403
    assert client.post(reverse("documents:document-regenerate", args=[queued.pk])).status_code == 403
    assert client.post(reverse("documents:document-retry", args=[queued.pk])).status_code == 403


def test_anonymous_visitors_are_sent_to_sign_in(client, queued):
    for name in ("documents:document-detail", "documents:document-download"):
        response = client.get(reverse(name, args=[queued.pk]))
        assert response.status_code == 302 and response.url.startswith(reverse("accounts:login"))
    assert client.post(reverse("documents:document-request"), {"kind": GOAL_SHEET}).status_code == 302


def test_staff_see_every_document_and_people_their_own(client, queued):
    other = make_representative()
    client.force_login(other)
    assert queued.title not in client.get(reverse("documents:document-list")).content.decode()
    client.force_login(queued.requested_by)
    assert queued.title in client.get(reverse("documents:document-list")).content.decode()
    client.force_login(make_staff())
    content = client.get(reverse("documents:document-list")).content.decode()
    assert queued.title in content and queued.requested_by.email in content


def test_an_unknown_kind_or_subject_is_refused_with_a_message(client):
    client.force_login(make_representative())
    response = client.post(
        reverse("documents:document-request"), {"kind": "nope", "language": "es-mx", "next": "/ods/"}, follow=True
    )
    assert "Este tipo de documento no existe" in response.content.decode()
    response = client.post(
        reverse("documents:document-request"),
        {"kind": GOAL_SHEET, "object_id": "999", "language": "es-mx"},
        follow=True,
    )
    assert "El objeto del documento ya no existe" in response.content.decode()
    assert not Document.objects.exists()


def test_a_failed_document_is_retried_from_its_page(client, flaky_kind, django_capture_on_commit_callbacks):
    person = make_representative()
    document = document_request(actor=person, kind="tests.flaky", language="es-mx")
    document_render(document_id=document.pk)
    client.force_login(person)
    page = client.get(document.get_absolute_url()).content.decode()
    assert "La fuente de datos no respondió." in page and "Intentar de nuevo" in page
    flaky_kind.fail = False
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("documents:document-retry", args=[document.pk]))
    document.refresh_from_db()
    assert document.status == Document.Status.READY


def test_a_refused_request_never_redirects_off_site(client):
    client.force_login(make_representative())
    response = client.post(
        reverse("documents:document-request"), {"kind": "nope", "language": "es-mx", "next": "https://evil.example/"}
    )
    assert response.url == reverse("documents:document-list")


def test_a_document_the_platform_asked_for_names_no_person_and_staff_see_it(client):
    document = document_request(actor=None, kind=GOAL_SHEET, language="es-mx", target=Goal.objects.get(number=4))
    assert document.requested_by is None
    client.force_login(make_staff())
    assert "La plataforma, tras un cambio" in client.get(document.get_absolute_url()).content.decode()
    listing = client.get(reverse("documents:document-list")).content.decode()
    assert document.get_absolute_url() in listing and "La plataforma, tras un cambio" in listing
    client.force_login(make_representative())
    assert client.get(document.get_absolute_url()).status_code == 403


@pytest.mark.parametrize(
    ("kind", "message"),
    [
        ("reports.systematization", "El periodo del informe no es válido."),
        ("monitoring.alliance_progress", "Falta el periodo del reporte o no es una fecha."),
    ],
)
def test_asking_for_a_report_without_its_period_shows_why_and_goes_back(client, kind, message):
    client.force_login(make_staff())
    response = client.post(
        reverse("documents:document-request"), {"kind": kind, "language": "es-mx", "next": "/informes/"}
    )
    assert response.status_code == 302
    assert response.url == "/informes/"
    page = client.get(reverse("documents:document-list")).content.decode()
    assert message in page
    assert not Document.objects.exists()


@pytest.mark.parametrize(
    ("kind", "page_language", "document_language", "message"),
    [
        ("reports.systematization", "es-mx", "en", "El periodo del informe no es válido."),
        ("monitoring.alliance_progress", "es-mx", "en", "Falta el periodo del reporte o no es una fecha."),
        ("monitoring.alliance_progress", "en", "es-mx", "The period of the report is missing or not a date."),
    ],
)
def test_a_report_period_error_speaks_the_pages_language_not_the_documents(
    client, kind, page_language, document_language, message
):
    client.force_login(make_staff(preferred_language=page_language))
    headers = {"accept-language": page_language}
    data = {"kind": kind, "language": document_language, "next": "/informes/"}
    client.post(reverse("documents:document-request"), data, headers=headers)
    assert message in client.get(reverse("documents:document-list"), headers=headers).content.decode()
