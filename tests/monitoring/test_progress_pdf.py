"""The PDF progress report of a period: approved reports only, for those who see the project's reports."""

import pytest
from django.core.exceptions import PermissionDenied

from documents.models import Document
from documents.services import document_request
from monitoring.documents import PROGRESS_REPORT
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
