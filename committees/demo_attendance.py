"""The demo committees' attendance lists, written directly (the services stamp today).

The seed lists the participants of the installations but names none of their people, so the
organizations it names have no representative in the demo and no person on any attendance list:
each installation's attendance is its reported figure (every organization seated that day, counted
by staff from the seed's lists), and only the fictitious members' representatives are on its list.
After it the seed names no one who came to a session, only "about 50 companies" still taking part in
March 2018 (a recorded figure of ``reports.demo``), so the monthly lists hold the fictitious members
only, most of the time present as long as their membership is active on the session's day
(``_attendance_of``). The organizations the seed names cannot be on a list (no one represents them
in the platform): their attendance is unknown, and so is those sessions' quorum ("sin dato",
``selectors.quorum``), not "not reached". Plenary attendance stays a reported figure: the platform
holds no list of who came.

A demo loaded before that rule listed invented contacts of the named organizations; ``companies.demo``
retires those contacts, and ``correct_retired_attendance`` strikes their rows off the lists through
``services.attendance_correct``, with its reason.
"""

import zlib

from django.db.models import Exists, OuterRef
from django.utils import timezone

from axs_platform import demo_dates
from companies.demo import RETIRED_REASON
from companies.models import Representative

from .models import Attendance, AttendanceResponse, AttendanceStatus, Session, SessionStatus
from .services import attendance_correct

CORRECTED_REASON = (
    "Corrección de la demostración: el registro nombraba a un contacto inventado de una organización real. "
    "La sistematización no nombra a ninguna persona de las organizaciones que cita; su asistencia a la "
    "instalación es la cifra reportada de la sesión."
)


def _attendance_of(goal_number, organization, day):
    """Return the status and prior answer of a member at a session, from a checksum that never changes.

    About 85 in 100 are present, most of them having said they would come; of the rest, two in three
    sent their apologies and one did not show. December's sessions, at the year's close, are thinner.
    """
    draw = zlib.crc32(f"{goal_number}|{organization.short_name}|{day:%Y-%m-%d}".encode()) % 100
    present = 60 if day.month == 12 else 86
    if draw < present:
        return AttendanceStatus.PRESENT, "" if draw % 7 == 0 else AttendanceResponse.ATTENDING
    if draw < present + (100 - present) * 2 // 3:
        return AttendanceStatus.EXCUSED, AttendanceResponse.NOT_ATTENDING
    return AttendanceStatus.ABSENT, ""


def record_attendance(goal_number, committee, secretary):
    """Record each historical session's member organizations that no one attended for yet, one person each.

    Only organizations with a representative (the fictitious ones): the seed names no real organization's person.
    """
    sessions = list(
        committee.sessions.filter(
            starts_at__lt=demo_dates.present_era_start(), status=SessionStatus.SCHEDULED
        ).order_by("starts_at")
    )
    speakers = {}
    for link in Representative.objects.current().select_related("user").order_by("-is_primary_contact", "id"):
        speakers.setdefault(link.organization_id, link.user)
    recorded = set(Attendance.objects.filter(session__in=sessions).values_list("session_id", "organization_id"))
    rows = []
    for session in sessions:
        day = timezone.localdate(session.starts_at)
        for membership in committee.memberships.active_on(day).select_related("organization"):
            organization, person = membership.organization, speakers.get(membership.organization_id)
            if person is None or not organization.is_fictitious or (session.pk, organization.pk) in recorded:
                continue
            if day == committee.installed_on:  # every seated organization was there (its reported figure)
                status, response = AttendanceStatus.PRESENT, AttendanceResponse.ATTENDING
            else:
                status, response = _attendance_of(goal_number, organization, day)
            rows.append(
                Attendance(
                    session=session,
                    person=person,
                    organization=organization,
                    response=response,
                    status=status,
                    recorded_by=secretary,
                )
            )
    Attendance.objects.bulk_create(rows)
    return len(rows)


def correct_retired_attendance(actor):
    """Strike off every attendance row of a contact retired from a real organization; return rows and sessions.

    The rows are those whose person's link with the row's organization ended with ``RETIRED_REASON``
    (``companies.demo``); once struck, a second load finds none.
    """
    retired_link = Representative.objects.filter(
        user=OuterRef("person"), organization=OuterRef("organization"), end_reason=RETIRED_REASON
    )
    rows = list(Attendance.objects.filter(Exists(retired_link)).order_by("session_id", "pk"))
    by_session = {}
    for row in rows:
        by_session.setdefault(row.session_id, []).append(row)
    for session in Session.objects.filter(pk__in=by_session).order_by("starts_at", "pk"):
        attendance_correct(actor=actor, session=session, reason=CORRECTED_REASON, struck=by_session[session.pk])
    return len(rows), len(by_session)
