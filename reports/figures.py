"""The report's headline figures for a period, each one counted by the database.

The dashboard shows these figures, the plenaries and the priorities survey; the report (PDF)
shows them beside its tables. Both read the figures here, so a figure is computed one way only,
with ``COUNT`` in SQL: a period of 6,000 projects costs the same queries as one of four.
Reads only; imports the apps below ``reports``.
"""

import datetime

from django.db.models import F, Q
from django.utils import timezone

from committees.models import (
    Attendance,
    AttendanceStatus,
    Committee,
    Membership,
    MembershipStatus,
    Session,
    SessionKind,
    SessionStatus,
)
from projects.models import ProposalStatus, ProposalTransition


def bounds(start, end):
    """Return aware datetimes for the first moment of ``start`` and the last of ``end``."""
    zone = timezone.get_current_timezone()
    return (
        datetime.datetime.combine(start, datetime.time.min, tzinfo=zone),
        datetime.datetime.combine(end, datetime.time.max, tzinfo=zone),
    )


def held_by(until):
    """Return the last moment a session counts as held: the period's end, or now if the period has not ended."""
    return min(until, timezone.now())


def as_of(end):
    """Return today when the period ends after it (its figures are as of today), else None."""
    today = timezone.localdate()
    return today if end > today else None


def months_before(day, months):
    """Return the first day of the month ``months`` months before ``day``'s."""
    index = day.year * 12 + day.month - 1 - months
    return datetime.date(index // 12, index % 12 + 1, 1)


def seated_at_installation():
    """Memberships of organizations that sat on their committee on the day it was installed."""
    return (
        Q(committee__installed_on__isnull=False, joined_on__lte=F("committee__installed_on"))
        & (Q(ended_on__isnull=True) | Q(ended_on__gte=F("committee__installed_on")))
        & ~Q(status__in=[MembershipStatus.REQUESTED, MembershipStatus.DECLINED])
    )


def committees_by(end):
    """The committees installed by the end of the period (or created by then and not installed yet)."""
    return Committee.objects.filter(
        Q(installed_on__lte=end) | Q(installed_on__isnull=True, created_at__lte=bounds(end, end)[1])
    )


def present_at_committee_sessions(since, until):
    """Count the organizations present at one or more committee sessions between two moments."""
    return (
        Attendance.objects.filter(
            session__kind=SessionKind.COMMITTEE,
            session__starts_at__range=(since, until),
            status=AttendanceStatus.PRESENT,
        )
        .exclude(session__status=SessionStatus.CANCELLED)
        .values("organization")
        .distinct()
        .count()
    )


def unrecorded_at_committee_sessions(end, since, until):
    """Count the organizations active on a committee at ``end`` with no attendance recorded between two moments.

    Present, excused or absent is recorded; nothing at all (nobody represents the organization in the
    platform, or no one filled in its line) is unknown: the report says "no data", not "absent".
    """
    recorded = (
        Attendance.objects.filter(session__kind=SessionKind.COMMITTEE, session__starts_at__range=(since, until))
        .exclude(session__status=SessionStatus.CANCELLED)
        .exclude(status="")
        .values("organization")
    )
    return (
        Membership.objects.active_on(end)
        .exclude(organization__in=recorded)
        .order_by()
        .values("organization")
        .distinct()
        .count()
    )


def _proposals_reaching(status, since, until):
    """Count the proposals that moved to ``status`` within the period (once each)."""
    return (
        ProposalTransition.objects.filter(created_at__range=(since, until), to_status=status)
        .order_by()
        .values("proposal")
        .distinct()
        .count()
    )


def report_figures(start, end, *, plenaries, survey):
    """Return the report's figures for the period; ``plenaries`` and ``survey`` as the selectors return them."""
    since, until = bounds(start, end)
    committees = committees_by(end)
    installed = committees.filter(installed_on__range=(start, end))
    # Distinct: an organization seated on several committees took part in the installation once.
    installation_organizations = (
        Membership.objects.filter(seated_at_installation(), committee__in=installed)
        .order_by()
        .values("organization")
        .distinct()
        .count()
        if installed.exists()
        else None
    )
    # Held: a session scheduled after today has not happened, even in a period that ends later.
    committee_sessions = (
        Session.objects.filter(committee__in=committees, starts_at__gte=since, starts_at__lte=held_by(until))
        .exclude(status=SessionStatus.CANCELLED)
        .count()
    )
    # "About 50 companies continued to take an active part in the committees' sessions" (March 2018):
    # those present at a session of the period's last three months, not the members on paper.
    recent_since = max(start, months_before(end, 2))
    launch = plenaries[0] if plenaries else None
    return {
        "launch_organizations": launch.organizations_counted if launch else None,
        "plenaries": len(plenaries),
        "survey_invited": survey["invited"] if survey else None,
        "survey_invited_text": survey["invited_text"] if survey else None,
        "survey_rate": survey["rate"] if survey else None,
        "committees": committees.count(),
        "installation_organizations": installation_organizations,
        "committee_sessions": committee_sessions,
        "sessions_as_of": as_of(end),
        "proposals_submitted": _proposals_reaching(ProposalStatus.SUBMITTED, since, until),
        "projects_structured": _proposals_reaching(ProposalStatus.STRUCTURED, since, until),
        # Organizations active on a committee on the period's last day (suspended ones not), as of then.
        "active_organizations": Membership.objects.active_on(end).values("organization").distinct().count(),
        # Organizations of whose membership there is no data by then (the seed names them once): not counted
        # as active, nor as gone; the report says "no data" for them. One on several committees counts once.
        "unknown_organizations": Membership.objects.unknown_on(end)
        .exclude(organization__in=Membership.objects.on(end).values("organization"))
        .order_by()
        .values("organization")
        .distinct()
        .count(),
        "organizations_in_sessions": present_at_committee_sessions(since, until),
        "recent_sessions_since": recent_since,
        "organizations_in_recent_sessions": present_at_committee_sessions(bounds(recent_since, end)[0], until),
        "organizations_unrecorded_recent": unrecorded_at_committee_sessions(end, bounds(recent_since, end)[0], until),
    }
