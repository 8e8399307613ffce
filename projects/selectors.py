"""Reads that pages share, each with a query count that does not grow with its rows."""

import hashlib
import time
from decimal import Decimal

from django.core.cache import cache
from django.db.models import Count, Prefetch, Q, Subquery
from django.utils.translation import get_language

from axs_platform.db import instances

from .criteria import Criterion
from .models import (
    Activity,
    AlignedTarget,
    Attachment,
    Ballot,
    BallotCandidate,
    BudgetLine,
    Call,
    ConsortiumMember,
    Evaluation,
    EvaluationStatus,
    ProjectIndicator,
    Proposal,
    ProposalStatus,
    Score,
)


def calls_for(user, *, committee_ids=None):
    """Return calls with their committee and how many proposals were submitted to each."""
    calls = Call.objects.filter(archived_at__isnull=True).select_related("committee__goal")
    if committee_ids is not None:
        calls = calls.filter(committee_id__in=committee_ids)
    return calls.annotate(
        proposal_count=Count("proposals", filter=~Q(proposals__status__in=["draft", "withdrawn"]))
    ).order_by("-opens_on", "-id")


def proposal_rows(*, call=None, committee=None, organization_id=None, status=""):
    """Return the proposals of a list with what each row shows."""
    proposals = Proposal.objects.select_related("lead_organization", "call", "committee")
    if call is not None:
        proposals = proposals.filter(call=call)
    if committee is not None:
        proposals = proposals.filter(committee=committee)
    if organization_id is not None:
        proposals = proposals.filter(
            Q(lead_organization_id=organization_id)
            | Q(consortium__organization_id=organization_id, consortium__status__in=["invited", "accepted"])
        ).distinct()
    else:
        proposals = proposals.exclude(status=ProposalStatus.DRAFT)
    if status:
        proposals = proposals.filter(status=status)
    return proposals.order_by("-updated_at", "-id")


def open_calls(today, *, limit=20):
    """Return the calls open today, newest first, with their committee (the proposals page's short list)."""
    return list(Call.objects.open_on(today).select_related("committee__goal").order_by("-opens_on", "-id")[:limit])


class page_rows:  # noqa: N801 (used like a function: selectors.page_rows(rows))
    """Wrap an ordered queryset so that a page reads its rows' keys first, then joins only those rows.

    A deep page (``OFFSET`` 19,750) otherwise reads and joins every skipped proposal to its
    organization, call and committee before throwing it away; here the offset runs over the index.
    """

    ordered = True

    def __init__(self, rows):
        self.rows = rows

    def count(self):
        return self.rows.count()

    def __len__(self):
        return self.count()

    def __getitem__(self, window):
        keys = self.rows.values("pk")[window]
        return list(self.rows.filter(pk__in=Subquery(keys)))


# Cached page bodies. The proposal lists and the evaluation matrix are read far more often than
# they change: their bodies are rendered once per version of the data and kept in the cache.
# projects.receivers bumps the versions when a proposal, an evaluation, a score, a call, a
# committee or an organization changes, at once and again on commit.
LISTS_VERSION_KEY = "projects:lists:version"
MATRIX_VERSION_KEY = "projects:matrix:version"
FRAGMENT_SECONDS = 600


def bump_lists_cache():
    """Make every cached proposal list stale (and the matrix, which shows proposals too)."""
    now = time.time_ns()
    cache.set_many({LISTS_VERSION_KEY: now, MATRIX_VERSION_KEY: now}, None)


def bump_matrix_cache():
    """Make every cached evaluation matrix stale (an evaluation or a score changed)."""
    cache.set(MATRIX_VERSION_KEY, time.time_ns(), None)


def cached_fragment(name, version_key, key_parts, render):
    """Return the HTML of a read-mostly fragment, rendering it only once per version of its data.

    ``key_parts`` must name everything the fragment depends on besides the data (the call or
    committee, the audience, the page, the filters); the data version and the language are added here.
    """
    version = cache.get_or_set(version_key, time.time_ns(), None)
    digest = hashlib.sha256(repr((version, get_language(), key_parts)).encode()).hexdigest()
    key = f"projects:{name}:{digest}"
    html = cache.get(key)
    if html is None:
        html = render()
        cache.set(key, html, FRAGMENT_SECONDS)
    return html


def proposal_full():
    """Return proposals with every part of their content, for the detail page and the versions."""
    return Proposal.objects.select_related(
        "call", "committee__goal", "lead_organization", "created_by"
    ).prefetch_related(
        Prefetch(
            "consortium",
            queryset=ConsortiumMember.objects.select_related("organization").prefetch_related("contributions"),
        ),
        Prefetch("components__activities", queryset=Activity.objects.order_by("starts_on", "id")),
        Prefetch(
            "aligned_targets",
            queryset=AlignedTarget.objects.select_related("target__goal").prefetch_related("indicators"),
        ),
        Prefetch("indicators", queryset=ProjectIndicator.objects.select_related("component", "sdg_indicator")),
        Prefetch("budget", queryset=BudgetLine.objects.select_related("source_member__organization")),
        Prefetch("attachments", queryset=Attachment.objects.filter(removed_at__isnull=True)),
    )


def published_projects():
    return (
        Proposal.objects.published()
        .select_related("committee__goal", "lead_organization")
        .order_by("-published_at", "-id")
    )


def evaluations_of(user):
    return (
        Evaluation.objects.filter(evaluator=user)
        .exclude(status=EvaluationStatus.WITHDRAWN)
        .select_related("proposal__call", "proposal__committee", "proposal__lead_organization")
        .order_by("status", "-assigned_at")
    )


def _mean(values):
    return sum(values, Decimal(0)) / len(values) if values else None


_SCORE_DECIMALS = {score: Decimal(score) for score in range(0, 6)}


def evaluation_matrix(call):
    """Return the call's matrix: per proposal, per-criterion averages, weighted total, spread and rank.

    Three queries whatever the number of proposals and evaluators: proposals, evaluations, scores.
    The evaluations and scores are read unordered (their default ordering joins the proposals and
    sorts thousands of rows for nothing) and as plain tuples.
    """
    proposals = list(
        Proposal.objects.filter(call=call)
        .exclude(status__in=[ProposalStatus.DRAFT, ProposalStatus.WITHDRAWN])
        .select_related("lead_organization")
        .order_by("id")
    )
    evaluations = Evaluation.objects.filter(proposal__call=call).exclude(status=EvaluationStatus.WITHDRAWN)
    counts = {}
    for proposal_id, status in evaluations.order_by().values_list("proposal_id", "status"):
        entry = counts.setdefault(proposal_id, {"assigned": 0, "submitted": 0, "conflict": 0})
        entry["assigned"] += 1
        if status == EvaluationStatus.SUBMITTED:
            entry["submitted"] += 1
        elif status == EvaluationStatus.CONFLICT:
            entry["conflict"] += 1
    weights = {criterion: call.weight(criterion) for criterion in Criterion}
    weight_by_value = {criterion.value: weight for criterion, weight in weights.items()}
    weight_sum = sum(weights.values()) or Decimal(1)
    # Per proposal: the scores given to each criterion, and each evaluator's weighted sum.
    by_criterion, weighted = {}, {}
    for proposal_id, evaluation_id, criterion, score in (
        Score.objects.filter(evaluation__proposal__call=call, evaluation__status=EvaluationStatus.SUBMITTED)
        .order_by()
        .values_list("evaluation__proposal_id", "evaluation_id", "criterion", "score")
    ):
        mark = _SCORE_DECIMALS.get(score) or Decimal(score)
        by_criterion.setdefault(proposal_id, {}).setdefault(criterion, []).append(mark)
        sums = weighted.setdefault(proposal_id, {})
        sums[evaluation_id] = sums.get(evaluation_id, Decimal(0)) + weight_by_value[criterion] * mark
    no_counts = {"assigned": 0, "submitted": 0, "conflict": 0}
    rows = []
    for proposal in proposals:
        marks = by_criterion.get(proposal.pk, {})
        averages = [(criterion, _mean(marks.get(criterion.value, []))) for criterion in Criterion]
        totals = [total / weight_sum for total in weighted.get(proposal.pk, {}).values()]
        rows.append(
            {
                "proposal": proposal,
                "averages": averages,
                "total": _mean(totals),
                "spread": (max(totals) - min(totals)) if totals else None,
                "counts": counts.get(proposal.pk, no_counts),
            }
        )
    ranked = sorted((row for row in rows if row["total"] is not None), key=lambda row: -row["total"])
    for position, row in enumerate(ranked, start=1):
        row["rank"] = position
    return sorted(rows, key=lambda row: (row.get("rank") or 10**9, row["proposal"].pk)), weights


# The vote's reads. Every voter posts at about the same time, so the two reads of the vote page are
# written out in SQL: through the ORM, compiling them cost more than running them.
_BALLOT_SQL = f"SELECT * FROM {Ballot._meta.db_table} WHERE id = %s"
_CANDIDATES_SQL = (
    f"SELECT c.id, c.ballot_id, c.proposal_id, c.position, p.title "
    f"FROM {BallotCandidate._meta.db_table} c JOIN {Proposal._meta.db_table} p ON p.id = c.proposal_id "
    f"WHERE c.ballot_id = %s ORDER BY c.position, c.id"
)


def ballot_to_vote(pk):
    """Return the ballot, or None."""
    return next(iter(instances(Ballot, _BALLOT_SQL, [pk])), None)


def candidates_to_vote(ballot):
    """Return the ballot's candidates in their order, each with its proposal's ``title``."""
    return instances(BallotCandidate, _CANDIDATES_SQL, [ballot.pk])
