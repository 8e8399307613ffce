"""A request whose requester's identity could not be verified is denied with its legal reason, from "received"."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from audit.models import AuditEvent
from privacy import services
from privacy.models import RightsRequest
from tests.factories import make_representative, make_staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def unverified(mailoutbox):
    rights_request = services.request_file(
        user=None,
        right="access",
        details="Todo lo mío.",
        channel="email",
        full_name="Ana Prueba",
        email="ana@example.org",
        language="en",
    )
    mailoutbox.clear()  # the confirmation link
    assert rights_request.status == RightsRequest.Status.RECEIVED
    return rights_request


def test_staff_deny_an_unverified_request_with_its_legal_reason(
    unverified, mailoutbox, django_capture_on_commit_callbacks
):
    staff = make_staff()
    with pytest.raises(ValidationError) as error:
        services.request_deny_unverified(actor=staff, rights_request=unverified, answer="No coincide.", legal_reason="")
    assert "legal_reason" in error.value.error_dict
    with django_capture_on_commit_callbacks(execute=True):
        services.request_deny_unverified(
            actor=staff,
            rights_request=unverified,
            answer="The ID shown does not match the name given.",
            legal_reason="Art. 55, fr. I LGPDPPSO.",
        )
    unverified.refresh_from_db()
    assert (unverified.status, unverified.outcome) == ("answered", "denied")
    assert unverified.legal_reason == "Art. 55, fr. I LGPDPPSO." and unverified.answered_at is not None
    event = AuditEvent.objects.get(action="privacy.denied_unverified")
    assert event.actor == staff and event.changes["outcome"] == ["", "denied"]
    (mail,) = mailoutbox
    assert mail.to == ["ana@example.org"] and "Outcome: Denied." in mail.body and "Art. 55, fr. I" in mail.body


def test_only_staff_deny_and_only_a_received_request(unverified):
    with pytest.raises(PermissionDenied):
        services.request_deny_unverified(
            actor=make_representative(), rights_request=unverified, answer="x", legal_reason="y"
        )
    staff = make_staff()
    verified = services.identity_verify(actor=staff, rights_request=unverified, reason="INE cotejada.")
    with pytest.raises(ValidationError) as error:
        services.request_deny_unverified(actor=staff, rights_request=verified, answer="x", legal_reason="y")
    assert error.value.code == "wrong_status"


def test_the_staff_page_offers_the_denial_and_keeps_input_when_refused(client, unverified):
    client.force_login(make_staff())
    url = reverse("privacy:request-action", args=[unverified.pk, "deny"])
    assert url in client.get(unverified.get_absolute_url()).text
    response = client.post(url, {"deny-answer": "No coincide la identificación."})
    assert response.status_code == 400 and "No coincide la identificación." in response.text
    response = client.post(
        url, {"deny-answer": "No coincide la identificación.", "deny-legal_reason": "Art. 55."}, follow=True
    )
    assert "no se pudo verificar su identidad" in response.text
    unverified.refresh_from_db()
    assert unverified.status == "answered" and unverified.outcome == "denied"
