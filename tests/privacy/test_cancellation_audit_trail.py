"""The audit trail is a record the law obliges AMEXCID to keep: a cancellation of someone it records is partly granted.

The chain keeps who acted and about whom as shown then (their e-mail, their name), so the answer must say so.
"""

import pytest
from django.core.exceptions import ValidationError

from audit.models import AuditEvent
from audit.services import audit_record
from notifications.models import Notification
from privacy import services
from privacy.models import RightsRequest
from tests.factories import make_representative, make_staff

pytestmark = pytest.mark.django_db


def _cancel(person, staff, mailoutbox, django_capture_on_commit_callbacks):
    rights_request = services.request_file(user=person, right="cancellation", details="Todo.", channel="email")
    with pytest.raises(ValidationError) as error:
        services.request_cancel(actor=staff, rights_request=rights_request, answer="Hecho.")
    assert "legal_reason" in error.value.error_dict
    with django_capture_on_commit_callbacks(execute=True):
        services.request_cancel(
            actor=staff, rights_request=rights_request, answer="Hecho.", legal_reason="Ley de archivos."
        )
    rights_request.refresh_from_db()
    return rights_request


def test_filing_signed_in_puts_the_person_in_the_audit_trail_so_the_answer_is_partly_granted(
    mailoutbox, django_capture_on_commit_callbacks
):
    staff, person = make_staff(), make_representative()
    email = person.email
    audit_record(actor=staff, action="object.updated", target=person, changes={"phone": ["", "55"]})
    kept = services.legal_records_of(person)
    assert any("bitácora de auditoría" in line or "audit trail" in line for line in kept), kept
    rights_request = _cancel(person, staff, mailoutbox, django_capture_on_commit_callbacks)
    assert rights_request.outcome == RightsRequest.Outcome.PARTLY_GRANTED
    assert "3 eventos en la bitácora de auditoría" in rights_request.legal_reason
    # Filed and verified by the person, changed by staff: three events; the trail still holds the address.
    assert AuditEvent.objects.filter(actor=person, actor_repr=email).exists()
    assert "bitácora de auditoría" in mailoutbox[-1].body and mailoutbox[-1].to == [email]


def test_the_answer_names_the_audit_trail_in_english_for_an_english_speaker(
    mailoutbox, django_capture_on_commit_callbacks
):
    staff, person = make_staff(), make_representative(preferred_language="en")
    rights_request = _cancel(person, staff, mailoutbox, django_capture_on_commit_callbacks)
    assert rights_request.outcome == RightsRequest.Outcome.PARTLY_GRANTED
    assert "2 events in the audit trail that record the person" in rights_request.legal_reason
    assert "audit trail" in mailoutbox[-1].body


def test_the_answer_is_e_mailed_without_a_stored_copy_in_the_anonymized_inbox(
    mailoutbox, django_capture_on_commit_callbacks
):
    staff, person = make_staff(), make_representative(full_name="Ana Olvidada Pérez")
    email = person.email
    rights_request = _cancel(person, staff, mailoutbox, django_capture_on_commit_callbacks)
    assert rights_request.status == RightsRequest.Status.ANSWERED
    assert not Notification.objects.filter(recipient=person).exists()
    assert mailoutbox[-1].to == [email] and "Ana Olvidada Pérez" in mailoutbox[-1].body
    assert rights_request.get_absolute_url() not in mailoutbox[-1].body, "the account cannot sign in to follow it"
