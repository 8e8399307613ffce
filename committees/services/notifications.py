"""Notices about sessions and minutes, each in its recipient's language, through their inbox (notifications).

Whoever follows the session's committee is told as well; whether a notice is e-mailed at once (with
its .ics file) or waits for a digest is each person's choice for its kind.
"""

from django.template.loader import render_to_string

from axs_platform.mail import site_url
from notifications import kinds
from notifications.services import notify_each

from .. import ical
from ..selectors import session_invitees

INVITATION = "scheduled"
CHANGE = "changed"
CANCELLATION = "cancelled"


def notify_session(session, *, event):
    """Tell everybody invited to a session that it was scheduled, changed or cancelled, with an .ics file."""
    method = "CANCEL" if event == CANCELLATION else "REQUEST"
    url = f"{site_url()}{session.get_absolute_url()}"

    def render(person):
        context = {"session": session, "person": person, "event": event, "url": url}
        return {
            "title": render_to_string("committees/email/session_subject.txt", context),
            "body": render_to_string("committees/email/session_body.txt", context),
            "link": session.get_absolute_url(),
            # A session whose day is not known has no place in a calendar: no .ics file.
            "attachments": [
                [
                    "sesion.ics" if person.preferred_language.startswith("es") else "session.ics",
                    ical.calendar([session], method=method, attendee=person.email),
                    f"text/calendar; charset=utf-8; method={method}",
                ]
            ]
            if ical.has_known_day(session)
            else [],
        }

    notify_each(session_invitees(session), kind=kinds.SESSION, render=render, about=session.committee)


def notify_minutes_published(minutes):
    """Tell everybody invited to the session (and the committee's followers) that its minutes are approved."""
    session = minutes.session
    url = f"{site_url()}{session.get_absolute_url()}"

    def render(person):
        context = {"session": session, "minutes": minutes, "person": person, "url": url}
        return {
            "title": render_to_string("committees/email/minutes_subject.txt", context),
            "body": render_to_string("committees/email/minutes_body.txt", context),
            "link": session.get_absolute_url(),
        }

    notify_each(session_invitees(session), kind=kinds.MINUTES, render=render, about=session.committee)
