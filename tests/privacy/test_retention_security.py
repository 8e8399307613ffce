"""Retention of failed sign-ins and reset requests: the personal part is erased, the audit chain still verifies."""

import datetime

import pytest
import time_machine
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from audit.identifiers import sign_in_identifier
from audit.models import AuditEvent, EventPersonalPart
from audit.services import audit_record
from audit.verification import verify
from privacy import services
from privacy.models import RetentionRule
from tests.factories import make_representative, make_staff

pytestmark = pytest.mark.django_db
BROWSER = {"HTTP_USER_AGENT": "Mozilla/5.0 (prueba)"}


def fail_sign_in(client, email):
    client.post(reverse("accounts:login"), {"username": email, "password": "mala"}, **BROWSER)


def test_after_the_default_term_the_personal_parts_go_and_the_chain_still_verifies(client):
    make_representative(email="vieja@b.example")
    with time_machine.travel(timezone.now() - datetime.timedelta(days=91), tick=False):
        fail_sign_in(client, "vieja@b.example")
        client.post(reverse("accounts:password-reset"), {"email": "vieja@b.example"}, **BROWSER)
    fail_sign_in(client, "reciente@b.example")
    old = list(EventPersonalPart.objects.filter(event__created_at__lt=timezone.now() - datetime.timedelta(days=90)))
    assert len(old) == 2 and all(part.ip_address == "127.0.0.1" and "prueba" in part.user_agent for part in old)
    hashes = dict(AuditEvent.objects.values_list("pk", "hash"))
    assert verify().intact

    run = services.retention_apply()  # no rule set by staff: the default term, 90 days

    assert run.results["security_events"] == 2
    for part in old:
        part.refresh_from_db()
        assert (part.identifier, part.ip_address, part.user_agent, part.nonce) == ("", None, "", "")
        assert part.erased_at is not None
    recent = EventPersonalPart.objects.get(erased_at__isnull=True)
    assert recent.identifier == sign_in_identifier("reciente@b.example") and recent.ip_address == "127.0.0.1"
    # The events themselves are untouched (the chain holds the digests), and the verification passes.
    assert {pk: h for pk, h in AuditEvent.objects.values_list("pk", "hash") if pk in hashes} == hashes
    report = verify()
    assert report.intact, report.summary
    assert (report.personal_checked, report.personal_erased) == (1, 2)
    # Nothing leads from the address to the erased records any more.
    assert not AuditEvent.objects.filter(personal_part__identifier=sign_in_identifier("vieja@b.example")).exists()
    assert services.retention_apply().results["security_events"] == 0  # safe to run twice


def two_days_ago():
    return time_machine.travel(timezone.now() - datetime.timedelta(days=2), tick=False)


def test_the_verification_page_passes_after_retention(client):
    with two_days_ago():
        fail_sign_in(client, "alguien@b.example")
    services.retention_rule_set(actor=make_staff(), kind="security_events", keep_days=1)
    services.retention_apply()
    assert EventPersonalPart.objects.get().erased_at is not None
    client.force_login(make_staff())
    page = client.post(reverse("audit:verify")).content.decode()
    assert "Íntegro." in page or "Intacto." in page, page
    assert "borrada por la conservación o una cancelación" in page or "borradas por la conservación o una" in page


def test_a_personal_part_changed_afterwards_breaks_the_verification(client):
    fail_sign_in(client, "alguien@b.example")
    part = EventPersonalPart.objects.get()
    EventPersonalPart.objects.filter(pk=part.pk).update(ip_address="198.51.100.7")  # the table is not sealed itself
    report = verify()
    assert report.broken.code == "personal" and report.broken.event_id == part.pk


def test_the_throttle_counts_within_its_window_whatever_the_term(client, settings):
    settings.AXS_LOGIN_FAILURE_LIMIT = 2
    make_representative(email="objetivo@b.example")
    for _attempt in range(2):
        fail_sign_in(client, "objetivo@b.example")
    # A term of 0 days would take them at once; the throttle's window, from the run's moment, keeps them.
    services.retention_rule_set(actor=make_staff(), kind="security_events", keep_days=0)
    assert services.retention_apply().results["security_events"] == 0
    response = client.post(reverse("accounts:login"), {"username": "objetivo@b.example", "password": "x"})
    assert "Demasiados intentos" in response.content.decode()


def test_staff_set_the_term_on_the_page_and_the_change_is_recorded(client):
    staff = make_staff()
    client.force_login(staff)
    url = reverse("privacy:retention")
    page = client.get(url).content.decode()
    assert 'name="security_events-keep_days" value="90"' in page
    response = client.post(url, {"form": "security_events", "security_events-keep_days": "30"})
    assert response.status_code == 302
    rule = RetentionRule.objects.get(kind="security_events")
    assert (rule.keep_days, rule.active) == (30, False)
    assert "security_events" not in RetentionRule.in_force()  # staff switched it off: not applied
    event = AuditEvent.objects.get(action=AuditEvent.Action.CREATED, target_id=str(rule.pk))
    assert event.actor == staff and event.changes["keep_days"] == [None, 30]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the trail's trigger exists on PostgreSQL only")
def test_retention_needs_no_change_to_the_immutable_trail(client):
    with two_days_ago():
        fail_sign_in(client, "alguien@b.example")
    services.retention_rule_set(actor=make_staff(), kind="security_events", keep_days=1)
    # The trigger refuses any UPDATE of audit_auditevent: retention would fail here if it tried one.
    assert services.retention_apply().results["security_events"] == 1
    assert verify().intact


def test_the_audit_page_shows_the_addresses_kept_apart_with_a_fixed_number_of_queries(
    client, rf, django_assert_max_num_queries
):
    for number in range(30):
        request = rf.post("/cuenta/entrar/", REMOTE_ADDR=f"192.0.2.{number}")
        audit_record(actor=None, action=AuditEvent.Action.LOGIN_FAILED, request=request, identifier=f"p{number}@b.mx")
    client.force_login(make_staff())
    with django_assert_max_num_queries(10):
        page = client.get(reverse("audit:event-list"), {"action": AuditEvent.Action.LOGIN_FAILED}).content.decode()
    assert "192.0.2.29" in page and "192.0.2.0" in page
    with two_days_ago():
        audit_record(actor=None, action=AuditEvent.Action.LOGIN_FAILED, identifier="vieja@b.mx")
    services.retention_rule_set(actor=make_staff(), kind="security_events", keep_days=1)
    services.retention_apply()
    page = client.get(reverse("audit:event-list"), {"action": AuditEvent.Action.LOGIN_FAILED}).content.decode()
    assert "una dirección de correo (borrada)" in page
