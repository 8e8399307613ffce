"""A request filed without an account and never confirmed expires: closed as expired, kept, and anonymized."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from audit.models import AuditEvent, EventPersonalPart
from audit.verification import verify
from privacy import services
from privacy.models import RetentionRule, RightsRequest
from privacy.services.notify import verification_token
from tests.factories import make_representative, make_staff

pytestmark = pytest.mark.django_db
ADDRESS = "ana.sin.cuenta@b.example"


def file_without_account(**fields):
    values = {"right": "access", "details": "Mis datos, soy Ana.", "channel": "email", "full_name": "Ana Sin Cuenta"}
    web = RequestFactory().post("/privacidad/", REMOTE_ADDR="203.0.113.9", HTTP_USER_AGENT="Prueba/1")
    return services.request_file(user=None, email=ADDRESS, language="es", request=web, **{**values, **fields})


def days_later(days):
    return timezone.now() + datetime.timedelta(days=days)


def test_an_unconfirmed_request_expires_after_the_default_term_and_is_kept_anonymized():
    assert RetentionRule.in_force()["unconfirmed_requests"] == 30
    rights_request = file_without_account()
    hashes = dict(AuditEvent.objects.values_list("pk", "hash"))

    assert services.retention_apply(now=days_later(29)).results["unconfirmed_requests"] == 0
    run = services.retention_apply(now=days_later(31))

    assert run.results["unconfirmed_requests"] == 1
    rights_request.refresh_from_db()
    assert rights_request.status == RightsRequest.Status.EXPIRED and not rights_request.is_open
    assert rights_request.full_name == f"Persona anonimizada (solicitud #{rights_request.pk})"
    assert rights_request.email.endswith("@anonimizada.invalid") and "Ana" not in rights_request.details
    assert rights_request.verification_nonce == "" and rights_request.requester_id is None
    expired = AuditEvent.objects.get(action="privacy.expired", target_id=str(rights_request.pk))
    assert expired.actor is None and expired.changes == {"status": ["received", "expired"]}
    # The filing's hashed address, IP address and browser are erased; the chain is untouched and verifies.
    part = EventPersonalPart.objects.get(event__target_id=str(rights_request.pk))
    assert part.erased_at is not None and part.identifier == "" and part.ip_address is None
    assert {pk: h for pk, h in AuditEvent.objects.values_list("pk", "hash") if pk in hashes} == hashes
    assert verify().intact
    # Safe to run twice.
    assert services.retention_apply(now=days_later(32)).results["unconfirmed_requests"] == 0


def test_confirmed_and_signed_in_requests_and_other_statuses_never_expire():
    staff = make_staff()
    confirmed = file_without_account()
    services.identity_verify(actor=staff, rights_request=confirmed, reason="Identificación en persona.")
    signed_in = services.request_file(user=make_representative(), right="access", details="Todo.", channel="email")
    asked = file_without_account(right="opposition")
    services.request_ask_completion(actor=staff, rights_request=asked, what_is_missing="¿Qué finalidad?")

    assert services.retention_apply(now=days_later(400)).results["unconfirmed_requests"] == 0
    statuses = RightsRequest.objects.filter(pk__in=[confirmed.pk, signed_in.pk, asked.pk]).values_list("status")
    assert sorted(status for (status,) in statuses) == ["awaiting_completion", "identity_verified", "identity_verified"]


def test_staff_set_the_term_or_switch_it_off():
    staff = make_staff()
    file_without_account()
    services.retention_rule_set(actor=staff, kind="unconfirmed_requests", keep_days=10, active=False)
    assert "unconfirmed_requests" not in services.retention_apply(now=days_later(60)).results
    services.retention_rule_set(actor=staff, kind="unconfirmed_requests", keep_days=10)
    assert services.retention_apply(now=days_later(11)).results["unconfirmed_requests"] == 1


def test_the_link_of_an_expired_request_confirms_nothing(settings):
    settings.AXS_PRIVACY_VERIFY_SECONDS = 10**9  # the link itself still valid: only the request's state refuses
    rights_request = file_without_account()
    token = verification_token(rights_request)
    services.retention_apply(now=days_later(31))
    with pytest.raises(ValidationError) as refused:
        services.identity_verify_by_link(token=token)
    assert refused.value.code == "bad_link"
    assert RightsRequest.objects.get(pk=rights_request.pk).status == RightsRequest.Status.EXPIRED
    # The person may file again at once: the expired request is not open.
    assert file_without_account().status == RightsRequest.Status.RECEIVED


def test_staff_see_expired_requests_in_the_queue_and_their_page(client):
    staff = make_staff()
    rights_request = file_without_account()
    services.retention_apply(now=days_later(31))
    client.force_login(staff)

    open_queue = client.get(reverse("privacy:queue"))
    expired_queue = client.get(reverse("privacy:queue"), {"status": "expired"})
    page = client.get(reverse("privacy:request-detail", args=[rights_request.pk]))

    assert rights_request.number not in open_queue.content.decode()
    assert expired_queue.status_code == 200 and rights_request.number in expired_queue.content.decode()
    text = page.content.decode()
    assert page.status_code == 200 and "Venció sin confirmar" in text and "Ana Sin Cuenta" not in text
    for action in ("verify", "ask", "extend", "withdraw"):  # an expired request takes no step
        assert reverse("privacy:request-action", args=[rights_request.pk, action]) not in text
