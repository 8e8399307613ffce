"""A session or an installation its source dates only by the month or the year shows no invented day or time.

Pages (Spanish and English), the minutes PDF, e-mails, calendars (.ics), open data, the API and IATI honour
``date_precision``: "19 de mayo de 2016, 10:00" for a session of a known day, "julio de 2016" for one known to
the month only.
"""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation

from axs_platform.dates import DatePrecision, historical_moment
from committees import services
from committees.documents import MINUTES
from committees.models import CalendarFeed, Session
from committees.services.notifications import notify_session
from documents.models import Document
from documents.services import document_request
from iati.writer.common import full_date
from tests.factories import (
    make_committee,
    make_committee_member,
    make_organization,
    make_session,
    make_staff,
    seat,
)
from tests.opendata.helpers import all_formats
from tests.pdf_text import pdf_text

pytestmark = pytest.mark.django_db


def moment(year, month, day, hour=10):
    return timezone.make_aware(datetime.datetime(year, month, day, hour))


def historical(*, precision, starts, committee=None, title, public=True):
    return Session.objects.create(
        kind="committee" if committee else "plenary",
        committee=committee,
        title=title,
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=2),
        place="AMEXCID, Plaza Juárez 20",
        is_public=public,
        status="held",
        date_precision=precision,
        time_known=precision == DatePrecision.DAY,
    )


@pytest.fixture
def launch():
    return historical(precision=DatePrecision.DAY, starts=moment(2016, 5, 19), title="Lanzamiento de la Alianza")


@pytest.fixture
def second():
    return historical(precision=DatePrecision.MONTH, starts=moment(2016, 7, 6), title="Segunda sesión plenaria")


@pytest.fixture
def committee():
    return make_committee(4, name="Educación", installed_on=datetime.date(2016, 10, 31), date_precision="year")


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def test_a_moment_is_written_with_its_time_only_when_its_day_is_known():
    with translation.override("es-mx"):
        assert historical_moment(moment(2016, 5, 19)) == "19 de mayo de 2016, 10:00"
        assert historical_moment(moment(2016, 7, 6), DatePrecision.MONTH) == "julio de 2016"
        assert historical_moment(moment(2016, 10, 4), DatePrecision.YEAR) == "2016"
    with translation.override("en"):
        assert historical_moment(moment(2016, 5, 19)) == "May 19, 2016, 10 a.m."
        assert historical_moment(moment(2016, 7, 6), DatePrecision.MONTH) == "July 2016"


@pytest.mark.parametrize(
    "language, day_text, month_text, invented",
    [
        ("es", "19 de mayo de 2016, 10:00", "julio de 2016", "6 de julio de 2016"),
        ("en", "May 19, 2016, 10 a.m.", "July 2016", "July 6, 2016"),
    ],
)
def test_the_session_pages_write_each_session_to_its_precision(client, launch, second, language, day_text, month_text,
                                                               invented):  # fmt: skip
    headers = {"HTTP_ACCEPT_LANGUAGE": language}
    month_page = client.get(second.get_absolute_url(), **headers).content.decode()
    assert f'<time datetime="2016-07">{month_text}</time>' in month_page
    assert invented not in month_page and "10:00" not in month_page
    assert reverse("committees:session-ics", args=[second.pk]) not in month_page
    day_page = client.get(launch.get_absolute_url(), **headers).content.decode()
    assert day_text in day_page
    assert reverse("committees:session-ics", args=[launch.pk]) in day_page
    listing = client.get(reverse("committees:session-list"), **headers).content.decode()
    assert day_text in listing and month_text in listing and invented not in listing


def test_the_committee_page_and_its_sessions_keep_to_the_precision(client, committee):
    seat(committee, make_organization(), joined_on=committee.installed_on)  # seated at the installation
    historical(committee=committee, precision=DatePrecision.MONTH, starts=moment(2016, 12, 6), title="Ordinaria")
    client.force_login(make_staff())
    detail = client.get(committee.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert "31 de octubre de 2016" not in detail
    assert '<dd class="col-sm-9">2016</dd>' in detail
    members = client.get(reverse("committees:committee-members", args=[committee.pk]), HTTP_ACCEPT_LANGUAGE="es")
    assert "31/10/2016" not in members.content.decode() and "<td>2016</td>" in members.content.decode()
    sessions = client.get(reverse("committees:committee-sessions", args=[committee.pk]), HTTP_ACCEPT_LANGUAGE="es")
    text = sessions.content.decode()
    assert "diciembre de 2016" in text and "6 de diciembre" not in text


def test_the_attendance_and_minutes_pages_keep_to_the_precision(client, second):
    client.force_login(make_staff())
    for name in ("attendance-record", "minutes-edit"):
        text = client.get(reverse(f"committees:{name}", args=[second.pk]), HTTP_ACCEPT_LANGUAGE="es").content.decode()
        assert "julio de 2016" in text and "6 de julio" not in text, name


def test_a_session_whose_day_is_not_known_has_no_ics_and_stays_out_of_feeds(client, launch, second):
    assert client.get(reverse("committees:session-ics", args=[second.pk])).status_code == 404
    response = client.get(reverse("committees:session-ics", args=[launch.pk]))
    assert response.status_code == 200 and f"UID:{launch.uid}@axs.amexcid" in response.content.decode()
    # The feed holds the sessions of the last 90 days on: one of each precision, a few days away.
    committee = make_committee(7)
    member = make_committee_member(committee)
    known = make_session(committee, days_from_now=5, title="Con día")
    unknown = make_session(committee, days_from_now=6, title="Sin día", date_precision=DatePrecision.MONTH)
    client.force_login(member)
    client.post(reverse("committees:calendar-subscribe"))
    feed = CalendarFeed.objects.get(person=member)
    client.logout()
    body = client.get(feed.get_absolute_url()).content.decode()
    assert f"UID:{known.uid}@axs.amexcid" in body
    assert f"UID:{unknown.uid}@axs.amexcid" not in body


def test_an_email_about_a_session_whose_day_is_not_known_has_no_time_and_no_ics(
    committee, django_capture_on_commit_callbacks
):
    spanish = make_committee_member(committee, full_name="Lucía Pérez")
    english = make_committee_member(committee, full_name="John Smith", preferred_language="en")
    session = historical(committee=committee, precision=DatePrecision.MONTH, starts=moment(2016, 12, 6), title="Ord")
    with django_capture_on_commit_callbacks(execute=True):
        notify_session(session, event="changed")
    in_spanish = next(m for m in mail.outbox if m.to == [spanish.email])
    assert "Cuándo: diciembre de 2016 (no se conoce el día)" in in_spanish.body
    assert "6 de diciembre" not in in_spanish.body and "10:00" not in in_spanish.body
    assert not in_spanish.attachments
    in_english = next(m for m in mail.outbox if m.to == [english.email])
    assert "When: December 2016 (the day is not known)" in in_english.body
    assert not in_english.attachments


def test_an_email_about_a_session_of_a_known_day_writes_the_day_and_time(committee, django_capture_on_commit_callbacks):
    spanish = make_committee_member(committee, full_name="Lucía Pérez")
    session = historical(committee=committee, precision=DatePrecision.DAY, starts=moment(2016, 12, 6), title="Ord")
    with django_capture_on_commit_callbacks(execute=True):
        notify_session(session, event="changed")
    message = next(m for m in mail.outbox if m.to == [spanish.email])
    assert "Cuándo: 6 de diciembre de 2016, 10:00 a 12:00" in message.body
    assert message.attachments[0][0] == "sesion.ics"


def test_the_minutes_pdf_of_a_session_known_to_the_month(second, django_capture_on_commit_callbacks):
    staff = make_staff()
    draft = services.minutes_save_draft(actor=staff, session=second, body="Se presentó la encuesta.")
    services.minutes_approve(actor=staff, minutes=draft)
    with django_capture_on_commit_callbacks(execute=True):
        document = document_request(actor=staff, kind=MINUTES, language="es-mx", target=second)
    document.refresh_from_db()
    assert document.status == Document.Status.READY, document.error
    text = pdf_text(document)
    assert "julio de 2016" in text
    assert "6 de julio" not in text and "10:00" not in text


def test_open_data_adds_the_precisions_after_the_columns_published_before(client, launch, second, committee):
    # Each new column is added after those published before it (the English names came after the precisions).
    for file_format, (header, rows, _raw) in all_formats(client, "sesiones").items():
        at = header.index("date_precision")
        assert header[at - 1] == "has_approved_minutes", file_format
        by_title = {row[header.index("title")]: row[at] for row in rows}
        assert by_title == {"Lanzamiento de la Alianza": "day", "Segunda sesión plenaria": "month"}, file_format
    for file_format, (header, rows, _raw) in all_formats(client, "comites").items():
        at = header.index("installed_on_precision")
        assert header[at - 1] == "closed_at", file_format
        assert [row[at] for row in rows] == ["year"], file_format
    page = client.get(reverse("opendata:dataset", kwargs={"slug": "sesiones"}), HTTP_ACCEPT_LANGUAGE="en")
    assert "date_precision" in page.content.decode()


def test_the_api_gives_the_precisions(client, second, committee):
    session = client.get(f"/api/v1/sessions/{second.pk}/").json()
    assert session["date_precision"] == "month"
    installed = client.get(f"/api/v1/committees/{committee.pk}/").json()
    assert installed["installed_on"] == "2016-10-31" and installed["installed_on_precision"] == "year"


def test_iati_writes_a_date_known_to_the_month_as_its_last_day():
    assert full_date(moment(2018, 3, 15), DatePrecision.MONTH) == datetime.date(2018, 3, 31)
    assert full_date(datetime.date(2016, 2, 10), DatePrecision.MONTH) == datetime.date(2016, 2, 29)
    assert full_date(moment(2016, 10, 31), DatePrecision.YEAR) == datetime.date(2016, 12, 31)
    assert full_date(moment(2018, 3, 15)) == datetime.date(2018, 3, 15)
