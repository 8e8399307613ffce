"""iCalendar files follow RFC 5545: CRLF, folding at 75 octets, escaping, UTC times, UID and SEQUENCE."""

import datetime
import uuid
from types import SimpleNamespace

from committees import ical

MEXICO = datetime.timezone(datetime.timedelta(hours=-6))


def fake_session(**fields):
    values = {
        "uid": uuid.UUID("12345678-1234-5678-1234-567812345678"),
        "title": "Sesión de instalación, Comité 4; Educación",
        "starts_at": datetime.datetime(2026, 12, 3, 10, 0, tzinfo=MEXICO),
        "ends_at": datetime.datetime(2026, 12, 3, 12, 30, tzinfo=MEXICO),
        "sequence": 2,
        "place": "AMEXCID, Plaza Juárez 20",
        "video_url": "",
        "description": "Línea 1\nLínea 2 con \\ barra",
        "is_cancelled": False,
        "date_precision": "day",
        "has_known_hour": True,
        "get_absolute_url": lambda: "/sesiones/7/",
    }
    values.update(fields)
    values.setdefault("display_title", values["title"])  # the title in the active language (Session.display_title)
    return SimpleNamespace(**values)


def test_every_line_ends_with_crlf_and_no_line_is_longer_than_75_octets():
    text = ical.calendar([fake_session(description="á" * 300)], method="REQUEST", attendee="a@b.example")
    assert text.endswith("\r\n")
    assert "\n" not in text.replace("\r\n", "")
    for line in text.split("\r\n"):
        assert len(line.encode()) <= 75


def test_folded_lines_unfold_to_the_original_without_splitting_characters():
    line = "DESCRIPTION:" + "ñandú " * 40
    folded = ical.fold(line)
    assert folded.replace("\r\n ", "") == line
    for piece in folded.split("\r\n"):
        piece.encode().decode()  # a split inside a UTF-8 character would not decode


def test_text_values_escape_commas_semicolons_backslashes_and_newlines():
    assert ical.escape_text("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"
    text = ical.calendar([fake_session()])
    assert "SUMMARY:Sesión de instalación\\, Comité 4\\; Educación" in text
    assert "DESCRIPTION:Línea 1\\nLínea 2 con \\\\ barra" in text


def test_times_are_in_utc_and_the_event_carries_uid_dtstamp_and_sequence():
    now = datetime.datetime(2026, 11, 21, 9, 0, tzinfo=datetime.UTC)
    text = ical.calendar([fake_session()], method="REQUEST", now=now, attendee="ana@org.example")
    assert "DTSTART:20261203T160000Z" in text
    assert "DTEND:20261203T183000Z" in text
    assert "DTSTAMP:20261121T090000Z" in text
    assert "UID:12345678-1234-5678-1234-567812345678@axs.amexcid" in text
    assert "SEQUENCE:2" in text
    assert "METHOD:REQUEST" in text
    assert "ATTENDEE;ROLE=REQ-PARTICIPANT;RSVP=FALSE:mailto:ana@org.example" in text
    assert "ORGANIZER:mailto:" in text
    assert text.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:")


def test_a_cancellation_says_method_cancel_and_status_cancelled():
    text = ical.calendar([fake_session()], method="CANCEL", cancelled=True)
    assert "METHOD:CANCEL" in text
    assert "STATUS:CANCELLED" in text


def test_a_feed_has_no_method():
    text = ical.calendar([fake_session(), fake_session(uid=uuid.uuid4())], name="Sesiones AxS")
    assert "METHOD" not in text
    assert text.count("BEGIN:VEVENT") == 2
    assert "X-WR-CALNAME:Sesiones AxS" in text
