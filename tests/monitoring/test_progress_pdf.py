"""The PDF progress report of a period: approved reports only, for those who see the project's reports."""

import re

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format

from documents.models import Document
from documents.services import DocumentError, document_render, document_request
from monitoring.documents import ALLIANCE_PROGRESS, PROGRESS_REPORT, period_of
from tests.pdf_text import pdf_text

from .conftest import approved_report, filled_report


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def test_the_pdf_prints_the_approved_report_and_the_progress(scene, django_capture_on_commit_callbacks):
    report = approved_report(scene, value="321")
    with django_capture_on_commit_callbacks(execute=True):
        document = document_request(actor=scene.partner, kind=PROGRESS_REPORT, language="es-mx", target=report)
    document.refresh_from_db()
    assert document.status == Document.Status.READY, document.error
    text = pdf_text(document)
    assert "REPORTE DE AVANCE" in text and "Toneladas recuperadas" in text and "321" in text
    assert "Se recuperaron 250 toneladas." in text


def test_a_report_not_approved_is_refused_to_reporters_and_fails_with_its_reason_for_staff(
    scene, django_capture_on_commit_callbacks
):
    draft = filled_report(scene)
    with pytest.raises(PermissionDenied):
        document_request(actor=scene.lead, kind=PROGRESS_REPORT, language="es-mx", target=draft)
    with django_capture_on_commit_callbacks(execute=True):
        document = document_request(actor=scene.staff, kind=PROGRESS_REPORT, language="es-mx", target=draft)
    document.refresh_from_db()
    assert document.status == Document.Status.FAILED
    assert document.error == "Solo puede imprimirse un reporte de avance aprobado."


def test_outsiders_cannot_ask_for_an_approved_report(scene):
    report = approved_report(scene)
    with pytest.raises(PermissionDenied):
        document_request(actor=scene.outsider, kind=PROGRESS_REPORT, language="es-mx", target=report)


def test_staff_ask_for_the_alliance_progress_report_of_a_period(scene, client, django_capture_on_commit_callbacks):
    approved_report(scene, value="321")
    client.force_login(scene.staff)
    url = reverse("monitoring:dashboard")
    response = client.post(url, {"start": "2024-12-31", "end": "2024-01-01", "language": "es-mx"})
    assert "El periodo termina antes de empezar." in response.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"start": "2024-01-01", "end": "2025-12-31", "language": "es-mx"})
    document = Document.objects.get(kind="monitoring.alliance_progress")
    assert response.status_code == 302 and document.status == Document.Status.READY, document.error
    text = pdf_text(document)
    assert "Alimentos sin desperdicio" in text and "Implementación y avance" in text
    client.force_login(scene.chair)
    assert client.post(url, {"start": "2024-01-01", "end": "2025-12-31", "language": "es-mx"}).status_code == 403


def test_the_alliance_progress_report_refuses_an_implausible_period_in_the_form_and_the_job(scene, client):
    client.force_login(scene.staff)
    response = client.post(
        reverse("monitoring:dashboard"), {"start": "0001-01-01", "end": "9999-12-31", "language": "es-mx"}
    )
    page = response.content.decode()
    assert "Revise el año: no se aceptan fechas anteriores a 2015." in page
    assert not Document.objects.filter(kind="monitoring.alliance_progress").exists()
    from documents.services import DocumentError
    from monitoring.documents import period_of

    with pytest.raises(DocumentError):
        period_of({"start": "0001-01-01", "end": "2025-12-31"})


ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")


@pytest.mark.parametrize(
    ("language", "title"),
    [
        ("es-mx", "Reporte de avance de la alianza, 1 de enero de 2024 – 31 de diciembre de 2025"),
        ("en", "Alliance progress report, January 1, 2024 – December 31, 2025"),
    ],
)
def test_the_alliance_progress_report_dates_its_title_and_body_in_its_language(
    scene, language, title, django_capture_on_commit_callbacks
):
    approved_report(scene, value="321")
    with django_capture_on_commit_callbacks(execute=True):
        document = document_request(
            actor=scene.staff,
            kind=ALLIANCE_PROGRESS,
            language=language,
            params={"start": "2024-01-01", "end": "2025-12-31"},
        )
    document.refresh_from_db()
    assert document.status == Document.Status.READY, document.error
    assert document.title == title
    assert not ISO_DATE.search(pdf_text(document))


@pytest.mark.parametrize("language", ["es-mx", "en"])
def test_the_progress_report_pdf_shows_no_raw_iso_date(scene, language, django_capture_on_commit_callbacks):
    report = approved_report(scene)
    with django_capture_on_commit_callbacks(execute=True):
        document = document_request(actor=scene.partner, kind=PROGRESS_REPORT, language=language, target=report)
    document.refresh_from_db()
    assert document.status == Document.Status.READY, document.error
    assert not ISO_DATE.search(document.title + pdf_text(document))


@pytest.mark.parametrize(
    ("params", "english", "spanish"),
    [
        ({"start": "2019-06-30", "end": "2018-01-01"}, "The period ends before it starts.", "El periodo termina antes"),
        ({"start": "0001-01-01", "end": "2019-06-30"}, "Check the year: dates before", "Revise el año"),
    ],
)
def test_a_period_error_made_in_the_documents_language_is_read_in_the_pages(params, english, spanish):
    # document_request describes the document in its language
    with translation.override("en"), pytest.raises(DocumentError) as raised:
        period_of(params)
    with translation.override("es-mx"):
        assert str(raised.value).startswith(spanish)
    with translation.override("en"):
        assert str(raised.value).startswith(english)


@pytest.mark.parametrize(
    ("language", "as_of", "note"),
    [
        ("es-mx", "(al {day})", "Esta sección muestra la situación al {day}, día en que se generó el reporte"),
        ("en", "(as of {day})", "This section shows the situation on {day}, the day the report was made"),
    ],
)
def test_the_alliance_report_of_a_past_period_says_its_lights_and_results_are_of_the_day_it_was_made(
    scene, language, as_of, note
):
    approved_report(scene, value="321")
    params = {"start": "2018-01-01", "end": "2019-06-30"}
    document = document_request(actor=scene.staff, kind=ALLIANCE_PROGRESS, language=language, params=params)
    document = document_render(document_id=document.pk)
    assert document.status == Document.Status.READY, document.error
    with translation.override(language):
        day = date_format(timezone.localdate(), "DATE_FORMAT")
    text = " ".join(pdf_text(document).split())
    assert text.count(as_of.format(day=day)) == 2  # the lights and the results by SDG indicator
    assert note.format(day=day) in text
