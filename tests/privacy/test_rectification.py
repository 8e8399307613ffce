"""Rectification names the data to correct (the person's or their organization's); the owners' services apply it."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from audit.models import AuditEvent
from audit.selectors import events_for
from privacy import services
from privacy.models import RightsRequest
from tests.factories import make_member, make_organization, make_staff

pytestmark = pytest.mark.django_db


def test_a_rectification_of_the_organizations_contact_is_applied_through_its_service(client):
    staff = make_staff()
    organization = make_organization(actor=staff, contact_email="vieja@empresa.example")
    person = make_member(organization)
    client.force_login(person)
    response = client.post(
        reverse("privacy:request-file"),
        {"right": "rectification", "details": "El correo de contacto es nueva@empresa.example.", "channel": "email",
         "rectify_fields": ["organization_contact_email"]},
    )  # fmt: skip
    assert response.status_code == 302
    rights_request = RightsRequest.objects.get(email=person.email)
    assert rights_request.rectify_fields == ["organization_contact_email"]
    client.force_login(staff)
    page = client.get(rights_request.get_absolute_url()).text
    assert "Datos a corregir" in page and "vieja@empresa.example" in page
    url = reverse("privacy:request-action", args=[rights_request.pk, "rectify"])
    data = {"rectify-full_name": person.full_name, "rectify-email": person.email,
            "rectify-organization_contact_email": "nueva@empresa.example"}  # fmt: skip
    assert client.post(url, data).status_code == 302
    organization.refresh_from_db()
    assert organization.contact_email == "nueva@empresa.example"
    assert organization.legal_name  # left empty in the form: unchanged
    (event,) = [e for e in events_for(organization) if e.action == AuditEvent.Action.UPDATED]
    assert event.changes["contact_email"] == ["vieja@empresa.example", "nueva@empresa.example"]
    assert rights_request.number in event.message
    assert AuditEvent.objects.filter(action="privacy.rectified", target_id=str(rights_request.pk)).exists()


def test_only_a_rectification_names_data_and_only_from_the_list():
    person = make_member(make_organization())
    for right, keys in (("access", ["phone"]), ("rectification", ["password"])):
        with pytest.raises(ValidationError) as error:
            services.request_file(user=person, right=right, details="x", channel="email", rectify_fields=keys)
        assert list(error.value.message_dict) == ["rectify_fields"]
