"""A survey's dates must be plausible: no year 0001 or 9999 (which also broke the page with a server error)."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from surveys import services
from surveys.models import Survey

from .conftest import build_survey

pytestmark = pytest.mark.django_db


def _data(**moments):
    return {
        "title_es": "Fechas raras",
        "purpose": "general",
        "audience": "all_members",
        "response_unit": "organization",
        **moments,
    }


@pytest.mark.parametrize(
    ("field", "value"),
    [("closes_at", "9999-12-31T23:59"), ("opens_at", "0001-01-01T00:00")],
)
def test_the_create_page_refuses_an_implausible_moment(client, staff, field, value):
    client.force_login(staff)
    moments = {"opens_at": "2030-01-01T10:00", "closes_at": "2030-02-01T10:00", field: value}
    response = client.post(reverse("surveys:survey-create"), _data(**moments))
    assert response.status_code == 200
    assert "Revise el año" in " ".join(response.context["form"].errors[field])
    assert not Survey.objects.filter(title_es="Fechas raras").exists()


def test_the_edit_page_refuses_a_closing_date_in_year_9999(client, staff):
    survey = build_survey(staff, publish=False)
    client.force_login(staff)
    response = client.post(
        reverse("surveys:survey-update", args=[survey.pk]),
        _data(opens_at="2030-01-01T10:00", closes_at="9999-12-31T23:59"),
    )
    assert response.status_code == 200
    assert response.context["form"].errors["closes_at"]


def test_the_service_refuses_implausible_moments(staff):
    zone = timezone.get_default_timezone()
    with pytest.raises(ValidationError) as error:
        services.survey_create(
            actor=staff,
            title_es="Fechas raras",
            opens_at=datetime.datetime(1, 1, 1, tzinfo=datetime.UTC),
            closes_at=datetime.datetime(9999, 12, 31, 23, 59, tzinfo=zone),
        )
    assert set(error.value.message_dict) == {"opens_at", "closes_at"}
    survey = build_survey(staff, publish=False)
    with pytest.raises(ValidationError) as error:
        services.survey_update(
            actor=staff, survey=survey, closes_at=datetime.datetime(9999, 12, 31, 23, 59, tzinfo=zone)
        )
    assert "closes_at" in error.value.message_dict
