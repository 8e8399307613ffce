"""The personal part of a filed or refused request's audit events is kept beside the chain and erased with it."""

import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.test import RequestFactory
from django.utils import timezone

from audit.identifiers import sign_in_identifier
from audit.models import AuditEvent, EventPersonalPart
from audit.verification import verify
from privacy import services
from privacy.export import personal_data
from privacy.models import RightsRequest
from privacy.services.notify import verification_token
from tests.factories import make_representative, make_staff

pytestmark = pytest.mark.django_db
# LGPDPPSO art. 55, fr. II: the data are not held; an access request of someone with no account is denied.
NO_DATA = "Art. 55, fr. II LGPDPPSO: la plataforma no tiene datos de esta persona."
ADDRESS = "ana@b.example"


def web_request():
    return RequestFactory().post("/privacidad/", REMOTE_ADDR="203.0.113.5", HTTP_USER_AGENT="Prueba/1")


def file_without_account(**fields):
    values = {"right": "access", "details": "Mis datos.", "channel": "email", "full_name": "Ana", "email": ADDRESS}
    return services.request_file(user=None, language="es", request=web_request(), **{**values, **fields})


def refuse_a_duplicate():
    """A second filing of the address is taken; confirming it, while the first is open, is refused and recorded."""
    duplicate = file_without_account(details="Otra vez.")
    with pytest.raises(ValidationError):
        services.identity_verify_by_link(token=verification_token(duplicate), request=web_request())
    return duplicate


def test_filing_and_a_refused_duplicate_keep_address_and_ip_apart_and_the_chain_verifies():
    rights_request = file_without_account()
    services.identity_verify_by_link(token=verification_token(rights_request))
    refuse_a_duplicate()

    for action in ("privacy.filed", "privacy.duplicate_refused"):
        event = AuditEvent.objects.get(action=action, target_id=str(rights_request.pk))
        assert (event.identifier, event.ip_address) == ("", None)  # nothing personal in the chained row
        assert len(event.personal_digest) == 64
        part = event.personal_part
        assert part.identifier == sign_in_identifier(ADDRESS) and part.ip_address == "203.0.113.5"
        assert part.user_agent == "Prueba/1"
    report = verify()
    assert report.intact, report.summary
    assert report.personal_checked == 3  # the two filings and the refusal


def test_retention_of_closed_requests_erases_their_parts_and_only_theirs():
    staff = make_staff()
    closed = file_without_account()
    services.identity_verify(actor=staff, rights_request=closed, reason="Identificación en persona.")
    refuse_a_duplicate()
    # No account has the address: the platform holds no data of the person, a legal reason to deny.
    services.request_answer(
        actor=staff,
        rights_request=closed,
        outcome="denied",
        answer="No hay datos.",
        legal_reason=NO_DATA,
    )
    RightsRequest.objects.filter(pk=closed.pk).update(answered_at=timezone.now() - datetime.timedelta(days=40))
    still_open = file_without_account(email="otra@b.example")
    services.identity_verify(actor=staff, rights_request=still_open, reason="Identificación en persona.")
    hashes = dict(AuditEvent.objects.values_list("pk", "hash"))
    # The rule of security records (default 90 days) never erases a request's parts.
    assert services.retention_apply(now=timezone.now() + datetime.timedelta(days=200)).results["security_events"] == 0
    services.retention_rule_set(actor=staff, kind="closed_requests", keep_days=30)

    assert services.retention_apply().results["closed_requests"] == 1

    erased = EventPersonalPart.objects.filter(event__target_id=str(closed.pk))
    assert erased.count() == 2 and all(p.identifier == "" and p.ip_address is None for p in erased)
    assert all(p.erased_at is not None for p in erased)
    kept = EventPersonalPart.objects.get(event__target_id=str(still_open.pk))
    assert kept.erased_at is None and kept.identifier == sign_in_identifier("otra@b.example")
    assert {pk: h for pk, h in AuditEvent.objects.values_list("pk", "hash") if pk in hashes} == hashes
    report = verify()
    assert report.intact, report.summary
    assert (report.personal_checked, report.personal_erased) == (1, 3)  # the duplicate lapsed unconfirmed


def test_a_failed_identity_check_is_a_security_record():
    with time_machine.travel(timezone.now() - datetime.timedelta(days=91), tick=False), pytest.raises(ValidationError):
        services.identity_verify_by_link(token="no-es-un-enlace", request=web_request())
    event = AuditEvent.objects.get(action="privacy.identity_check_failed")
    assert event.ip_address is None and event.personal_part.ip_address == "203.0.113.5"
    assert services.retention_apply().results["security_events"] == 1  # the default term, 90 days
    assert EventPersonalPart.objects.get().erased_at is not None and verify().intact


def test_the_export_finds_the_events_of_a_request_filed_before_the_account():
    file_without_account()
    person = make_representative(email=ADDRESS)
    data = personal_data(person)
    assert [row["action"] for row in data["audit.AuditEvent"]] == ["privacy.filed"]
    assert len(data["audit.EventPersonalPart"]) == 1
