"""An organization with representatives always has one primary contact, and its people can name another."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from audit.models import AuditEvent
from companies import services
from companies.models import Representative
from tests.factories import make_representative

pytestmark = pytest.mark.django_db


def _join(organization, days_ago, primary=False, **fields):
    person = make_representative(**fields)
    started = timezone.now() - timedelta(days=days_ago)
    return Representative.objects.create(
        organization=organization, user=person, is_primary_contact=primary, started_at=started
    )


def test_removing_the_primary_contact_hands_it_to_the_longest_serving_one_and_says_so(client, staff, org_a):
    primary = _join(org_a, 900, primary=True, full_name="Primera")
    _join(org_a, 10, full_name="Reciente")
    veteran = _join(org_a, 400, full_name="Veterana")
    client.force_login(staff)
    response = client.post(
        reverse("companies:representative-remove", args=[org_a.pk, primary.pk]), {"reason": "Cambio"}, follow=True
    )
    assert "Veterana, quien representa a la organización desde hace más tiempo" in response.content.decode()
    veteran.refresh_from_db()
    assert veteran.is_primary_contact
    assert list(Representative.objects.current().filter(organization=org_a, is_primary_contact=True)) == [veteran]
    assert AuditEvent.objects.filter(target_id=str(veteran.pk), action=AuditEvent.Action.UPDATED).exists()


def test_a_representative_names_a_colleague_primary_contact_from_the_people_page(client, staff, org_a, org_b):
    primary = _join(org_a, 100, primary=True, full_name="Primera")
    colleague = _join(org_a, 50, full_name="Colega")
    client.force_login(primary.user)
    page = client.get(reverse("companies:people", args=[org_a.pk])).content.decode()
    assert reverse("companies:primary-contact", args=[org_a.pk, colleague.pk]) in page
    response = client.post(reverse("companies:primary-contact", args=[org_a.pk, colleague.pk]), follow=True)
    assert "Colega es ahora el contacto principal" in response.content.decode()
    primary.refresh_from_db()
    colleague.refresh_from_db()
    assert colleague.is_primary_contact and not primary.is_primary_contact
    event = AuditEvent.objects.get(target_id=str(colleague.pk), action=AuditEvent.Action.UPDATED)
    assert event.actor == primary.user and event.changes == {"is_primary_contact": [False, True]}
    with pytest.raises(ValidationError):
        services.primary_contact_set(actor=staff, representative=colleague)
    outsider = _join(org_b, 5)
    with pytest.raises(PermissionDenied):
        services.primary_contact_set(actor=outsider.user, representative=primary)


def test_the_database_keeps_one_primary_contact_per_organization(org_a):
    _join(org_a, 10, primary=True)
    with pytest.raises(IntegrityError), transaction.atomic():
        _join(org_a, 5, primary=True)
