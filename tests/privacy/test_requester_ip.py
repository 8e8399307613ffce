"""The requester's IP address and browser never enter the chain: every privacy step on the web keeps them apart."""

import datetime

import pytest
from django.test import RequestFactory
from django.utils import timezone

from audit.models import AuditEvent, EventPersonalPart
from audit.verification import verify
from privacy import services
from privacy.models import RightsRequest
from privacy.services.notify import verification_token
from tests.factories import make_staff

pytestmark = pytest.mark.django_db


def web_request():
    return RequestFactory().get("/privacidad/", REMOTE_ADDR="198.51.100.7", HTTP_USER_AGENT="Prueba/2")


def test_link_verification_keeps_the_ip_apart_and_retention_of_the_closed_request_erases_it():
    staff = make_staff()
    rights_request = services.request_file(
        user=None, right="access", details="Mis datos.", channel="email", full_name="Ana", email="ana@b.example"
    )
    services.identity_verify_by_link(token=verification_token(rights_request), request=web_request())
    services.request_withdraw(actor=staff, rights_request=rights_request, reason="Ya no.", request=web_request())

    for action in ("privacy.identity_verified", "privacy.withdrawn"):
        event = AuditEvent.objects.get(action=action, target_id=str(rights_request.pk))
        assert event.ip_address is None and len(event.personal_digest) == 64
        assert (event.personal_part.ip_address, event.personal_part.user_agent) == ("198.51.100.7", "Prueba/2")
    assert verify().intact

    RightsRequest.objects.filter(pk=rights_request.pk).update(received_at=timezone.now() - datetime.timedelta(days=40))
    services.retention_rule_set(actor=staff, kind="closed_requests", keep_days=30)
    assert services.retention_apply().results["closed_requests"] == 1

    parts = EventPersonalPart.objects.filter(event__target_id=str(rights_request.pk))
    assert parts.count() == 3 and not parts.exclude(ip_address=None).exists()
    assert not parts.exclude(user_agent="").exists()
    report = verify()
    assert report.intact, report.summary
