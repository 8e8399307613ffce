"""Erasing an export is safe: a rollback keeps its file, and an export built while a cancellation runs stores none."""

from pathlib import Path

import pytest
from django.conf import settings
from django.db import transaction

import documents.services
from documents.services import document_request
from privacy import services
from privacy.documents import PERSONAL_DATA
from tests.factories import make_representative, make_staff

pytestmark = pytest.mark.django_db
# The person is in the audit trail (they filed signed in), a record the law keeps.
KEPT = "Ley General de Archivos."


def stored_files():
    root = Path(settings.MEDIA_ROOT) / "documents"
    return sorted(str(path) for path in root.rglob("*") if path.is_file()) if root.exists() else []


def test_an_erasure_rolled_back_keeps_the_file_and_the_row_as_they_were(django_capture_on_commit_callbacks):
    staff, person = make_staff(), make_representative(full_name="Ana Pérez")
    rights_request = services.request_file(user=person, right="access", details="Mis datos.", channel="email")
    with django_capture_on_commit_callbacks(execute=True):
        export = document_request(actor=staff, kind=PERSONAL_DATA, language="es", target=rights_request)
    export.refresh_from_db()
    stored, storage = export.file.name, export.file.storage
    assert export.status == "ready" and storage.exists(stored)

    with (
        pytest.raises(RuntimeError),
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        transaction.atomic(),
    ):
        services.person_anonymize(actor=staff, user=person)
        raise RuntimeError("the cancellation failed after erasing the export")

    assert callbacks == []  # nothing of the rolled-back erasure runs
    export.refresh_from_db()
    assert export.erased_at is None and export.file.name == stored and storage.exists(stored)
    assert "Ana Pérez" in export.title


def test_a_committed_erasure_deletes_the_file_once_it_commits(django_capture_on_commit_callbacks):
    staff, person = make_staff(), make_representative()
    rights_request = services.request_file(user=person, right="access", details="Mis datos.", channel="email")
    with django_capture_on_commit_callbacks(execute=True):
        export = document_request(actor=staff, kind=PERSONAL_DATA, language="es", target=rights_request)
    export.refresh_from_db()
    stored, storage = export.file.name, export.file.storage
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.person_anonymize(actor=staff, user=person)
        assert storage.exists(stored)  # still there until the transaction commits
    for callback in callbacks:
        callback()
    assert not storage.exists(stored)


def test_a_cancellation_between_the_start_and_the_save_of_an_export_leaves_no_file(
    monkeypatch, django_capture_on_commit_callbacks
):
    staff, person = make_staff(), make_representative(full_name="Ana Pérez")
    access = services.request_file(user=person, right="access", details="Mis datos.", channel="email")
    cancellation = services.request_file(user=person, right="cancellation", details="Todo.", channel="email")
    render_pdf = documents.services.render_pdf

    def cancel_while_rendering(html, variant):
        services.request_cancel(actor=staff, rights_request=cancellation, answer="Hecho.", legal_reason=KEPT)
        return render_pdf(html, variant)

    monkeypatch.setattr(documents.services, "render_pdf", cancel_while_rendering)
    before = stored_files()
    with django_capture_on_commit_callbacks(execute=True):
        export = document_request(actor=staff, kind=PERSONAL_DATA, language="es", target=access)

    export.refresh_from_db()
    assert export.erased_at is not None and not export.file and export.file_size is None
    assert export.status == "failed"
    assert export.error == "Los datos de este documento se borraron mientras se generaba: no se guardó nada."
    assert "Ana Pérez" not in export.title
    assert stored_files() == before


def test_an_export_not_erased_is_stored_as_before(django_capture_on_commit_callbacks):
    staff, person = make_staff(), make_representative()
    access = services.request_file(user=person, right="access", details="Mis datos.", channel="email")
    with django_capture_on_commit_callbacks(execute=True):
        export = document_request(actor=staff, kind=PERSONAL_DATA, language="es", target=access)
    export.refresh_from_db()
    assert export.status == "ready" and export.file and export.erased_at is None
