"""E-mails about sessions and minutes, each in its recipient's language, queued on commit."""

from django.template.loader import render_to_string
from django.utils import translation

from axs_platform.mail import send_email, site_url

from .. import ical
from ..selectors import session_invitees

INVITATION = "scheduled"
CHANGE = "changed"
CANCELLATION = "cancelled"


def notify_session(session, *, event):
    """Tell everybody invited to a session that it was scheduled, changed or cancelled, with an .ics file."""
    method = "CANCEL" if event == CANCELLATION else "REQUEST"
    url = f"{site_url()}{session.get_absolute_url()}"
    for person in session_invitees(session):
        with translation.override(person.preferred_language):
            context = {"session": session, "person": person, "event": event, "url": url}
            send_email(
                subject=render_to_string("committees/email/session_subject.txt", context),
                body=render_to_string("committees/email/session_body.txt", context),
                to=[person.email],
                attachments=[
                    [
                        "sesion.ics" if person.preferred_language.startswith("es") else "session.ics",
                        ical.calendar([session], method=method, attendee=person.email),
                        f"text/calendar; charset=utf-8; method={method}",
                    ]
                ],
            )


def notify_minutes_published(minutes):
    """Send the approved minutes to everybody invited to the session."""
    session = minutes.session
    url = f"{site_url()}{session.get_absolute_url()}"
    for person in session_invitees(session):
        with translation.override(person.preferred_language):
            context = {"session": session, "minutes": minutes, "person": person, "url": url}
            send_email(
                subject=render_to_string("committees/email/minutes_subject.txt", context),
                body=render_to_string("committees/email/minutes_body.txt", context),
                to=[person.email],
            )
