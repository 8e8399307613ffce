"""Reads that pages share, each with a query count that does not grow with its rows."""

from collections import defaultdict
from decimal import Decimal

from django.db.models import (
    Case,
    Count,
    DecimalField,
    Exists,
    ExpressionWrapper,
    F,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Value,
    When,
    Window,
)
from django.db.models.functions import Coalesce, RowNumber

from committees.permissions import current_organization

from .criteria import Criterion
from .models import (
    Activity,
    AlignedTarget,
    Attachment,
    BallotPaper,
    BallotStatus,
    BudgetLine,
    Call,
    ConsortiumMember,
    Elector,
    ElectorateKind,
    Evaluation,
    EvaluationStatus,
    Participation,
    PartnerStatus,
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
    # A correlated count, not a join and GROUP BY: only the page's calls are counted, and the list's own
    # count reads the calls alone (at 20,000 proposals: 17 → 7 ms for the page's two queries).
    submitted = (
        Proposal.objects.filter(call=OuterRef("pk"))
        .exclude(status__in=["draft", "withdrawn"])
        .order_by()
        .values("call")
        .annotate(n=Count("*"))
        .values("n")
    )
    return calls.annotate(proposal_count=Coalesce(Subquery(submitted), 0)).order_by("-opens_on", "-id")


def proposal_rows(*, call=None, committee=None, organization_id=None, status=""):
    """Return the proposals of a list with what each row shows."""
    proposals = Proposal.objects.select_related("lead_organization", "call", "committee")
    if call is not None:
        proposals = proposals.filter(call=call)
    if committee is not None:
        proposals = proposals.filter(committee=committee)
    if organization_id is not None:
        # A subquery rather than a join: no DISTINCT over every proposal of the call.
        joined = ConsortiumMember.objects.filter(organization_id=organization_id, status__in=["invited", "accepted"])
        proposals = proposals.filter(Q(lead_organization_id=organization_id) | Q(pk__in=joined.values("proposal_id")))
    else:
        # Never submitted: a draft, or withdrawn as one, is its consortium's alone.
        proposals = proposals.exclude(version=0)
    if status:
        proposals = proposals.filter(status=status)
    return proposals.order_by("-updated_at", "-id")


def open_calls(today, *, limit=20):
    """Return the calls open today, newest first, with their committee (the proposals page's short list)."""
    return list(Call.objects.open_on(today).select_related("committee__goal").order_by("-opens_on", "-id")[:limit])


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
        # Each component shows its own rows of the results matrix: one query for all of them.
        Prefetch("components__indicators", queryset=ProjectIndicator.objects.select_related("sdg_indicator")),
        Prefetch(
            "aligned_targets",
            queryset=AlignedTarget.objects.select_related("target__goal").prefetch_related("indicators"),
        ),
        Prefetch("indicators", queryset=ProjectIndicator.objects.select_related("component", "sdg_indicator")),
        Prefetch("budget", queryset=BudgetLine.objects.select_related("source_member__organization")),
        Prefetch("attachments", queryset=Attachment.objects.filter(removed_at__isnull=True)),
    )


def public_project():
    """Return published projects with what their public page shows of them, and no more.

    The accepted consortium, the SDG alignment and the results matrix; the objective's own indicators in
    ``objective_indicators``. Budget, attachments, contributions and activities stay off the public page.
    """
    return Proposal.objects.published().prefetch_related(
        Prefetch(
            "consortium",
            queryset=ConsortiumMember.objects.filter(status=PartnerStatus.ACCEPTED).select_related("organization"),
            to_attr="accepted_members",
        ),
        Prefetch("components__indicators", queryset=ProjectIndicator.objects.select_related("sdg_indicator")),
        Prefetch(
            "aligned_targets",
            queryset=AlignedTarget.objects.select_related("target__goal").prefetch_related("indicators"),
        ),
        Prefetch(
            "indicators",
            queryset=ProjectIndicator.objects.filter(component__isnull=True).select_related("sdg_indicator"),
            to_attr="objective_indicators",
        ),
    )


def published_projects():
    return (
        Proposal.objects.published()
        .select_related("committee__goal", "lead_organization")
        .order_by("-published_at", "-id")
    )


def project_cards():
    """The published projects as the public list's cards show them: newest first, only the columns they read."""
    return published_projects().only(
        "title", "summary", "status", "published_at", "committee__name", "committee__name_en", "committee__goal__color",
        "lead_organization__legal_name", "lead_organization__short_name", "lead_organization__is_fictitious",
    )  # fmt: skip


def evaluations_of(user):
    return (
        Evaluation.objects.filter(evaluator=user)
        .exclude(status=EvaluationStatus.WITHDRAWN)
        .select_related("proposal__call", "proposal__committee", "proposal__lead_organization")
        .order_by("status", "-assigned_at", "-id")
    )


def proposal_evaluations(proposal):
    """Return the proposal's standing evaluations with their evaluators, as its reviewers see them."""
    return proposal.evaluations.exclude(status=EvaluationStatus.WITHDRAWN).select_related("evaluator")


def proposal_evaluation_history(proposal):
    """Return every evaluation the proposal has had, withdrawn ones too, with their evaluators, latest first."""
    return proposal.evaluations.select_related("evaluator").order_by("-assigned_at", "-id")


def proposal_transitions(proposal):
    """Return the proposal's status changes with who made each, latest first."""
    return proposal.transitions.select_related("actor").order_by("-created_at", "-id")


_SCORE_DECIMALS = {score: Decimal(score) for score in range(0, 6)}


def evaluation_matrix(call):
    """Return ``(rows, weights)``: the call's proposals best first, a queryset to page; ``weights`` per criterion.

    The order is the weighted total, computed in SQL from each proposal's kept totals
    (``MatrixTotal``: per criterion, the sum of the submitted evaluations' scores), then the id;
    proposals without a submitted evaluation come last. Each row carries ``position``, its place in
    that order (a window over the call's rows), which is its rank when it has a total.
    ``matrix_details(page, weights)`` turns the rows of one page into the matrix's figures; no score
    is read to order or count the rows.
    """
    weights = {criterion: call.weight(criterion) for criterion in Criterion}
    amount = DecimalField(max_digits=20, decimal_places=6)
    weighted = [
        ExpressionWrapper(Value(weight) * F(f"matrix_total__score_{criterion.value}"), output_field=amount)
        for criterion, weight in weights.items()
        if weight
    ]
    ranking = Case(
        When(
            matrix_total__submitted__gt=0,
            then=ExpressionWrapper(sum(weighted[1:], weighted[0]) / F("matrix_total__submitted"), output_field=amount),
        ),
        default=None,
        output_field=amount,
    )
    order = [F("ranking").desc(nulls_last=True), F("id").asc()]
    rows = (
        Proposal.objects.filter(call=call)
        .exclude(status__in=[ProposalStatus.DRAFT, ProposalStatus.WITHDRAWN])
        .select_related("lead_organization", "matrix_total")
        # The window sorts every row of the call: only the columns the page shows, not the proposals' texts.
        .only("call_id", "title", "status", "lead_organization", "matrix_total")
        .annotate(ranking=ranking)
        .annotate(position=Window(RowNumber(), order_by=order))
        .order_by(*order)
    )
    return rows, weights


def matrix_details(proposals, weights):
    """Return the matrix rows of a page of ``evaluation_matrix`` (one query: the page's submitted scores).

    Averages per criterion and the weighted total (the mean of the evaluators' weighted totals) come
    from the kept sums; the spread, the gap between the highest and the lowest evaluator's total, from
    the page's scores.
    """
    weight_sum = sum(weights.values()) or Decimal(1)
    by_value = {criterion.value: weight for criterion, weight in weights.items()}
    evaluation_totals = defaultdict(lambda: defaultdict(Decimal))
    ids = [proposal.pk for proposal in proposals]
    for proposal_id, evaluation_id, criterion, score in (
        Score.objects.filter(evaluation__proposal_id__in=ids, evaluation__status=EvaluationStatus.SUBMITTED)
        .order_by()
        .values_list("evaluation__proposal_id", "evaluation_id", "criterion", "score")
    ):
        evaluation_totals[proposal_id][evaluation_id] += (_SCORE_DECIMALS.get(score) or Decimal(score)) * by_value.get(
            criterion, 0
        )
    rows = []
    for proposal in proposals:
        kept = getattr(proposal, "matrix_total", None)
        submitted = kept.submitted if kept else 0
        sums = {c: Decimal(getattr(kept, f"score_{c.value}")) for c in Criterion} if submitted else {}
        totals = [total / weight_sum for total in evaluation_totals[proposal.pk].values()]
        rows.append(
            {
                "proposal_id": proposal.pk,
                "proposal": proposal,
                "rank": proposal.position if submitted else None,
                "counts": {
                    "assigned": kept.assigned if kept else 0,
                    "submitted": submitted,
                    "conflict": kept.conflict if kept else 0,
                },
                "averages": [(c, sums[c] / submitted if submitted else None) for c in Criterion],
                "total": (
                    sum((sums[c] * weights[c] for c in Criterion), Decimal(0)) / submitted / weight_sum
                    if submitted
                    else None
                ),
                "spread": (max(totals) - min(totals)) if totals else None,
            }
        )
    return rows


def candidates_to_vote(ballot):
    """Return the ballot's candidates in their order, with their proposals' titles (all a voter is shown)."""
    candidates = ballot.candidates.select_related("proposal").order_by("position", "id")
    return list(candidates.only("ballot_id", "proposal_id", "position", "proposal__title"))


def open_ballots_for(user):
    """Return the open ballots in which the person has a place (their own or their organization's), in one query.

    Each ballot carries ``has_voted``.
    """
    if not (user.is_authenticated and user.is_active):
        return []
    organization = current_organization(user)
    places = Q(user_id=user.pk)
    if organization is not None:
        places |= Q(organization_id=organization.pk)
    electors = (
        Elector.objects.filter(places, ballot__status=BallotStatus.OPEN)
        .select_related("ballot__round__committee")
        .annotate(has_voted=Exists(Participation.objects.filter(elector=OuterRef("pk"))))
        .order_by("ballot__closes_at", "ballot_id")
    )
    ballots = []
    for elector in electors:
        # Own places count on ballots of people or of the chair; an organization's, on ballots of organizations.
        if (elector.organization_id is not None) == (elector.ballot.electorate == ElectorateKind.ORGANIZATIONS):
            elector.ballot.has_voted = elector.has_voted
            ballots.append(elector.ballot)
    return ballots


def pending_electors(ballot):
    """Return the places in the ballot's electorate that have not voted yet, with their person or organization."""
    return list(
        ballot.electors.filter(participations__isnull=True)
        .select_related("user", "organization")
        .order_by("organization__short_name", "user__full_name", "id")
    )


def ballot_participations(ballot):
    """Return who has voted in the ballot and who cast each vote (never what)."""
    return ballot.participations.select_related("elector__user", "elector__organization", "cast_by").order_by("id")


def named_papers(ballot):
    """Return the papers of a named ballot with their voter and choices (who voted what, shown after closing)."""
    return (
        BallotPaper.objects.filter(ballot=ballot)
        .select_related("elector__user", "elector__organization")
        .prefetch_related("choices__candidate__proposal")
        .order_by("id")
    )
