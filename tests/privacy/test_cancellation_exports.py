"""Cancellation and retention erase the saved access exports; a cancellation is granted only by anonymizing."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from audit.models import AuditEvent
from axs_platform import fragments
from documents.services import document_request
from privacy import services
from privacy.documents import PERSONAL_DATA
from privacy.models import RightsRequest
from privacy.services.anonymize import is_anonymized
from tests.factories import make_representative, make_staff

pytestmark = pytest.mark.django_db
# The person is in the audit trail (they filed signed in), a record the law keeps.
KEPT = "Ley General de Archivos."


def ready_export(staff, person, capture):
    rights_request = services.request_file(user=person, right="access", details="Mis datos.", channel="email")
    with capture(execute=True):
        document = document_request(actor=staff, kind=PERSONAL_DATA, language="es", target=rights_request)
    document.refresh_from_db()
    assert document.status == "ready" and person.full_name in document.title, document.error
    return rights_request, document


def test_cancellation_erases_the_file_and_name_of_the_persons_exports(django_capture_on_commit_callbacks):
    staff, person = make_staff(), make_representative(full_name="Ana Pérez")
    _, export = ready_export(staff, person, django_capture_on_commit_callbacks)
    other_request, other_export = ready_export(staff, make_representative(), django_capture_on_commit_callbacks)
    stored = export.file.name
    storage = export.file.storage
    cancellation = services.request_file(user=person, right="cancellation", details="Todo.", channel="email")
    with django_capture_on_commit_callbacks(execute=True):
        services.request_cancel(actor=staff, rights_request=cancellation, answer="Hecho.", legal_reason=KEPT)
    export.refresh_from_db()
    assert export.erased_at is not None and not export.file and not storage.exists(stored)
    assert (
        "Ana" not in export.title and export.title == "Exportación de datos personales (borrada)"
    )  # in the export's language
    assert export.status == "ready" and export.finished_at is not None  # the row and its history stay
    other_export.refresh_from_db()
    assert other_export.file and other_export.erased_at is None  # another person's export is untouched
    event = AuditEvent.objects.get(action="privacy.anonymized")
    assert "Exportaciones de datos personales cuyo archivo se borró: 1." in event.message


def test_an_erased_export_is_not_downloadable_and_its_page_says_so(client, django_capture_on_commit_callbacks):
    staff, person = make_staff(), make_representative()
    _, export = ready_export(staff, person, django_capture_on_commit_callbacks)
    services.person_anonymize(actor=staff, user=person)
    client.force_login(staff)
    assert client.get(reverse("documents:document-download", args=[export.pk])).status_code == 404
    page = client.get(reverse("documents:document-detail", args=[export.pk]))
    assert page.status_code == 200 and "El archivo se borró" in page.content.decode()


def test_retention_of_closed_requests_erases_their_exports(django_capture_on_commit_callbacks):
    staff, person = make_staff(), make_representative(full_name="Beatriz Ruiz")
    rights_request, export = ready_export(staff, person, django_capture_on_commit_callbacks)
    services.request_answer(actor=staff, rights_request=rights_request, outcome="granted", answer="Aquí están.")
    RightsRequest.objects.filter(pk=rights_request.pk).update(answered_at=timezone.now() - datetime.timedelta(days=400))
    services.retention_rule_set(actor=staff, kind="closed_requests", keep_days=30)
    assert services.retention_apply().results["closed_requests"] == 1
    export.refresh_from_db()
    assert export.erased_at is not None and not export.file and "Beatriz" not in export.title
    assert export.status == "ready"


def test_a_cancellation_cannot_be_granted_without_anonymizing(client):
    staff, person = make_staff(), make_representative()
    rights_request = services.request_file(user=person, right="cancellation", details="Todo.", channel="email")
    for outcome in ("granted", "partly_granted"):
        with pytest.raises(ValidationError) as error:
            services.request_answer(
                actor=staff, rights_request=rights_request, outcome=outcome, answer="Listo.", legal_reason="Art. 1"
            )
        assert "outcome" in error.value.error_dict
    person.refresh_from_db()
    assert not is_anonymized(person)
    client.force_login(staff)
    page = client.get(reverse("privacy:request-detail", args=[rights_request.pk])).content.decode()
    assert 'name="answer-outcome" value="denied"' in page and 'name="answer-outcome" value="granted"' not in page
    refused = client.post(
        reverse("privacy:request-action", args=[rights_request.pk, "answer"]),
        {"answer-outcome": "granted", "answer-answer": "Listo."},
    )
    assert refused.status_code == 400
    services.request_answer(
        actor=staff, rights_request=rights_request, outcome="denied", answer="No.", legal_reason="Art. 1"
    )
    rights_request.refresh_from_db()
    assert rights_request.outcome == "denied"


def test_anonymizing_a_person_makes_the_pages_that_show_names_stale():
    staff, person = make_staff(), make_representative()
    areas = (fragments.DIRECTORY, fragments.COMMITTEES, fragments.PROPOSALS)
    before = fragments.versions(*areas)
    services.person_anonymize(actor=staff, user=person)
    after = fragments.versions(*areas)
    assert all(new != old for new, old in zip(after, before, strict=True))
