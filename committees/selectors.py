"""Reads that committee and session pages share, shaped so their query count does not grow with rows."""

from django.contrib.auth import get_user_model
from django.db.models import Case, Count, Exists, OuterRef, Prefetch, Q, Subquery, Value, When
from django.db.models.functions import Coalesce, NullIf
from django.utils import timezone

from axs_platform.figures import percent
from axs_platform.permissions import is_staff_member
from companies.models import Organization, ParticipationStatus, Representative
from sdg.models import Goal

from . import permissions
from .models import (
    ActivityStatus,
    Agreement,
    AgreementStatus,
    Attendance,
    AttendanceStatus,
    Committee,
    Membership,
    MembershipChange,
    MembershipStatus,
    Minutes,
    Post,
    PriorityArea,
    Session,
    SessionKind,
    SessionStatus,
    WorkPlanActivity,
)
from .models.committees import OPEN_MEMBERSHIP_STATUSES
from .models.sessions import OPEN_AGREEMENT_STATUSES


def committees_with_counts():
    """Return every committee with its SDG and the number of current member organizations."""
    return Committee.objects.select_related("goal").annotate(
        member_count=Count("memberships", filter=Q(memberships__status=MembershipStatus.ACTIVE), distinct=True)
    )


def current_members(committee):
    return (
        Membership.objects.current()
        .filter(committee=committee)
        .select_related("organization")
        .order_by("organization__legal_name")
    )


def pending_requests(committee):
    return (
        Membership.objects.filter(committee=committee, status=MembershipStatus.REQUESTED)
        .select_related("organization", "requested_by")
        .order_by("created_at")
    )


def memberships(committee):
    """Return every membership period of a committee, open ones first."""
    return (
        Membership.objects.filter(committee=committee)
        .select_related("organization")
        .order_by("organization__legal_name", "-created_at")
    )


def membership_history(committee):
    return MembershipChange.objects.filter(membership__committee=committee).select_related(
        "membership__organization", "changed_by"
    )


def current_posts(committee):
    return Post.objects.current().filter(committee=committee).select_related("holder", "organization").order_by("kind")


def post_history(committee):
    return Post.objects.filter(committee=committee).select_related("holder", "organization", "appointed_by")


def work_plan(committee):
    """Return the priority areas with their activities, and the plan's progress by status."""
    areas = PriorityArea.objects.filter(committee=committee).prefetch_related(
        Prefetch(
            "activities",
            queryset=WorkPlanActivity.objects.select_related("responsible_organization").order_by("starts_on", "id"),
        )
    )
    counts = dict(
        WorkPlanActivity.objects.filter(committee=committee)
        .values_list("status")
        .annotate(n=Count("id"))
        .values_list("status", "n")
    )
    total = sum(counts.values())
    active = total - counts.get(ActivityStatus.CANCELLED, 0)
    done = counts.get(ActivityStatus.DONE, 0)
    progress = {
        "total": total,
        "done": done,
        "in_progress": counts.get(ActivityStatus.IN_PROGRESS, 0),
        "planned": counts.get(ActivityStatus.PLANNED, 0),
        "cancelled": counts.get(ActivityStatus.CANCELLED, 0),
        "percent": percent(done, active),
    }
    return areas, progress


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
    """Return what a person's calendar feed holds: their sessions from 90 days ago on, cancelled ones too."""
    since = timezone.now() - timezone.timedelta(days=90)
    return visible_sessions(user).filter(starts_at__gte=since).select_related("committee").order_by("starts_at")


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
    """Return ``(person, organization, attendance or None)`` for everybody who may attend, and other rows."""
    User = get_user_model()
    invitees = list(session_invitees(session))
    organizations = dict(
        Representative.objects.current().filter(user__in=invitees).values_list("user_id", "organization_id")
    )
    if session.kind == SessionKind.CHAIRS:
        organizations.update(dict(Post.objects.current().values_list("holder_id", "organization_id")))
    organization_names = Organization.objects.in_bulk(set(organizations.values()))
    records = {a.person_id: a for a in Attendance.objects.filter(session=session).select_related("organization")}
    rows = []
    for person in invitees:
        organization = organization_names.get(organizations.get(person.pk))
        rows.append((person, organization, records.pop(person.pk, None)))
    # People recorded then who are no longer invitees (they left, or their organization did) stay listed.
    if records:
        people = User.objects.in_bulk(records.keys())
        rows.extend((people[pk], record.organization, record) for pk, record in records.items())
    rows.sort(key=lambda row: ((row[1].legal_name if row[1] else ""), row[0].full_name))
    return rows


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
    was kept outside the platform, the reported figure stands in for it.
    """
    present = (
        Attendance.objects.filter(session=session, status=AttendanceStatus.PRESENT)
        .values("organization_id")
        .distinct()
        .count()
    )
    people_present = Attendance.objects.filter(session=session, status=AttendanceStatus.PRESENT).count()
    # An answer to the invitation is not attendance: only a status set after the session counts.
    recorded = people_present > 0 or Attendance.objects.filter(session=session).exclude(status="").exists()
    counted = organizations_counted(present, recorded, session.reported_attendance)
    summary = {"organizations_present": present, "people_present": people_present}
    if session.kind != SessionKind.COMMITTEE:
        summary["reported"] = session.reported_attendance
        summary["organizations_counted"] = counted
        return summary
    # Members on the session's day, by their history: one suspended since, or gone since, still counts.
    day = timezone.localdate(session.starts_at)
    expected = Membership.objects.active_on(day).filter(committee_id=session.committee_id).count()
    required = expected // 2 + 1 if expected else 0
    summary.update(
        expected=expected,
        required=required,
        reported=session.reported_attendance,
        organizations_counted=counted,
        reached=bool(expected) and counted is not None and counted >= required,
    )
    return summary


def latest_minutes(session):
    return (
        Minutes.objects.filter(session=session)
        .select_related("drafted_by", "approved_by", "approved_at_session")
        .prefetch_related("comments__author")
        .order_by("-version")
    )


def agreements(*, committee=None, status="", overdue=False, query=""):
    """Return agreements for a follow-up list, with what the rows show: overdue first, then open, then closed.

    Within each group the soonest due comes first.
    """
    rows = Agreement.objects.select_related(
        "session", "committee__goal", "responsible_organization", "responsible_person"
    )
    if committee is not None:
        rows = rows.filter(committee=committee)
    if status == "open":
        rows = rows.filter(status__in=OPEN_AGREEMENT_STATUSES)
    elif status:
        rows = rows.filter(status=status)
    if overdue:
        rows = rows.overdue()
    if query:
        rows = rows.filter(description__icontains=query)
    today = timezone.localdate()
    urgency = Case(
        When(status__in=OPEN_AGREEMENT_STATUSES, due_on__lt=today, then=Value(0)),
        When(status__in=OPEN_AGREEMENT_STATUSES, then=Value(1)),
        default=Value(2),
    )
    return rows.alias(urgency=urgency).order_by("urgency", "due_on", "id")


def agreement_counts(*, committee=None):
    rows = Agreement.objects.all() if committee is None else Agreement.objects.filter(committee=committee)
    today = timezone.localdate()
    return rows.aggregate(
        open=Count("id", filter=Q(status__in=OPEN_AGREEMENT_STATUSES)),
        overdue=Count("id", filter=Q(status__in=OPEN_AGREEMENT_STATUSES, due_on__lt=today)),
        done=Count("id", filter=Q(status=AgreementStatus.DONE)),
    )


def organizations_for_membership(committee):
    """Return the organizations staff may seat on the committee: not archived, not already on it."""
    return (
        Organization.objects.not_archived()
        .exclude(
            pk__in=Membership.objects.filter(committee=committee, status__in=OPEN_MEMBERSHIP_STATUSES).values(
                "organization_id"
            )
        )
        .order_by("legal_name")
    )


def member_organizations(committee):
    return Organization.objects.filter(
        committee_memberships__committee=committee, committee_memberships__status=MembershipStatus.ACTIVE
    ).order_by("legal_name")


def agreement_organizations(session):
    """Return the organizations that may answer for an agreement of the session (the service's rule)."""
    if session.kind == SessionKind.COMMITTEE:
        return member_organizations(session.committee).filter(archived_at__isnull=True)
    return Organization.objects.not_archived().order_by("legal_name")


def agreement_people(session, organization=None):
    """Return the people who may answer for an agreement: current representatives of such an organization.

    Given ``organization``, only its own current representatives. Each person carries
    ``represents``, the name of the organization they speak for now.
    """
    organizations = agreement_organizations(session)
    if organization is not None:
        organizations = organizations.filter(pk=organization.pk)
    links = Representative.objects.current().filter(organization__in=organizations)
    return with_organization_name(get_user_model().objects.filter(is_active=True, pk__in=links.values("user")))


def with_organization_name(people):
    """Annotate each person with ``represents``, the name of the organization they speak for now."""
    speaks_for = (
        Representative.objects.current()
        .filter(user=OuterRef("pk"))
        .annotate(name=Coalesce(NullIf("organization__short_name", Value("")), "organization__legal_name"))
        .order_by("-started_at")
    )
    return people.annotate(represents=Subquery(speaks_for.values("name")[:1])).order_by("full_name")


def member_representatives(committee):
    """Return the people who speak now for the committee's current member organizations."""
    speaking = Representative.objects.current().filter(organization__in=member_organizations(committee))
    return get_user_model().objects.filter(is_active=True, pk__in=speaking.values("user_id")).order_by("full_name")


def agreement_choices(session, *, keeping=None):
    """Return the organizations and people an agreement of this session may name as responsible.

    ``keeping``, an agreement being followed up, keeps its responsible organization and person
    choosable even if they have left since.
    """
    organizations, people = agreement_organizations(session), agreement_people(session)
    if keeping is not None:
        organizations = Organization.objects.filter(
            Q(pk__in=organizations.values("pk")) | Q(pk=keeping.responsible_organization_id)
        )
        people = with_organization_name(
            get_user_model().objects.filter(Q(pk__in=people.values("pk")) | Q(pk=keeping.responsible_person_id))
        )
    return organizations.order_by("legal_name"), people.order_by("full_name")


def recorded_attendance(session):
    """Return the session's recorded attendance (not bare confirmations), by organization and person."""
    return list(
        Attendance.objects.filter(session=session)
        .exclude(status="")
        .select_related("person", "organization")
        .order_by("organization__legal_name", "person__full_name")
    )


def attendance_of(session, person):
    """Return the person's attendance row of the session (their confirmation or its record), or None."""
    return Attendance.objects.filter(session=session, person=person).first()


def sessions_that_may_approve_minutes_of(session):
    """Return the later sessions of the same committee and kind already held: where its minutes may be approved."""
    return Session.objects.filter(
        committee_id=session.committee_id,
        kind=session.kind,
        starts_at__gt=session.starts_at,
        starts_at__lte=timezone.now(),
    ).order_by("starts_at")


def committee_goals():
    """Return the SDGs that the alliance's open committees work on, in their order."""
    return Goal.objects.filter(committees__in=Committee.objects.open()).distinct().order_by("number")


def my_committees(user):
    ids = permissions.member_committee_ids(user) | {c for c, _kind in permissions.post_keys(user)}
    return committees_with_counts().filter(pk__in=ids)
