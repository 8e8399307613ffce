"""A survey's chosen organizations with an id no database can hold: the form says so, nothing is saved, no 500."""

import pytest
from django.urls import reverse

from surveys.models import Survey

pytestmark = pytest.mark.django_db

HUGE_ID = "1" * 40


def test_a_forty_digit_organization_is_refused_with_a_message(client, staff, org_a):
    client.force_login(staff)
    response = client.post(
        reverse("surveys:survey-create"),
        {
            "title_es": "Encuesta elegida",
            "purpose": "general",
            "audience": "chosen",
            "response_unit": "organization",
            "chosen_organizations": [org_a.pk, HUGE_ID],
        },
    )
    assert response.status_code == 200
    assert "chosen_organizations" in response.context["form"].errors
    assert not Survey.objects.filter(title_es="Encuesta elegida").exists()
