"""Lists: pagination values refused with 400 and the reason; the sessions' minutes filter and the calls' status
filter, as the pages filter them, declared in the OpenAPI schema."""

import datetime

import pytest
from django.utils import timezone

from committees.models import Minutes
from projects.models import Call
from tests.factories import make_committee, make_session, make_staff

from .helpers import client_for, issue

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client():
    staff = make_staff()
    _token, key = issue(staff, staff=staff)
    return client_for(key, HTTP_ACCEPT_LANGUAGE="en"), staff


@pytest.mark.parametrize(
    ("query", "field", "reason"),
    [
        ("page=abc", "page", "Enter a whole number."),
        ("page=1.5", "page", "Enter a whole number."),
        ("page=0", "page", "Enter a number of 1 or more."),
        ("page=-2", "page", "Enter a number of 1 or more."),
        ("per_page=abc", "per_page", "Enter a whole number."),
        ("per_page=0", "per_page", "Enter a number of 1 or more."),
        ("per_page=-1", "per_page", "Enter a number of 1 or more."),
        ("per_page=201", "per_page", "Enter a number of at most 200."),
    ],
)
@pytest.mark.parametrize("path", ["/api/v1/goals/", "/api/v1/datasets/comites/rows/"])
def test_a_page_or_page_size_that_is_not_valid_is_400_with_the_reason(path, query, field, reason):
    response = client_for(HTTP_ACCEPT_LANGUAGE="en").get(f"{path}?{query}")
    assert response.status_code == 400
    assert response.json() == {field: [reason]}


def test_the_reason_of_a_bad_page_is_in_the_request_language():
    response = client_for(HTTP_ACCEPT_LANGUAGE="es").get("/api/v1/goals/?per_page=500")
    assert response.status_code == 400
    assert response.json() == {"per_page": ["Introduzca un número de 200 como máximo."]}


def test_valid_pages_are_served_and_a_page_past_the_end_is_404():
    client = client_for()
    body = client.get("/api/v1/goals/?per_page=5&page=2").json()
    assert [goal["number"] for goal in body["results"]] == [6, 7, 8, 9, 10]
    assert len(client.get("/api/v1/goals/?per_page=200").json()["results"]) == 17
    assert [goal["number"] for goal in client.get("/api/v1/goals/?per_page=5&page=last").json()["results"]] == [16, 17]
    assert client.get("/api/v1/goals/?per_page=5&page=5").status_code == 404


def _ids(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.content[:300]
    return {row["id"] for row in response.json()["results"]}


def test_sessions_are_filtered_by_their_minutes_as_the_session_list_does(staff_client):
    client, staff = staff_client
    committee = make_committee(4)
    with_draft = make_session(committee, days_from_now=-10)
    Minutes.objects.create(session=with_draft, version=1, body="Borrador", drafted_by=staff)
    without_minutes = make_session(committee, days_from_now=-5)
    make_session(committee, days_from_now=-200)  # held too long ago to be due
    upcoming = make_session(committee, days_from_now=5)
    assert _ids(client, "/api/v1/sessions/?minutes=por-aprobar") == {with_draft.pk}
    assert _ids(client, "/api/v1/sessions/?minutes=por-redactar") == {without_minutes.pk}
    assert upcoming.pk in _ids(client, "/api/v1/sessions/")


def test_calls_are_filtered_by_their_status_today(staff_client):
    client, staff = staff_client
    committee = make_committee(12)
    today = timezone.localdate()
    day = datetime.timedelta(days=1)

    def call(opens_on, closes_on):
        return Call.objects.create(
            committee=committee, title="Convocatoria", opens_on=opens_on, closes_on=closes_on, created_by=staff
        )

    closed = call(today - 30 * day, today - day)
    open_until_today = call(today - 10 * day, today)
    upcoming = call(today + day, today + 30 * day)
    assert _ids(client, "/api/v1/calls/?status=open") == {open_until_today.pk}
    assert _ids(client, "/api/v1/calls/?status=upcoming") == {upcoming.pk}
    assert _ids(client, "/api/v1/calls/?status=closed") == {closed.pk}
    statuses = {row["id"]: row["status"] for row in client.get("/api/v1/calls/").json()["results"]}
    assert statuses == {closed.pk: "closed", open_until_today.pk: "open", upcoming.pk: "upcoming"}


@pytest.mark.parametrize(
    ("url", "field"),
    [("/api/v1/sessions/?minutes=someday", "minutes"), ("/api/v1/calls/?status=forever", "status")],
)
def test_a_bad_minutes_or_status_value_is_400_with_the_reason(staff_client, url, field):
    client, _staff = staff_client
    response = client.get(url)
    assert response.status_code == 400
    assert "is not one of the available choices" in response.json()[field][0]


def _parameters(schema, path):
    return {parameter["name"]: parameter for parameter in schema["paths"][path]["get"]["parameters"]}


def test_the_schema_declares_the_new_filters_and_the_page_bounds():
    schema = client_for().get("/api/v1/schema/?format=json").json()
    sessions = _parameters(schema, "/api/v1/sessions/")
    assert sessions["minutes"]["schema"]["enum"] == ["por-aprobar", "por-redactar"]
    calls = _parameters(schema, "/api/v1/calls/")
    assert calls["status"]["schema"]["enum"] == ["closed", "open", "upcoming"]
    for path in ("/api/v1/sessions/", "/api/v1/datasets/{slug}/rows/"):
        parameters = _parameters(schema, path)
        assert parameters["per_page"]["schema"]["maximum"] == 200
        assert parameters["per_page"]["schema"]["minimum"] == parameters["page"]["schema"]["minimum"] == 1
