"""Asking for documents, rendering them once, failing readably and trying again."""

import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError
from pypdf import PdfReader

from documents.models import Document
from documents.permissions import can_view_document
from documents.services import MAX_ATTEMPTS, document_regenerate, document_render, document_request, document_retry
from sdg.documents import GOAL_SHEET
from sdg.models import Goal
from tests.factories import make_representative, make_staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def goal():
    return Goal.objects.get(number=7)


def pdf_text(document):
    with document.file.open("rb") as handle:
        reader = PdfReader(io.BytesIO(handle.read()))
    return "\n".join(page.extract_text() for page in reader.pages)


def test_a_requested_goal_sheet_is_rendered_with_its_title_accents_and_pages(goal, django_capture_on_commit_callbacks):
    person = make_representative()
    with django_capture_on_commit_callbacks(execute=True):
        document = document_request(actor=person, kind=GOAL_SHEET, language="es-mx", target=goal)
    document.refresh_from_db()
    assert document.status == Document.Status.READY
    assert document.title == "Ficha del ODS 7: Energía asequible y no contaminante"
    text = pdf_text(document)
    assert "Energía asequible y no contaminante" in text
    assert "7.1.1" in text and "7.b.1" in text
    assert "Página 1 de" in text
    assert document.page_count >= 1 and document.file_size > 1000
    assert document.filename == "ods-7-es-mx.pdf"


def test_the_same_sheet_in_english_speaks_english(goal, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        document = document_request(actor=make_representative(), kind=GOAL_SHEET, language="en", target=goal)
    document.refresh_from_db()
    text = pdf_text(document)
    assert "Affordable and clean energy" in text
    assert "Page 1 of" in text


def test_asking_twice_while_it_renders_gives_the_same_job(goal):
    person = make_representative()
    first = document_request(actor=person, kind=GOAL_SHEET, language="es-mx", target=goal)
    second = document_request(actor=person, kind=GOAL_SHEET, language="es-mx", target=goal)
    assert first.pk == second.pk
    assert Document.objects.count() == 1
    other_language = document_request(actor=person, kind=GOAL_SHEET, language="en", target=goal)
    assert other_language.pk != first.pk


def test_another_person_asking_for_a_job_in_progress_gets_one_they_can_open(flaky_kind):
    # The test kind lets only the requester read a job, as the fact sheet, the minutes and the reports do.
    first_person, second_person = make_representative(), make_representative()
    first = document_request(actor=first_person, kind="tests.flaky", language="es-mx")
    second = document_request(actor=second_person, kind="tests.flaky", language="es-mx")
    assert second.pk != first.pk
    assert second.requested_by == second_person
    assert can_view_document(second_person, second) and not can_view_document(second_person, first)
    assert document_request(actor=second_person, kind="tests.flaky", language="es-mx").pk == second.pk


def test_the_platform_asking_twice_while_it_renders_gives_the_same_job(goal):
    first = document_request(actor=None, kind=GOAL_SHEET, language="es-mx", target=goal)
    assert document_request(actor=None, kind=GOAL_SHEET, language="es-mx", target=goal).pk == first.pk
    duplicate = Document(
        kind=first.kind, title="x", language="es-mx", target_id=first.target_id, params_key=first.params_key
    )
    with pytest.raises(IntegrityError):
        duplicate.save()


def test_the_database_refuses_a_second_job_in_progress_for_the_same_data(goal):
    document = document_request(actor=make_representative(), kind=GOAL_SHEET, language="es-mx", target=goal)
    duplicate = Document(
        kind=document.kind,
        title="x",
        language="es-mx",
        target_id=document.target_id,
        params_key=document.params_key,
        requested_by=document.requested_by,
    )
    with pytest.raises(IntegrityError):
        duplicate.save()


def test_rendering_twice_renders_once(goal):
    document = document_request(actor=make_representative(), kind=GOAL_SHEET, language="es-mx", target=goal)
    first = document_render(document_id=document.pk)
    second = document_render(document_id=document.pk)
    assert first.status == second.status == Document.Status.READY
    assert second.file.name == first.file.name
    assert second.attempts == 1


def test_a_job_whose_worker_died_mid_render_completes_on_redelivery(goal):
    document = document_request(actor=make_representative(), kind=GOAL_SHEET, language="es-mx", target=goal)
    Document.objects.filter(pk=document.pk).update(status=Document.Status.RENDERING, attempts=1)
    finished = document_render(document_id=document.pk)
    assert finished.status == Document.Status.READY
    assert finished.attempts == 2


def test_a_job_started_too_often_fails_instead_of_looping(goal):
    document = document_request(actor=make_representative(), kind=GOAL_SHEET, language="es-mx", target=goal)
    Document.objects.filter(pk=document.pk).update(status=Document.Status.RENDERING, attempts=MAX_ATTEMPTS)
    finished = document_render(document_id=document.pk)
    assert finished.status == Document.Status.FAILED
    assert "sin terminar" in finished.error


def test_a_failure_says_why_and_the_job_can_be_retried(flaky_kind):
    person = make_representative()
    document = document_request(actor=person, kind="tests.flaky", language="es-mx")
    failed = document_render(document_id=document.pk)
    assert failed.status == Document.Status.FAILED
    assert failed.error == "La fuente de datos no respondió."
    flaky_kind.fail = False
    queued = document_retry(actor=person, document=failed)
    assert queued.status == Document.Status.QUEUED and queued.error == ""
    ready = document_render(document_id=document.pk)
    assert ready.status == Document.Status.READY
    with pytest.raises(ValidationError):
        document_retry(actor=person, document=ready)


def test_an_unexpected_error_is_recorded_without_leaking_details(goal, monkeypatch):
    monkeypatch.setattr("documents.services.render_pdf", lambda html, variant="": 1 / 0)
    document = document_request(actor=make_representative(), kind=GOAL_SHEET, language="es-mx", target=goal)
    failed = document_render(document_id=document.pk)
    assert failed.status == Document.Status.FAILED
    assert "ZeroDivisionError" in failed.error and "division by zero" not in failed.error


def test_only_the_requester_or_staff_may_retry(flaky_kind):
    document = document_request(actor=make_representative(), kind="tests.flaky", language="es-mx")
    document_render(document_id=document.pk)
    with pytest.raises(PermissionDenied):
        document_retry(actor=make_representative(), document=document)
    assert document_retry(actor=make_staff(), document=document).status == Document.Status.QUEUED


def test_regenerating_keeps_the_earlier_document(goal):
    person = make_representative()
    document = document_render(
        document_id=document_request(actor=person, kind=GOAL_SHEET, language="es-mx", target=goal).pk
    )
    again = document_regenerate(actor=person, document=document)
    assert again.pk != document.pk
    assert Document.objects.filter(pk=document.pk, status=Document.Status.READY).exists()


def test_anonymous_people_cannot_ask_for_documents(goal):
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(PermissionDenied):
        document_request(actor=AnonymousUser(), kind=GOAL_SHEET, language="es-mx", target=goal)
