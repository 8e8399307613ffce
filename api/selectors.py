"""What each endpoint may list for a person: the apps' own selectors and predicates, composed, never new rules.

Each function mirrors the page that shows the same rows (named in its docstring). Anonymous clients get
what an anonymous visitor of that page gets.
"""

from django.db.models import Q

from axs_platform.permissions import is_staff_member
from committees import selectors as committee_selectors
from committees.permissions import current_organization
from companies import selectors as company_selectors
from companies.permissions import can_see_private_directory
from projects import selectors as project_selectors
from projects.models import Ballot, BallotStatus, Proposal
from projects.permissions import chaired_committee_ids, is_evaluator, without_conflicts
from surveys.selectors import lists as survey_lists


def organizations(user, filters):
    """The directory (``companies:directory``): active members for everyone, all of them for staff and evaluators."""
    return company_selectors.directory(private=can_see_private_directory(user), **filters)


def sessions(user):
    """The session list (``committees:session-list``): public sessions, and a member's own."""
    return committee_selectors.sessions_with_counts(committee_selectors.visible_sessions(user)).order_by(
        "-starts_at", "-id"
    )


def calls(user):
    """The calls page (``projects:call-list``, signed-in people)."""
    return project_selectors.calls_for(user)


def proposals(user):
    """The proposals a person's pages list: their organization's (``projects:proposal-list``), those they
    review as staff or chair (same page), and those assigned to them as evaluator (``projects:my-evaluations``).
    """
    if not (user.is_authenticated and user.is_active):
        return Proposal.objects.none()
    visible = Q(pk__in=[])
    organization = current_organization(user)
    if organization is not None:
        visible |= Q(pk__in=project_selectors.proposal_rows(organization_id=organization.pk).values("pk"))
    if is_staff_member(user):
        visible |= Q(pk__in=project_selectors.proposal_rows().values("pk"))
    else:
        chaired = chaired_committee_ids(user)
        if chaired:
            # Not the calls her organization competes in (``can_review``); its own come in above.
            reviewed = without_conflicts(project_selectors.proposal_rows().filter(committee_id__in=chaired), user)
            visible |= Q(pk__in=reviewed.values("pk"))
    if is_evaluator(user):
        visible |= Q(pk__in=project_selectors.evaluations_of(user).values("proposal_id"))
    return (
        Proposal.objects.filter(visible)
        .select_related("call", "committee__goal", "lead_organization")
        .order_by("-updated_at", "-id")
    )


def projects():
    """Published projects (``projects:project-list``, public)."""
    return project_selectors.published_projects().prefetch_related("aligned_targets__target")


def closed_ballots(user):
    """Closed ballots, whose results anyone signed in may read (``projects:ballot-detail``)."""
    if not (user.is_authenticated and user.is_active):
        return Ballot.objects.none()
    return (
        Ballot.objects.filter(status=BallotStatus.CLOSED)
        .select_related("round__committee")
        .order_by("-closed_at", "-id")
    )


def surveys(user):
    """The surveys whose results a person may read (``surveys:survey-list``): all for staff, a chair's committee's."""
    if not (user.is_authenticated and user.is_active):
        return survey_lists.Survey.objects.none()
    return survey_lists.surveys_for_manager(user)
