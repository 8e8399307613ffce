"""What waits on staff, chairs, evaluators and representatives in calls and ballots, counted for the home desk."""

import datetime

from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone

from .models import (
    Ballot,
    BallotStatus,
    Elector,
    Evaluation,
    EvaluationStatus,
    Participation,
    Proposal,
    ProposalStatus,
)

# A ballot that closes within this many days shows as "closing soon".
CLOSING_SOON_DAYS = 7
EVALUATIONS_DUE = (EvaluationStatus.ASSIGNED, EvaluationStatus.IN_PROGRESS)


def review_counts(*, committee_ids=None, excluded_call_ids=None, now=None):
    """Return proposals to review and ballots closing soon (all, or of some committees): 2 queries.

    ``excluded_call_ids`` (a subquery) leaves out the proposals of calls a chair may not review because her
    organization competes in them (``permissions.conflicted_call_ids``).
    """
    now = now or timezone.now()
    proposals = (
        Proposal.objects.all() if committee_ids is None else Proposal.objects.filter(committee_id__in=committee_ids)
    )
    if excluded_call_ids is not None:
        proposals = proposals.exclude(call_id__in=excluded_call_ids)
    ballots = (
        Ballot.objects.all() if committee_ids is None else Ballot.objects.filter(round__committee_id__in=committee_ids)
    )
    return {
        # Filtered before counting, so the count reads the (committee, status) or status index alone.
        "proposals_to_review": proposals.filter(status=ProposalStatus.SUBMITTED).count(),
        "ballots_closing_soon": ballots.aggregate(
            n=Count(
                "pk",
                filter=Q(
                    status=BallotStatus.OPEN,
                    closes_at__lte=now + datetime.timedelta(days=CLOSING_SOON_DAYS),
                ),
            )
        )["n"],
    }


def proposals_with_evaluations_due():
    """The ids of the proposals with one or more evaluations assigned and not submitted.

    The same proposals as ``evaluations_due`` (the list the staff desk links to), read from the
    evaluations' side: their distinct proposals, from ``projects_eval_due_idx`` alone.
    """
    return Evaluation.objects.filter(status__in=EVALUATIONS_DUE).order_by().values("proposal").distinct()


def proposals_awaiting_evaluations():
    """Return how many proposals have evaluations due (the staff desk's card): 1 query."""
    return proposals_with_evaluations_due().count()


def evaluations_due(proposals):
    """The proposals (of a queryset) with at least one evaluation assigned and not submitted."""
    due = Evaluation.objects.filter(proposal=OuterRef("pk"), status__in=EVALUATIONS_DUE)
    return proposals.filter(Exists(due))


def ballots_closing_soon(ballots, now=None):
    """The open ballots (of a queryset) that close within ``CLOSING_SOON_DAYS``."""
    now = now or timezone.now()
    return ballots.filter(status=BallotStatus.OPEN, closes_at__lte=now + datetime.timedelta(days=CLOSING_SOON_DAYS))


def evaluator_counts(user):
    """Return the evaluations assigned to the person and not yet submitted: 1 query."""
    return Evaluation.objects.filter(evaluator=user).aggregate(
        evaluations_due=Count("pk", filter=Q(status__in=EVALUATIONS_DUE))
    )


def representative_counts(user, organization):
    """Return open ballots the person (or their organization) has not voted in, and proposals returned: 2 queries."""
    electors = Elector.objects.filter(ballot__status=BallotStatus.OPEN).filter(
        Q(user=user) | Q(organization=organization) if organization is not None else Q(user=user)
    )
    to_vote = electors.exclude(Exists(Participation.objects.filter(elector=OuterRef("pk")))).aggregate(
        n=Count("ballot", distinct=True)
    )["n"]
    returned = 0
    if organization is not None:
        returned = Proposal.objects.filter(lead_organization=organization, status=ProposalStatus.RETURNED).aggregate(
            n=Count("pk")
        )["n"]
    return {"ballots_to_vote": to_vote, "proposals_returned": returned}
