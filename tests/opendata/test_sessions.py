"""The public sessions: a day is a date column of its own, and a moment is published only when its hour is known."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from committees.models import Session

from .helpers import all_formats

pytestmark = pytest.mark.django_db

# The columns in the order they were published; consumers read them by position.
COLUMNS = [
    "session_id", "kind", "committee_id", "committee_name", "title", "starts_at", "ends_at", "place", "status",
    "reported_attendance", "has_approved_minutes", "date_precision", "committee_name_en", "title_en", "time_known",
    "starts_on", "ends_on",
]  # fmt: skip


def public_session(title, starts, ends, **fields):
    return Session.objects.create(
        kind="plenary", title=title, starts_at=timezone.make_aware(starts), ends_at=timezone.make_aware(ends),
        place="SRE", status="held", is_public=True, **fields,
    )  # fmt: skip


def test_the_day_is_its_own_column_and_a_moment_is_published_only_with_its_hour(client):
    public_session("Con hora", datetime.datetime(2016, 12, 6, 10), datetime.datetime(2016, 12, 6, 12))
    public_session("Sin hora", datetime.datetime(2016, 5, 19), datetime.datetime(2016, 5, 21), time_known=False)
    for file_format, (header, rows, _raw) in all_formats(client, "sesiones").items():
        assert header == COLUMNS, file_format
        by_title = {row[header.index("title")]: dict(zip(header, row, strict=True)) for row in rows}
        known, unknown = by_title["Con hora"], by_title["Sin hora"]
        assert known["starts_at"].startswith("2016-12-06T16:00:00"), file_format  # UTC
        assert known["ends_at"].startswith("2016-12-06T18:00:00"), file_format
        # Excel holds date cells, read back as "2016-12-06 00:00:00".
        assert (known["starts_on"][:10], known["ends_on"][:10]) == ("2016-12-06", "2016-12-06"), file_format
        assert (unknown["starts_at"], unknown["ends_at"]) in {("", ""), ("None", "None")}, file_format
        assert (unknown["starts_on"][:10], unknown["ends_on"][:10]) == ("2016-05-19", "2016-05-20"), file_format


@pytest.mark.parametrize(
    "language, texts",
    [
        ("es", ["Día en que empieza la sesión.", "vacío cuando no se conoce la hora (time_known falso)"]),
        ("en", ["Day the session starts.", "empty when the hour is not known (time_known false)"]),
    ],
)
def test_the_dictionary_describes_the_days_and_the_empty_moments(client, language, texts):
    page = client.get(reverse("opendata:dataset", kwargs={"slug": "sesiones"}), HTTP_ACCEPT_LANGUAGE=language)
    text = page.content.decode()
    assert all(expected in text for expected in texts)
    assert text.index("time_known") < text.index("starts_on") < text.index("ends_on")
