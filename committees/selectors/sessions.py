"""Reads of sessions, attendance, quorum and minutes, shaped so the query count does not grow with rows."""

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Exists, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from audit.models import AuditEvent
from axs_platform.dates import DatePrecision
from axs_platform.permissions import is_staff_member
from companies.models import Organization, ParticipationStatus, Representative

from .. import permissions
from ..models import (
    ATTENDANCE_CORRECTED,
    Agreement,
    Attendance,
    AttendanceStatus,
    CalendarFeed,
    Membership,
    Minutes,
    Post,
    Session,
    SessionKind,
    SessionStatus,
)


def sessions_with_counts(queryset):
    """Annotate sessions with their agreements and whether they have approved minutes."""
    # Correlated subqueries, not a join and GROUP BY: a page shows a few sessions of a committee that
    # may have thousands of agreements, and only the rows shown are counted.
    agreement_count = (
        Agreement.objects.filter(session=OuterRef("pk")).order_by().values("session").annotate(n=Count("*")).values("n")
    )
    return queryset.select_related("committee__goal").annotate(
        agreement_count=Coalesce(Subquery(agreement_count), 0),
        has_approved_minutes=Exists(Minutes.objects.filter(session=OuterRef("pk"), status="approved")),
    )


def started_scheduled_sessions(queryset):
    """How many of ``queryset``'s scheduled sessions have started: each is published as held from its start on
    (``Session.published_status``), a change with no service to bump a fragment area.
    """
    return queryset.filter(status=SessionStatus.SCHEDULED, starts_at__lte=timezone.now()).count()


def committee_sessions(committee, *, user):
    sessions = Session.objects.filter(committee=committee)
    if not permissions.can_see_committee_internals(user, committee):
        sessions = sessions.filter(is_public=True)
    return sessions_with_counts(sessions)


def visible_sessions(user):
    """Return the sessions a person may see: staff all; members their committees' and the plenaries."""
    sessions = Session.objects.all()
    if is_staff_member(user):
        return sessions
    if not (user.is_authenticated and user.is_active):
        return sessions.filter(is_public=True)
    visible = Q(is_public=True) | Q(committee_id__in=permissions.member_committee_ids(user))
    visible |= Q(committee_id__in=[committee_id for committee_id, _kind in permissions.post_keys(user)])
    if permissions.current_organization(user) is not None:
        visible |= Q(kind=SessionKind.PLENARY)
    if permissions.holds_any_post(user):
        visible |= Q(kind=SessionKind.CHAIRS)
    return sessions.filter(visible)


def upcoming_sessions(user):
    return (
        visible_sessions(user)
        .filter(starts_at__gte=timezone.now(), status=SessionStatus.SCHEDULED)
        .select_related("committee__goal")
        .order_by("starts_at")
    )


def feed_sessions(user):
    """Return what a person's calendar feed holds: their sessions from 90 days ago on, cancelled ones too.

    Only sessions whose day is known: one dated by the month or the year only has no place in a calendar.
    """
    since = timezone.now() - timezone.timedelta(days=90)
    return (
        visible_sessions(user)
        .filter(starts_at__gte=since, date_precision=DatePrecision.DAY)
        .select_related("committee")
        .order_by("starts_at")
    )


def calendar_feed_of(person):
    """Return the person's working calendar feed, or None when they have none or stopped it."""
    return CalendarFeed.objects.filter(person=person, stopped_at__isnull=True).first()


def working_calendar_feed(token):
    """Return the working feed at this secret address, with its person, or None."""
    return (
        CalendarFeed.objects.select_related("person")
        .filter(token=token, stopped_at__isnull=True, person__is_active=True)
        .first()
    )


def session_invitees(session):
    """Return the active people invited to a session, in a stable order (for a past one, as of its day)."""
    User = get_user_model()
    if session.kind == SessionKind.CHAIRS:
        people = User.objects.filter(committee_posts__ended_on__isnull=True)
    else:
        representations = Representative.objects.current().filter(user=OuterRef("pk"))
        if session.kind == SessionKind.COMMITTEE:
            # The members active on the session's day: today's for what is coming, the day's for the past.
            members = Membership.objects.filter(committee_id=session.committee_id).active_on(
                timezone.localdate(session.starts_at)
            )
            representations = representations.filter(organization__in=members.values("organization"))
        else:
            representations = representations.filter(
                organization__archived_at__isnull=True,
                organization__participation_status=ParticipationStatus.ACTIVE,
            )
        people = User.objects.filter(Exists(representations))
    return people.filter(is_active=True).distinct().order_by("full_name", "email")


def session_queryset():
    return Session.objects.select_related("committee__goal", "created_by").prefetch_related("agenda", "documents")


def attendance_sheet(session):
    """Return the people of the attendance sheet, in its order, as a queryset to page.

    Everybody who may attend, and anybody recorded who no longer may (they left, or their organization
    did), ordered by the organization they attended for (or represent now), then by name, in SQL: a
    plenary's thousands of invitees are paged by the database, and only a page's rows are read
    (``attendance_rows``).
    """
    User = get_user_model()
    invitees = session_invitees(session).order_by().values("pk")
    recorded = Attendance.objects.filter(session=session).order_by()
    representing = Representative.objects.current().filter(user=OuterRef("pk")).order_by("started_at", "id")
    organization = Subquery(representing.values("organization")[:1])
    if session.kind == SessionKind.CHAIRS:
        holding = Post.objects.current().filter(holder=OuterRef("pk")).order_by("-started_on", "-id")
        organization = Coalesce(Subquery(holding.values("organization")[:1]), organization)
    organization_name = Organization.objects.filter(pk=OuterRef("sheet_organization")).values("legal_name")[:1]
    return (
        User.objects.filter(Q(pk__in=invitees) | Q(pk__in=recorded.values("person")))
        # The organization recorded for the person at this session, else the one they represent now.
        .annotate(
            sheet_organization=Coalesce(
                Subquery(recorded.filter(person=OuterRef("pk")).values("organization")[:1]), organization
            )
        )
        .order_by(Coalesce(Subquery(organization_name), Value("")), "full_name", "email", "pk")
    )


def attendance_rows(session, people):
    """Return ``(person, organization, attendance or None)`` for a page of ``attendance_sheet`` (two queries)."""
    people = list(people)
    organizations = Organization.objects.in_bulk({p.sheet_organization for p in people} - {None})
    records = {
        a.person_id: a
        for a in Attendance.objects.filter(session=session, person__in=people).select_related("organization").order_by()
    }
    return [(p, organizations.get(p.sheet_organization), records.get(p.pk)) for p in people]


def organizations_counted(present, recorded, reported):
    """Return the organizations a session counts: the list or the reported figure, whichever is larger.

    ``None`` when nothing was recorded (no attendance row and no reported figure): that is "no data",
    not zero organizations.
    """
    if not recorded and reported is None:
        return None
    return max(present, reported or 0)


def quorum(session):
    """Return the attendance summary: organizations present, members expected, and whether there was quorum.

    A committee's quorum is more than half of the organizations that were members on the day of the
    session (suspended ones are not counted). Plenaries count organizations; when the attendance list
    was kept outside the platform, the reported figure stands in for it. ``reached`` is None (no data)
    when the list falls short only because members no one represents in the platform could not be on it.
    """
    # One aggregate each for the list and the members, whatever the outcome: the page's queries do not
    # depend on whether the quorum was reached.
    listed = Q(status=AttendanceStatus.PRESENT)
    attendance = Attendance.objects.filter(session=session).aggregate(
        present=Count("organization", distinct=True, filter=listed),
        people_present=Count("pk", filter=listed),
        # An answer to the invitation is not attendance: only a status set after the session counts.
        recorded=Count("pk", filter=~Q(status="")),
    )
    present, people_present = attendance["present"], attendance["people_present"]
    counted = organizations_counted(present, attendance["recorded"] > 0, session.reported_attendance)
    summary = {"organizations_present": present, "people_present": people_present}
    if session.kind != SessionKind.COMMITTEE:
        summary["reported"] = session.reported_attendance
        summary["organizations_counted"] = counted
        return summary
    # Members on the session's day, by their history: one suspended since, or gone since, still counts.
    day = timezone.localdate(session.starts_at)
    # A member nobody represents in the platform cannot be on the list: unknown, not absent.
    represented = Exists(Representative.objects.current().filter(organization=OuterRef("organization")))
    on_list = Exists(
        Attendance.objects.filter(session=session, organization=OuterRef("organization")).exclude(status="")
    )
    members = (
        Membership.objects.active_on(day)
        .filter(committee_id=session.committee_id)
        .aggregate(expected=Count("pk"), unlisted=Count("organization", distinct=True, filter=~represented & ~on_list))
    )
    expected = members["expected"]
    required = expected // 2 + 1 if expected else 0
    reached = bool(expected) and counted is not None and counted >= required
    # Short of a reported figure (which counts every organization), unlisted members leave a quorum not
    # reached by the list unknown.
    unlisted = 0
    if counted is not None and not reached and session.reported_attendance is None:
        unlisted = members["unlisted"]
    if unlisted and counted + unlisted >= required:
        reached = None
    # Organizations of which there is no data that day on whether they were still members: the quorum is known
    # only if it holds (or fails) whether they were members or not, and present or not.
    no_data = (
        Membership.objects.unknown_on(day)
        .filter(committee_id=session.committee_id)
        .values("organization")
        .distinct()
        .count()
    )
    if no_data and counted is not None:
        required_with_them = (expected + no_data) // 2 + 1
        if counted >= required_with_them:
            reached = True
        elif reached or counted + unlisted + no_data >= required_with_them:
            reached = None
    summary.update(
        expected=expected,
        required=required,
        reported=session.reported_attendance,
        organizations_counted=counted,
        unlisted=unlisted,
        no_data=no_data,
        reached=reached,
    )
    return summary


def latest_minutes(session):
    return (
        Minutes.objects.filter(session=session)
        .select_related("drafted_by", "approved_by", "approved_at_session")
        .prefetch_related("comments__author")
        .order_by("-version")
    )


def visible_minutes(user, session):
    """Return the versions of the session's minutes the person may read, latest first.

    Approved versions go with the session (``permissions.can_see_session``); the draft and its comments only to
    those who see the session's internals.
    """
    minutes = latest_minutes(session)
    if not permissions.can_see_session_internals(user, session):
        minutes = minutes.exclude(status="draft")
    return minutes


def recorded_attendance(session):
    """Return the session's recorded attendance (not bare confirmations), by organization and person."""
    return (
        Attendance.objects.filter(session=session)
        .exclude(status="")
        .select_related("person", "organization")
        .order_by("organization__legal_name", "person__full_name", "id")
    )


def attendance_rows_to_correct(session):
    """Return the attendance rows of the session (recorded or only answered), by organization and person."""
    return (
        Attendance.objects.filter(session=session)
        .select_related("person", "organization")
        .order_by("organization__legal_name", "person__full_name", "pk")
    )


def attendance_corrections(session, since=None):
    """Return the corrections of the session's attendance list (when and why), oldest first; after ``since``."""
    events = AuditEvent.objects.filter(
        action=ATTENDANCE_CORRECTED,
        target_type=ContentType.objects.get_for_model(Session),
        target_id=str(session.pk),
    )
    if since is not None:
        events = events.filter(created_at__gt=since)
    return list(events.order_by("created_at", "pk").only("created_at", "message"))


def attendance_of(session, person):
    """Return the person's attendance row of the session (their confirmation or its record), or None."""
    return Attendance.objects.filter(session=session, person=person).first()


def sessions_that_may_approve_minutes_of(session):
    """Return the later sessions of the same committee and kind already held: where its minutes may be approved.

    A cancelled session was not held, so nothing was approved at it.
    """
    return (
        Session.objects.filter(
            committee_id=session.committee_id,
            kind=session.kind,
            starts_at__gt=session.starts_at,
            starts_at__lte=timezone.now(),
        )
        .exclude(status=SessionStatus.CANCELLED)
        .order_by("starts_at")
    )
