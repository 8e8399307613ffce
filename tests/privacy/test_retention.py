"""Retention: staff set how long each kind of data is kept; the job anonymizes what is due and records it."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from audit.models import AuditEvent
from companies.models import Invitation
from privacy import services
from privacy.models import RetentionRun, RightsRequest
from tests.factories import make_organization, make_representative, make_staff
from tests.privacy.exports import built_export

pytestmark = pytest.mark.django_db


def invitation(staff, organization, *, expires_days_ago, accepted=False, email="inv@example.org"):
    now = timezone.now()
    return Invitation.objects.create(
        organization=organization,
        email=email,
        full_name="Invitada Real",
        job_title="Directora",
        token_hash=email.ljust(64, "x")[:64],
        invited_by=staff,
        expires_at=now - datetime.timedelta(days=expires_days_ago),
        accepted_at=now if accepted else None,
    )


def test_the_job_anonymizes_only_what_is_due_and_is_safe_to_run_twice():
    staff = make_staff()
    organization = make_organization(actor=staff)
    old = invitation(staff, organization, expires_days_ago=100, email="old@example.org")
    recent = invitation(staff, organization, expires_days_ago=10, email="recent@example.org")
    accepted = invitation(staff, organization, expires_days_ago=100, accepted=True, email="ok@example.org")
    services.retention_rule_set(actor=staff, kind="unaccepted_invitations", keep_days=90)
    person = make_representative()
    answered = services.request_file(user=person, right="access", details="Mis datos.", channel="email")
    built_export(staff, answered)
    services.request_answer(actor=staff, rights_request=answered, outcome="granted", answer="Listo.")
    RightsRequest.objects.filter(pk=answered.pk).update(answered_at=timezone.now() - datetime.timedelta(days=400))
    services.retention_rule_set(actor=staff, kind="closed_requests", keep_days=365)

    run = services.retention_apply()
    assert run.results == {
        "closed_requests": 1,
        "security_events": 0,
        "sent_emails": 0,
        "unaccepted_invitations": 1,
        "unconfirmed_requests": 0,
    }
    old.refresh_from_db()
    assert old.full_name.startswith("Persona anonimizada") and old.email.endswith("@anonimizada.invalid")
    assert old.job_title == ""
    for kept in (recent, accepted):
        kept.refresh_from_db()
        assert kept.full_name == "Invitada Real"
    answered.refresh_from_db()
    assert person.email not in answered.email and answered.details != "Mis datos."
    assert answered.status == "answered" and answered.outcome == "granted"  # the record of the procedure stays
    assert Invitation.objects.count() == 3  # nothing deleted
    assert AuditEvent.objects.filter(action="privacy.retention_run", target_id=str(run.pk)).exists()
    again = services.retention_apply().results
    assert again == {
        "closed_requests": 0,
        "security_events": 0,
        "sent_emails": 0,
        "unaccepted_invitations": 0,
        "unconfirmed_requests": 0,
    }


def test_inactive_or_missing_rules_anonymize_nothing_but_the_defaults_in_force():
    staff = make_staff()
    organization = make_organization(actor=staff)
    invitation(staff, organization, expires_days_ago=1000)
    defaults = {"security_events": 0, "sent_emails": 0, "unconfirmed_requests": 0}  # in force until staff set them
    assert services.retention_apply().results == defaults
    services.retention_rule_set(actor=staff, kind="unaccepted_invitations", keep_days=1, active=False)
    assert services.retention_apply().results == defaults
    assert RetentionRun.objects.count() == 2


def test_staff_set_rules_on_the_page_and_bad_input_is_kept(client):
    url = reverse("privacy:retention")
    client.force_login(make_representative())
    assert client.get(url).status_code == 403
    client.force_login(make_staff())
    assert client.get(url).status_code == 200
    response = client.post(url, {"form": "closed_requests", "closed_requests-keep_days": "-4"})
    assert response.status_code == 400 and 'value="-4"' in response.text
    response = client.post(
        url, {"form": "closed_requests", "closed_requests-keep_days": "730", "closed_requests-active": "on"}
    )
    assert response.status_code == 302
    assert client.post(url, {"form": "run"}).status_code == 302
    assert RetentionRun.objects.get().results == {
        "closed_requests": 0,
        "security_events": 0,
        "sent_emails": 0,
        "unconfirmed_requests": 0,
    }
