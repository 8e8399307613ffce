"""iCalendar (RFC 5545) for sessions, written by hand: invitations, cancellations and feeds.

A session its source dates only by the month or the year (``date_precision``) has no day to put in a calendar:
feeds leave it out and its own .ics file does not exist. One whose day is known but not its hour is an all-day
event (DTSTART and DTEND as DATE values), over as many days as it lasts.
"""

from datetime import UTC, timedelta

from django.conf import settings
from django.utils import timezone

from axs_platform.dates import DatePrecision
from axs_platform.mail import site_url

PRODID = "-//AMEXCID//Alianza por la Sostenibilidad//ES"


def escape_text(value):
    """Escape a TEXT value: backslash, semicolon, comma and newlines (RFC 5545 §3.3.11)."""
    return (
        str(value)
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def fold(line):
    """Fold a content line into pieces of at most 75 octets, never splitting a UTF-8 character."""
    encoded = line.encode()
    if len(encoded) <= 75:
        return line
    pieces, current, limit = [], b"", 75
    for character in line:
        octets = character.encode()
        if len(current) + len(octets) > limit:
            pieces.append(current.decode())
            current, limit = b"", 74  # continuation lines start with one space
        current += octets
    pieces.append(current.decode())
    return "\r\n ".join(pieces)


def has_known_day(session):
    """Whether the session's day is known, so that a calendar can show it."""
    return session.date_precision == DatePrecision.DAY


def format_day(day):
    """Return ``day`` as an iCalendar DATE, its year always in four digits (strftime drops the zeros of year 1)."""
    return f"{day.year:04d}{day.month:02d}{day.day:02d}"


def format_utc(moment):
    """Return ``moment`` as an iCalendar UTC DATE-TIME, its year always in four digits."""
    moment = moment.astimezone(UTC)
    return f"{format_day(moment)}T{moment.hour:02d}{moment.minute:02d}{moment.second:02d}Z"


def when_lines(session):
    """Return DTSTART and DTEND: the moments, or the days as an all-day event when the hour is not known."""
    if session.has_known_hour:
        return [f"DTSTART:{format_utc(session.starts_at)}", f"DTEND:{format_utc(session.ends_at)}"]
    return [
        f"DTSTART;VALUE=DATE:{format_day(session.starts_on)}",
        # The end of an all-day event is the day after its last: "19–20 de mayo" ends on 21 May.
        f"DTEND;VALUE=DATE:{format_day(session.ends_on + timedelta(days=1))}",
    ]


def event_lines(session, *, cancelled=False, now=None, attendee=""):
    """Return the VEVENT of a session as unfolded content lines, titled in the active language."""
    location = session.place or session.video_url
    description = session.description
    if session.video_url:
        description = f"{description}\n{session.video_url}".strip()
    url = f"{site_url()}{session.get_absolute_url()}"
    lines = [
        "BEGIN:VEVENT",
        f"UID:{session.uid}@axs.amexcid",
        f"DTSTAMP:{format_utc(now or timezone.now())}",
        *when_lines(session),
        f"SEQUENCE:{session.sequence}",
        f"SUMMARY:{escape_text(session.display_title)}",
        f"URL:{url}",
        f"STATUS:{'CANCELLED' if cancelled or session.is_cancelled else 'CONFIRMED'}",
    ]
    if attendee:
        organizer = settings.DEFAULT_FROM_EMAIL.rsplit("<", 1)[-1].rstrip(">")
        lines.append(f"ORGANIZER:mailto:{organizer}")
        lines.append(f"ATTENDEE;ROLE=REQ-PARTICIPANT;RSVP=FALSE:mailto:{attendee}")
    if location:
        lines.append(f"LOCATION:{escape_text(location)}")
    if description:
        lines.append(f"DESCRIPTION:{escape_text(description)}")
    lines.append("END:VEVENT")
    return lines


def calendar(sessions, *, method=None, name="", cancelled=False, now=None, attendee=""):
    """Return a whole VCALENDAR as text with CRLF line endings.

    ``method`` is REQUEST (an invitation or its change), CANCEL, or None for a subscribed feed;
    invitations name the recipient as ``attendee``.
    """
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN"]
    if method:
        lines.append(f"METHOD:{method}")
    if name:
        lines.append(f"X-WR-CALNAME:{escape_text(name)}")
    for session in sessions:
        if not has_known_day(session):
            continue
        lines.extend(event_lines(session, cancelled=cancelled, now=now, attendee=attendee))
    lines.append("END:VCALENDAR")
    return "".join(f"{fold(line)}\r\n" for line in lines)
