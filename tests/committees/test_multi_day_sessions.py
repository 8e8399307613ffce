"""A session over several days: staff give its last day, and it is written "19–20 de mayo de 2016" everywhere.

It is stored by its start and end (``ends_at`` on its last day, or the midnight after it when the hour is not known),
so pages, e-mails, the .ics (an all-day DATE range, or DTSTART/DTEND moments) and the API all read the same span.
"""

import datetime
import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation

from axs_platform.dates import historical_date, historical_moment
from committees.models import Session
from committees.services.notifications import notify_session
from tests.factories import make_committee, make_committee_member, make_staff
from tests.opendata.helpers import all_formats

pytestmark = pytest.mark.django_db


def record(client, language="es", **fields):
    data = {"title": "Encuentro", "kind": "plenary", "starts_on": "2016-05-19", "date_precision": "day", "place": "SRE",
            "is_public": "on"}  # fmt: skip
    return client.post(reverse("committees:plenary-record"), {**data, **fields}, HTTP_ACCEPT_LANGUAGE=language)


@pytest.mark.parametrize(
    "language, first, last, written",
    [
        ("es", datetime.date(2016, 5, 19), datetime.date(2016, 5, 20), "19–20 de mayo de 2016"),
        ("en", datetime.date(2016, 5, 19), datetime.date(2016, 5, 20), "May 19–20, 2016"),
        ("es", datetime.date(2016, 5, 30), datetime.date(2016, 6, 2), "30 de mayo – 2 de junio de 2016"),
        ("en", datetime.date(2016, 5, 30), datetime.date(2016, 6, 2), "May 30 – June 2, 2016"),
        ("es", datetime.date(2016, 12, 31), datetime.date(2017, 1, 1), "31 de diciembre de 2016 – 1 de enero de 2017"),
        ("en", datetime.date(2016, 12, 31), datetime.date(2017, 1, 1), "December 31, 2016 – January 1, 2017"),
        ("es", datetime.date(2016, 5, 19), datetime.date(2016, 5, 19), "19 de mayo de 2016"),
    ],
)  # fmt: skip
def test_a_span_of_days_names_its_month_and_year_once(language, first, last, written):
    with translation.override(language):
        assert historical_date(first, until=last) == written


def test_a_two_day_session_without_hours_is_one_span_on_its_page_calendar_and_api(client):
    client.force_login(make_staff())
    assert record(client, ends_on="2016-05-20").status_code == 302
    session = Session.objects.get()
    assert not session.time_known and session.spans_days
    assert (session.starts_on, session.ends_on) == (datetime.date(2016, 5, 19), datetime.date(2016, 5, 20))
    assert timezone.localtime(session.ends_at) == timezone.make_aware(datetime.datetime(2016, 5, 21))
    form = client.get(reverse("committees:session-update", args=[session.pk])).content.decode()
    assert re.search(r'<input[^>]*name="ends_on"[^>]*value="2016-05-20"', form)
    # Its script hides the end date and the hours for a month- or year-only date (tests/browser/test_session_form.py).
    assert re.search(r'<script src="[^"]*js/session-date[^"]*\.js" defer>', form)
    assert re.search(r'<input[^>]*name="ends_on"[^>]*data-exact-date-only', form)
    client.logout()  # a reader of the published session, in the language of the browser
    page = client.get(session.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert '<time datetime="2016-05-19">19–20 de mayo de 2016</time>' in page
    english = client.get(session.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '<time datetime="2016-05-19">May 19–20, 2016</time>' in english
    ics = client.get(reverse("committees:session-ics", args=[session.pk])).content.decode()
    assert "DTSTART;VALUE=DATE:20160519\r\n" in ics and "DTEND;VALUE=DATE:20160521\r\n" in ics
    for file_format, (header, rows, _raw) in all_formats(client, "sesiones").items():
        row = dict(zip(header, rows[0], strict=True))
        # Excel holds date cells, read back as "2016-05-19 00:00:00".
        assert (row["starts_on"][:10], row["ends_on"][:10]) == ("2016-05-19", "2016-05-20"), file_format
        assert row["starts_at"] in ("", "None") and row["ends_at"] in ("", "None"), file_format
    data = client.get(f"/api/v1/sessions/{session.pk}/").json()
    assert (data["starts_on"], data["ends_on"], data["starts_at"], data["ends_at"]) == (
        "2016-05-19",
        "2016-05-20",
        None,
        None,
    )


def test_a_two_day_session_with_hours_runs_from_its_first_hour_to_its_last(client):
    client.force_login(make_staff())
    record(client, ends_on="2016-05-20", starts_time="10:00", ends_time="14:00")
    session = Session.objects.get()
    assert session.time_known and session.spans_days
    page = client.get(session.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert "19 de mayo de 2016, 10:00</time> – <time" in page and "20 de mayo de 2016, 14:00</time>" in page
    with translation.override("es"):
        assert historical_moment(session.starts_at, until=session.ends_on) == "19–20 de mayo de 2016, 10:00"
    ics = client.get(reverse("committees:session-ics", args=[session.pk])).content.decode()
    assert "DTSTART:20160519T150000Z\r\n" in ics and "DTEND:20160520T190000Z\r\n" in ics
    data = client.get(f"/api/v1/sessions/{session.pk}/").json()
    assert data["ends_on"] == "2016-05-20" and data["ends_at"].startswith("2016-05-20T14:00")


def test_an_email_about_a_session_over_two_days_gives_both(django_capture_on_commit_callbacks):
    committee = make_committee(4)
    member = make_committee_member(committee)
    starts = timezone.make_aware(datetime.datetime(2016, 12, 6))
    session = Session.objects.create(
        kind="committee", committee=committee, title="Taller", starts_at=starts,
        ends_at=starts + datetime.timedelta(days=2), place="SRE", status="held", time_known=False,
    )  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        notify_session(session, event="changed")
    body = next(m for m in mail.outbox if m.to == [member.email]).body
    assert "Cuándo: 6–7 de diciembre de 2016 (no se conoce la hora)" in body
    mail.outbox.clear()
    session.starts_at, session.ends_at = starts.replace(hour=10), starts.replace(day=7, hour=14)
    session.time_known = True
    with django_capture_on_commit_callbacks(execute=True):
        notify_session(session, event="changed")
    body = next(m for m in mail.outbox if m.to == [member.email]).body
    assert "Cuándo: 6 de diciembre de 2016, 10:00 a 7 de diciembre de 2016, 14:00" in body


@pytest.mark.parametrize(
    "language, fields, message",
    [
        ("es", {"ends_on": "2016-05-18"},
         "La fecha de término no puede ser anterior a la fecha en que empieza la sesión."),
        ("en", {"ends_on": "2016-05-18"}, "The end date cannot come before the date the session starts."),
        ("es", {"ends_on": "2016-05-20", "date_precision": "month"},
         "Una sesión de la que solo se conoce el mes o el año no tiene fecha de término: déjela vacía."),
        ("en", {"ends_on": "2016-05-20", "date_precision": "year"},
         "A session known only by its month or year has no end date: leave it empty."),
    ],
)  # fmt: skip
def test_the_form_refuses_an_end_date_it_cannot_have_and_keeps_what_was_typed(client, language, fields, message):
    client.force_login(make_staff(preferred_language=language))
    response = record(client, language=language, **fields)
    assert response.status_code == 200 and not Session.objects.exists()
    text = response.content.decode()
    assert message in text
    assert 'value="Encuentro"' in text and 'value="2016-05-19"' in text and f'value="{fields["ends_on"]}"' in text


def test_a_month_only_date_with_an_end_date_and_hours_is_refused_for_both_at_once(client):
    client.force_login(make_staff())
    response = record(client, date_precision="month", ends_on="2016-05-20", starts_time="10:00", ends_time="12:00")
    text = response.content.decode()
    assert "no tiene fecha de término: déjela vacía." in text and "no tiene hora: deje ambas horas vacías." in text
    assert not Session.objects.exists()


def test_the_reports_plenary_table_gives_a_plenary_its_days():
    from reports.editions import edition_html

    start = timezone.make_aware(datetime.datetime(2016, 5, 19, 10))
    Session.objects.create(
        kind="plenary", title="Encuentro de dos días", place="SRE", starts_at=start,
        ends_at=start + datetime.timedelta(days=1, hours=4), is_public=True,
    )  # fmt: skip
    with translation.override("es-mx"):
        html = edition_html(datetime.date(2016, 5, 1), datetime.date(2016, 6, 30))
    assert "19–20 de mayo de 2016" in html
