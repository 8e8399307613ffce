"""A session is published in the state the platform shows: once its start has passed, a scheduled session is held.

The status stored stays ``scheduled`` when the session was planned through the platform (only sessions recorded
after they took place are stored ``held``); the open data and the API publish the derived state
(``Session.published_status``), and a cancelled session stays cancelled.
"""

import datetime

import pytest
from django.utils import timezone

from committees.models import Session
from opendata import prebuilt

from .helpers import all_formats

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def _public(title, days_from_now, status):
    starts = timezone.now().replace(microsecond=0) + datetime.timedelta(days=days_from_now)
    return Session.objects.create(
        kind="plenary", title=title, starts_at=starts, ends_at=starts + datetime.timedelta(hours=2),
        status=status, is_public=True,
    )  # fmt: skip


@pytest.fixture
def sessions():
    return {
        "past": _public("Instalación 2016", -3000, "scheduled"),
        "future": _public("Próxima", 10, "scheduled"),
        "recorded": _public("Registrada", -20, "held"),
        "cancelled": _public("Cancelada", -5, "cancelled"),
    }


EXPECTED = {"Instalación 2016": "held", "Próxima": "scheduled", "Registrada": "held", "Cancelada": "cancelled"}


def test_the_dataset_publishes_a_past_scheduled_session_as_held(client, sessions):
    for file_format, (header, rows, _raw) in all_formats(client, "sesiones").items():
        status = {row[header.index("title")]: row[header.index("status")] for row in rows}
        assert status == EXPECTED, file_format


@pytest.mark.parametrize("language, held", [("es", "Celebrada"), ("en", "Held")])
def test_the_api_publishes_a_past_scheduled_session_as_held_with_its_label(client, sessions, language, held):
    body = client.get("/api/v1/sessions/", HTTP_ACCEPT_LANGUAGE=language).json()
    found = {row["title"]: (row["status"], row["status_label"]) for row in body["results"]}
    assert {title: status for title, (status, _label) in found.items()} == EXPECTED
    assert found["Instalación 2016"][1] == held


def test_the_built_file_goes_stale_when_a_scheduled_session_starts(sessions):
    built = prebuilt.build(name="sesiones", file_format="csv")
    assert prebuilt.fresh("sesiones", "csv") == built
    # No service runs when a session's start passes: the dataset's version counts the sessions started.
    Session.objects.filter(pk=sessions["future"].pk).update(
        starts_at=timezone.now() - datetime.timedelta(minutes=1), ends_at=timezone.now() + datetime.timedelta(hours=1)
    )
    assert prebuilt.fresh("sesiones", "csv") is None
