"""The report's parts on the working committees: each committee with bounded lists of its members.

Each committee lists the organizations that sat on it the day it was installed and those that were members
at the period's end. A committee of a thousand organizations prints its first ``MEMBERS_SHOWN`` of each and
"and N more" (the end-of-period list links to the committee's public member list); the counts come from the
database. Post holders who oppose the
public directory are not named (``committees.selectors.withhold_names``).
"""

from collections import defaultdict

from django.conf import settings
from django.db.models import Count, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse

from axs_platform.dates import DatePrecision
from committees.models import Membership, MembershipStatus, Post, SessionStatus
from committees.selectors import withhold_names
from projects.models import Proposal

from .figures import bounds, committees_by, held_by, seated_at_installation

# Each committee lists this many member organizations and this many selected projects; the rest are counted.
MEMBERS_SHOWN = 30
SELECTED_SHOWN = 30


def _count_per_committee(queryset):
    """A correlated count of ``queryset``'s rows for the committee of the outer row (0 when none)."""
    counted = queryset.filter(committee=OuterRef("pk")).order_by().values("committee").annotate(n=Count("id"))
    return Coalesce(Subquery(counted.values("n")), 0)


def committees_of(start, end, selected_ids):
    """Return the committees installed by the end of the period, with members, posts, sessions and projects.

    ``selected_ids`` are the proposals selected in the period (a subquery).
    """
    since, until = bounds(start, end)
    members_at_end = Membership.objects.on(end)
    selected = Proposal.objects.filter(pk__in=selected_ids)
    committees = list(
        committees_by(end)
        .select_related("goal")
        .annotate(
            sessions_held=Count(
                "sessions",
                filter=Q(sessions__starts_at__gte=since, sessions__starts_at__lte=held_by(until))
                & ~Q(sessions__status=SessionStatus.CANCELLED),
                distinct=True,
            ),
            members_count=_count_per_committee(members_at_end),
            members_unknown=_count_per_committee(Membership.objects.unknown_on(end)),
            selected_count=_count_per_committee(selected),
        )
        .prefetch_related(
            # Sliced prefetches: one windowed query each, whatever the number of committees.
            Prefetch(
                "memberships",
                queryset=members_at_end.select_related("organization").order_by("organization__legal_name", "id")[
                    :MEMBERS_SHOWN
                ],
                to_attr="first_members",
            ),
            # Who sat on the committee the day it was installed: the seed lists them per committee.
            Prefetch(
                "memberships",
                queryset=Membership.objects.filter(seated_at_installation())
                .select_related("organization")
                .order_by("organization__legal_name", "id")[:MEMBERS_SHOWN],
                to_attr="installation_memberships",
            ),
            Prefetch(
                "proposals",
                queryset=selected.select_related("lead_organization").order_by("title", "id")[:SELECTED_SHOWN],
                to_attr="selected_projects",
            ),
        )
        .order_by("goal__number", "name")
    )
    at_installation = dict(
        Membership.objects.filter(seated_at_installation(), committee__in=committees)
        .order_by()
        .values("committee")
        .annotate(organizations=Count("organization", distinct=True))
        .values_list("committee", "organizations")
    )
    posts = defaultdict(list)
    in_period = (
        Post.objects.filter(committee__in=committees, started_on__lte=end)
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gte=start))
        .select_related("holder", "organization")
        .order_by("started_on", "id")
    )
    # Every edition of the report is made to be published: nobody who opposes the public directory is named in it,
    # whoever renders it (the committee's page keeps naming them to staff and members).
    for post in withhold_names(in_period, "holder_id", reader_sees_names=False):
        posts[post.committee_id].append(post)
    for committee in committees:
        committee.members_at_end = []
        for membership in committee.first_members:
            organization = membership.organization
            organization.suspended_at_end = membership.status_on == MembershipStatus.SUSPENDED
            committee.members_at_end.append(organization)
        committee.members_more = committee.members_count - len(committee.members_at_end)
        # Absolute: the PDF, the Word file and the published page are read away from the site.
        committee.members_url = settings.AXS_SITE_URL + reverse("committees:committee-members", args=[committee.pk])
        committee.selected_more = committee.selected_count - len(committee.selected_projects)
        committee.members_at_installation = at_installation.get(committee.pk, 0)
        # An organization that left and came back on the installation day is listed once.
        seated = {
            membership.organization_id: membership.organization for membership in committee.installation_memberships
        }
        committee.installation_organizations = list(seated.values())
        committee.installation_more = max(committee.members_at_installation - len(seated), 0)
        committee.posts_in_period = posts[committee.pk]
        for post in committee.posts_in_period:
            # A post taken at the installation is dated as the installation is known: "2016", not an invented day.
            on_installation = post.started_on == committee.installed_on
            post.started_precision = committee.date_precision if on_installation else DatePrecision.DAY
    return committees
