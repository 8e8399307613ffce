"""Deactivating a person ends their representation of an organization that day; the organization keeps a contact."""

import pytest
from django.urls import reverse

from accounts.services import user_update
from audit.models import AuditEvent
from companies.models import Representative
from tests.factories import make_member, make_organization, make_staff

pytestmark = pytest.mark.django_db


def test_deactivating_a_representative_ends_the_representation_with_the_reason():
    staff = make_staff()
    organization = make_organization(actor=staff, short_name="Fundación Ceiba")
    person = make_member(organization, full_name="Rosa Ceiba")
    user_update(actor=staff, user=person, is_active=False, reason="Dejó la organización")
    link = Representative.objects.get(user=person)
    assert link.ended_at is not None and link.ended_by == staff
    assert link.end_reason == "Dejó la organización"
    event = AuditEvent.objects.get(
        action=AuditEvent.Action.ARCHIVED, target_type__model="representative", target_id=str(link.pk)
    )
    assert event.message == "Dejó la organización"


def test_without_a_reason_the_representation_ends_as_a_deactivated_account_and_stays_ended_on_reactivation():
    staff = make_staff()
    person = make_member(make_organization(actor=staff))
    user_update(actor=staff, user=person, is_active=False)
    user_update(actor=staff, user=person, is_active=True)
    link = Representative.objects.get(user=person)
    assert link.end_reason == "Cuenta desactivada" and link.ended_at is not None
    assert not Representative.objects.current().filter(user=person).exists()


def test_a_deactivated_primary_contact_hands_over_to_a_colleague_and_leaves_the_people_page(client):
    staff = make_staff()
    organization = make_organization(actor=staff)
    leaving = make_member(organization, full_name="Primera Persona")
    Representative.objects.filter(user=leaving).update(is_primary_contact=True)
    staying = make_member(organization, full_name="Segunda Persona")
    user_update(actor=staff, user=leaving, is_active=False)
    assert Representative.objects.current().get(organization=organization, is_primary_contact=True).user == staying
    client.force_login(staff)
    page = client.get(reverse("companies:people", args=[organization.pk])).content.decode()
    assert "Segunda Persona" in page and "Primera Persona" not in page
