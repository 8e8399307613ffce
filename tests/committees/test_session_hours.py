"""A session whose hour its source does not give shows its day alone, and staff say how much of a date is known.

The demo's launch (19 May 2016: the seed gives the day, not the hour) is written without an hour on its page, in its
calendar file (an all-day event), in open data and in the API; the session forms ask "Fecha exacta / Solo mes y año /
Solo año" beside the day, and the hours only when they are known.
"""

import datetime
import re

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from committees.models import Session
from committees.services.notifications import notify_session
from tests.factories import make_committee, make_committee_member, make_staff
from tests.opendata.helpers import all_formats

pytestmark = pytest.mark.django_db

LAUNCH = "Lanzamiento de la Alianza por la Sostenibilidad"


@pytest.fixture
def launch(demo):
    return Session.objects.get(kind="plenary", title=LAUNCH)


def test_the_demo_records_the_launch_by_its_day_without_an_hour(launch):
    assert launch.date_precision == "day" and not launch.time_known
    assert timezone.localdate(launch.starts_at) == datetime.date(2016, 5, 19)
    assert not Session.objects.filter(starts_at__year__lt=2018, time_known=True).exists()


def test_the_launch_page_ics_open_data_and_api_give_no_hour(client, launch):
    page = client.get(launch.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert '<time datetime="2016-05-19">19 de mayo de 2016</time>' in page
    assert "19 de mayo de 2016," not in page and "10:00" not in page
    english = client.get(launch.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '<time datetime="2016-05-19">May 19, 2016</time>' in english and "a.m." not in english
    ics = client.get(reverse("committees:session-ics", args=[launch.pk])).content.decode()
    assert "DTSTART;VALUE=DATE:20160519\r\n" in ics and "DTEND;VALUE=DATE:20160520\r\n" in ics
    assert "DTSTART:" not in ics
    for file_format, (header, rows, _raw) in all_formats(client, "sesiones").items():
        row = next(row for row in rows if row[header.index("title")] == LAUNCH)
        assert row[header.index("starts_at")] in ("", "None"), file_format
        assert row[header.index("ends_at")] in ("", "None"), file_format
        assert row[header.index("time_known")].lower() in ("false", "0"), file_format
        # A date is a date cell in Excel: read back as "2016-05-19 00:00:00".
        days = (row[header.index("starts_on")][:10], row[header.index("ends_on")][:10])
        assert days == ("2016-05-19", "2016-05-19"), file_format
        assert header[-3:] == ["time_known", "starts_on", "ends_on"], file_format
    data = client.get(f"/api/v1/sessions/{launch.pk}/").json()
    assert (data["starts_on"], data["starts_at"], data["ends_at"], data["time_known"]) == (
        "2016-05-19",
        None,
        None,
        False,
    )


def test_loading_the_demo_again_changes_nothing(launch):
    before = list(Session.objects.order_by("pk").values_list("pk", "starts_at", "ends_at", "time_known"))
    call_command("load_demo", verbosity=0)
    assert list(Session.objects.order_by("pk").values_list("pk", "starts_at", "ends_at", "time_known")) == before


def test_a_session_with_its_hour_still_shows_it(client):
    starts = timezone.make_aware(datetime.datetime(2016, 12, 6, 10))
    session = Session.objects.create(
        kind="plenary", title="Con hora", starts_at=starts, ends_at=starts + datetime.timedelta(hours=2),
        place="SRE", is_public=True, status="held",
    )  # fmt: skip
    page = client.get(session.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert "6 de diciembre de 2016, 10:00" in page and "12:00" in page
    ics = client.get(reverse("committees:session-ics", args=[session.pk])).content.decode()
    assert "DTSTART:20161206T160000Z" in ics
    row = client.get(f"/api/v1/sessions/{session.pk}/").json()
    assert row["time_known"] is True and row["starts_at"].startswith("2016-12-06T10:00")


def test_an_email_about_a_day_without_its_hour_says_so(django_capture_on_commit_callbacks):
    committee = make_committee(4)
    member = make_committee_member(committee, full_name="Lucía Pérez")
    starts = timezone.make_aware(datetime.datetime(2016, 12, 6))
    session = Session.objects.create(
        kind="committee", committee=committee, title="Ord", starts_at=starts,
        ends_at=starts + datetime.timedelta(days=1), place="SRE", status="held", time_known=False,
    )  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        notify_session(session, event="changed")
    body = next(m for m in mail.outbox if m.to == [member.email]).body
    assert "Cuándo: 6 de diciembre de 2016 (no se conoce la hora)" in body and "00:00" not in body


def record(client, language="es", **fields):
    data = {"title": "Segunda sesión plenaria", "kind": "plenary", "starts_on": "2016-07-06", "place": "SRE", **fields}
    return client.post(reverse("committees:plenary-record"), data, HTTP_ACCEPT_LANGUAGE=language)


def test_staff_record_a_session_known_to_the_month_and_the_form_shows_it_again(client):
    client.force_login(make_staff())
    response = record(client, date_precision="month")
    session = Session.objects.get(title="Segunda sesión plenaria")
    assert response.status_code == 302
    assert (session.date_precision, session.time_known) == ("month", False)
    assert timezone.localdate(session.starts_at) == datetime.date(2016, 7, 6)
    form = client.get(reverse("committees:session-update", args=[session.pk]), HTTP_ACCEPT_LANGUAGE="es")
    text = form.content.decode()
    assert "Solo mes y año" in text and "Fecha exacta" in text and "Solo año" in text
    assert re.search(r'<input[^>]*name="date_precision"[^>]*value="month"[^>]*checked', text)
    assert 'value="2016-07-06"' in text
    page = client.get(session.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert "julio de 2016" in page and "6 de julio" not in page


def test_staff_record_a_day_without_its_hour_and_with_it(client):
    client.force_login(make_staff())
    record(client, date_precision="day")
    unknown = Session.objects.get()
    assert (unknown.date_precision, unknown.time_known) == ("day", False)
    record(client, title="Con hora", date_precision="day", starts_time="10:00", ends_time="12:30")
    known = Session.objects.get(title="Con hora")
    assert known.time_known and timezone.localtime(known.ends_at).time() == datetime.time(12, 30)
    form = client.get(reverse("committees:session-update", args=[known.pk])).content.decode()
    assert 'value="10:00"' in form and 'value="12:30"' in form


@pytest.mark.parametrize(
    "language, fields, message",
    [
        ("es", {"date_precision": "year", "starts_time": "10:00", "ends_time": "12:00"},
         "Una sesión de la que solo se conoce el mes o el año no tiene hora: deje ambas horas vacías."),
        ("en", {"date_precision": "month", "starts_time": "10:00"},
         "A session known only by its month or year has no hour: leave both hours empty."),
        ("es", {"date_precision": "day", "starts_time": "10:00"},
         "Indique la hora de inicio y la de término, o deje ambas vacías si no se conoce la hora."),
    ],
)  # fmt: skip
def test_the_form_refuses_an_hour_it_cannot_have_and_keeps_what_was_typed(client, language, fields, message):
    client.force_login(make_staff(preferred_language=language))
    response = record(client, language=language, **fields)
    assert response.status_code == 200 and not Session.objects.exists()
    text = response.content.decode()
    assert message in text
    assert 'value="Segunda sesión plenaria"' in text and 'value="2016-07-06"' in text and 'value="10:00"' in text


def test_an_upcoming_session_needs_its_exact_day_and_hour(client):
    client.force_login(make_staff())
    day = timezone.localdate() + datetime.timedelta(days=9)
    data = {
        "title": "Próxima",
        "kind": "plenary",
        "starts_on": day.isoformat(),
        "date_precision": "day",
        "place": "SRE",
    }
    response = client.post(reverse("committees:plenary-create"), data, HTTP_ACCEPT_LANGUAGE="es")
    assert response.status_code == 200 and not Session.objects.exists()
    assert (
        "Una sesión por celebrarse necesita su fecha exacta y sus horas de inicio y término."
        in response.content.decode()
    )


def test_the_admin_lists_the_launch_by_its_day_and_refuses_an_hour_for_a_month(client, launch):
    client.force_login(make_staff(is_superuser=True))
    listing = client.get(reverse("admin:committees_session_changelist"), HTTP_ACCEPT_LANGUAGE="es")
    assert listing.status_code == 200 and '<td class="field-when">19 de mayo de 2016</td>' in listing.content.decode()
    launch.date_precision, launch.time_known = "month", True
    with pytest.raises(ValidationError) as refused:
        launch.full_clean()
    assert refused.value.error_dict["time_known"][0].code == "hour_without_day"


def test_the_database_refuses_an_hour_for_a_session_known_to_the_month():
    starts = timezone.make_aware(datetime.datetime(2016, 7, 1))
    with pytest.raises(IntegrityError), transaction.atomic():
        Session.objects.create(
            kind="plenary", title="Segunda", starts_at=starts, ends_at=starts + datetime.timedelta(days=1),
            place="SRE", status="held", date_precision="month", time_known=True,
        )  # fmt: skip
    Session.objects.create(
        kind="plenary", title="Segunda", starts_at=starts, ends_at=starts + datetime.timedelta(days=1),
        place="SRE", status="held", date_precision="month", time_known=False,
    )  # fmt: skip
