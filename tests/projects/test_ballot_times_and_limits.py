"""A ballot's times and numbers: what cannot be held is refused on its field, and a round names what blocks it."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from projects import services
from projects.models import Ballot

from .ballot_scene import make_ballot, vote_round

pytestmark = pytest.mark.django_db


def field_codes(error):
    return {name: [e.code for e in errors] for name, errors in error.value.error_dict.items()}


def test_a_ballot_whose_closing_time_has_passed_is_refused(scene):
    long_ago = timezone.make_aware(datetime.datetime(2020, 1, 1, 9))
    with pytest.raises(ValidationError) as error:
        make_ballot(scene, open_now=False, opens_at=long_ago, closes_at=long_ago + datetime.timedelta(days=1))
    assert field_codes(error) == {"closes_at": ["closes_in_the_past"]}
    assert not Ballot.objects.exists()


def test_a_ballot_opening_after_it_closes_is_refused_on_its_closing_time(scene):
    later = timezone.now() + datetime.timedelta(days=2)
    with pytest.raises(ValidationError) as error:
        make_ballot(scene, open_now=False, opens_at=later + datetime.timedelta(days=1), closes_at=later)
    assert field_codes(error) == {"closes_at": ["closes_before_opening"]}


def test_the_round_that_cannot_close_names_the_ballot_and_its_state(scene):
    selection_round = vote_round(scene)
    make_ballot(scene, selection_round, open_now=False, title="Votación de marzo")
    with pytest.raises(ValidationError) as error:
        services.round_close(actor=scene.chair, selection_round=selection_round)
    assert error.value.code == "ballot_not_closed"
    assert "Votación de marzo" in error.value.messages[0]
    assert "(estado: Programada)" in error.value.messages[0]


def test_the_ballot_form_says_in_spanish_that_the_closing_time_has_passed(client, scene):
    selection_round = vote_round(scene)
    client.force_login(scene.chair)
    response = client.post(
        reverse("projects:ballot-create", args=[selection_round.pk]),
        {"title": "Votación", "electorate": "organizations", "question": "approval", "max_choices": 1, "seats": 1,
         "majority": "plurality", "quorum_percent": 50, "opens_at": "2020-01-01T09:00", "closes_at": "2020-01-02T09:00",
         "open_now": ""},
        HTTP_ACCEPT_LANGUAGE="es",
    )  # fmt: skip
    assert response.status_code == 200
    assert "La hora de cierre de la votación ya pasó" in response.content.decode()
    assert not Ballot.objects.exists()


BALLOT_FIELDS = {"title": "Votación", "electorate": "organizations", "question": "approval", "max_choices": 1,
                 "seats": 1, "majority": "plurality", "quorum_percent": 50, "open_now": ""}  # fmt: skip


def post_ballot(client, scene, **fields):
    selection_round = vote_round(scene)
    client.force_login(scene.chair)
    url = reverse("projects:ballot-create", args=[selection_round.pk])
    return client.post(url, {**BALLOT_FIELDS, **fields})


def test_a_ballot_in_the_year_9999_is_refused_on_its_fields_not_with_a_server_error(client, scene):
    response = post_ballot(client, scene, opens_at="9999-12-31T23:00", closes_at="9999-12-31T23:59")
    assert response.status_code == 200
    errors = response.context["form"].errors.as_data()
    assert [e.code for e in errors["opens_at"]] == ["implausible_date"]
    assert [e.code for e in errors["closes_at"]] == ["implausible_date"]
    assert "Revise el año" in response.content.decode()
    assert not Ballot.objects.exists()


def test_the_ballot_service_and_the_runoff_form_refuse_an_implausible_year(scene):
    from projects.forms_selection import RunoffForm

    far = timezone.make_aware(datetime.datetime(9999, 12, 31, 23))
    with pytest.raises(ValidationError) as error:
        make_ballot(scene, open_now=False, opens_at=far, closes_at=far + datetime.timedelta(minutes=59))
    assert field_codes(error) == {"opens_at": ["implausible_date"]}
    form = RunoffForm(data={"opens_at": "9999-12-31T23:00", "closes_at": "9999-12-31T23:59"})
    assert not form.is_valid()
    assert {name: [e.code for e in errors] for name, errors in form.errors.as_data().items()} == {
        "opens_at": ["implausible_date"],
        "closes_at": ["implausible_date"],
    }


def test_out_of_range_ballot_numbers_are_refused_on_their_fields_in_spanish(client, scene):
    now = timezone.localtime()
    times = {
        "opens_at": now.strftime("%Y-%m-%dT%H:%M"),
        "closes_at": (now + datetime.timedelta(days=2)).strftime("%Y-%m-%dT%H:%M"),
    }
    response = post_ballot(client, scene, quorum_percent=150, max_choices=0, seats=0, **times)
    assert response.status_code == 200
    errors = response.context["form"].errors.as_data()
    assert [e.code for e in errors["quorum_percent"]] == ["max_value"]
    assert [e.code for e in errors["max_choices"]] == ["min_value"]
    assert [e.code for e in errors["seats"]] == ["min_value"]
    page = response.content.decode()
    assert "projects_ballot" not in page
    assert "menor o igual a 100" in page
    assert not Ballot.objects.exists()
