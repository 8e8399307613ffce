"""Reads of committees, their members, posts and work plans, shaped so the query count does not grow with rows."""

from django.contrib.auth import get_user_model
from django.db.models import Count, Prefetch, Q

from axs_platform import purposes
from axs_platform.figures import percent
from companies.models import Organization, Representative
from sdg.models import Goal

from .. import permissions
from ..models import (
    ActivityStatus,
    Committee,
    Membership,
    MembershipChange,
    MembershipStatus,
    Post,
    PriorityArea,
    WorkPlanActivity,
)
from ..models.committees import OPEN_MEMBERSHIP_STATUSES


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


def withhold_names(rows, field, *, reader_sees_names, honour=(purposes.DIRECTORY,)):
    """Mark each row ``name_withheld`` when the person in ``field`` (an id attribute) opposes a purpose in ``honour``.

    Public pages name nobody who opposes appearing in the public directory; pages that show published minutes
    also honour ``purposes.NAMED_IN_MINUTES`` (``honour=MINUTES_PURPOSES``, as the minutes PDF does). Readers for
    whom the name is part of the alliance's work (``reader_sees_names``: staff and the committee's members) keep
    seeing it. One query.
    """
    rows = list(rows)
    withheld = set()
    if not reader_sees_names:
        withheld = purposes.opposing_among(tuple(honour), [getattr(row, field) for row in rows])
    for row in rows:
        row.name_withheld = getattr(row, field) in withheld
    return rows


# Who may be named where published minutes are shown on the web: neither someone who opposes the public
# directory nor someone who opposes being named in minutes.
MINUTES_PURPOSES = (purposes.DIRECTORY, purposes.NAMED_IN_MINUTES)


ACTIVITIES_PER_AREA = 10


def work_plan_activities(committee, *, area=None):
    """Return the committee's activities (of one priority area when given), in date order."""
    activities = WorkPlanActivity.objects.filter(committee=committee).select_related(
        "priority_area", "responsible_organization"
    )
    if area is not None:
        activities = activities.filter(priority_area=area)
    return activities.order_by("starts_on", "id")


def work_plan(committee):
    """Return the priority areas with their first activities and how many each has, and the plan's progress.

    A plan of hundreds of activities shows the first ``ACTIVITIES_PER_AREA`` of each area (one
    windowed query); the work plan page pages through the rest.
    """
    areas = (
        PriorityArea.objects.filter(committee=committee)
        .annotate(activity_count=Count("activities"))
        .prefetch_related(
            Prefetch(
                "activities",
                queryset=WorkPlanActivity.objects.select_related("responsible_organization").order_by(
                    "starts_on", "id"
                )[:ACTIVITIES_PER_AREA],
                to_attr="first_activities",  # a sliced prefetch needs its own attribute
            )
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


def member_representatives(committee):
    """Return the people who speak now for the committee's current member organizations."""
    speaking = Representative.objects.current().filter(organization__in=member_organizations(committee))
    return get_user_model().objects.filter(is_active=True, pk__in=speaking.values("user_id")).order_by("full_name")


def committee_goals():
    """Return the SDGs that the alliance's open committees work on, in their order."""
    return Goal.objects.filter(committees__in=Committee.objects.open()).distinct().order_by("number")


def my_committees(user):
    ids = permissions.member_committee_ids(user) | {c for c, _kind in permissions.post_keys(user)}
    return committees_with_counts().filter(pk__in=ids)
