"""The export reaches rows that name a person only by their address, and failed sign-ins by the address's hash."""

import datetime

import pytest
from django.apps import apps
from django.conf import settings
from django.db.models import EmailField
from django.urls import reverse

from audit.models import AuditEvent
from companies.models import Invitation
from privacy import services
from privacy.export import TABLES, personal_data
from tests.factories import make_organization, make_representative, make_staff

pytestmark = pytest.mark.django_db


def test_every_email_field_is_matched_by_address_in_the_export():
    user_model = apps.get_model(settings.AUTH_USER_MODEL)
    email_fields = {
        (model._meta.label, field.name)
        for model in apps.get_models()
        if model is not user_model
        for field in model._meta.concrete_fields
        if isinstance(field, EmailField)
    }
    by_address = {(t.label, lookup.field) for t in TABLES for lookup in t.lookups if hasattr(lookup, "field")}
    assert email_fields <= by_address, f"Match these by address in privacy.export.TABLES: {email_fields - by_address}"


def test_invitations_requests_and_failed_sign_ins_to_the_address_are_in_the_export(client):
    staff, person = make_staff(), make_representative()
    organization = make_organization(actor=staff)
    Invitation.objects.create(
        organization=organization, email=person.email.upper(), full_name="Antes", token_hash="y" * 64,
        invited_by=staff, expires_at=datetime.datetime(2030, 1, 1, tzinfo=datetime.UTC),
    )  # fmt: skip
    services.request_file(
        user=None, full_name="Sin cuenta", email=person.email, right="access", details="Lo que tengan.", channel="email"
    )
    client.post(reverse("accounts:login"), {"username": person.email.upper(), "password": "mala"})
    data = personal_data(person)
    assert [row["full_name"] for row in data["companies.Invitation"]] == ["Antes"]
    assert len(data["privacy.RightsRequest"]) == 1
    failed = [row for row in data["audit.AuditEvent"] if row["action"] == AuditEvent.Action.LOGIN_FAILED]
    assert len(failed) == 1 and person.email not in failed[0]["identifier"]
    # Its IP address and browser, kept apart from the chain, come with it; the nonce of the digest does not.
    # The request filed under the address has its part too (the hashed address, see docs/privacy.md).
    parts = {part["event_id"]: part for part in data["audit.EventPersonalPart"]}
    assert len(parts) == 2
    part = parts[failed[0]["id"]]
    assert part["ip_address"] == "127.0.0.1" and "nonce" not in part


def test_an_organization_reached_by_its_contact_address_gives_only_the_contact_fields():
    staff, person = make_staff(), make_representative()
    organization = make_organization(actor=staff)
    type(organization).objects.filter(pk=organization.pk).update(
        contact_email=person.email.upper(), contact_phone="55 1234 5678", description="Debida diligencia: nota."
    )
    rows = personal_data(person)["companies.Organization"]
    assert len(rows) == 1
    assert rows[0]["contact_email"] == person.email.upper() and rows[0]["contact_phone"] == "55 1234 5678"
    assert "description" not in rows[0] and "rfc" not in rows[0] and "participation_status" not in rows[0]
    # Whoever archived it gets the whole row.
    type(organization).objects.filter(pk=organization.pk).update(archived_by=person)
    assert "description" in personal_data(person)["companies.Organization"][0]
