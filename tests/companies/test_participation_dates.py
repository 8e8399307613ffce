"""A participation change is never dated before the organization's own history, whatever the new status."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from companies import services
from tests.factories import make_organization

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("to_status", ["active", "withdrawn"])
def test_a_change_dated_before_the_latest_step_is_refused(staff, to_status):
    organization = make_organization(actor=staff, status="invited")
    with pytest.raises(ValidationError) as error:
        services.participation_change(
            actor=staff,
            organization=organization,
            to_status=to_status,
            reason="Prueba",
            effective_on=datetime.date(2015, 1, 1),
        )
    assert error.value.error_dict["effective_on"][0].code == "before_latest_change"
    organization.refresh_from_db()
    assert organization.participation_status == "invited"


def test_staff_cannot_suspend_an_organization_years_before_it_was_invited(client, staff, org_a):
    client.force_login(staff)
    url = reverse("companies:participation-change", args=[org_a.pk])
    response = client.post(url, {"to_status": "suspended", "effective_on": "2015-01-01", "reason": "Sin proyecto"})
    assert response.status_code == 200
    assert "La fecha no puede ser anterior al último cambio" in response.content.decode()
    assert response.context["form"]["reason"].value() == "Sin proyecto"
    org_a.refresh_from_db()
    assert org_a.participation_status == "active"
    assert not org_a.participation_changes.filter(effective_on__lt=timezone.localdate()).exists()
    tomorrow = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
    response = client.post(url, {"to_status": "suspended", "effective_on": tomorrow, "reason": "Sin proyecto"})
    assert "futur" in response.content.decode()
