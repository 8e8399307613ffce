"""The report's projects, read in SQL: those structured in the period, their state at its end, a bounded list.

Every proposal set here is a subquery of the period's transitions, never a list of ids in Python, so a
period of thousands of projects costs the same queries and about the same time as one of ten.
"""

from decimal import Decimal

from django.db.models import Count, F, OuterRef, Prefetch, Subquery, Window
from django.db.models.functions import RowNumber, TruncDate

from projects.models import (
    ConsortiumMember,
    PartnerStatus,
    ProjectIndicator,
    Proposal,
    ProposalStatus,
    ProposalTransition,
)

# The edition lists this many projects in full; the rest are counted by committee and state.
PROJECTS_SHOWN = 25
# The timeline's entry for a day names this many of the projects structured that day.
TITLES_PER_DAY = 10


def reaching(status, since, until):
    """Return the ids of the proposals moved to ``status`` between two moments, as a subquery."""
    return ProposalTransition.objects.filter(created_at__range=(since, until), to_status=status).values("proposal_id")


def structured_projects(since, until):
    """Return the proposals structured in the period, with when (first time) and their state at its end."""
    in_period = ProposalTransition.objects.filter(proposal=OuterRef("pk"), created_at__range=(since, until))
    first_structured = in_period.filter(to_status=ProposalStatus.STRUCTURED).order_by("created_at", "id")
    latest = in_period.order_by("-created_at", "-id")
    return Proposal.objects.filter(pk__in=reaching(ProposalStatus.STRUCTURED, since, until)).annotate(
        structured_at=Subquery(first_structured.values("created_at")[:1]),
        structured_precision=Subquery(first_structured.values("date_precision")[:1]),
        status_at_end=Subquery(latest.values("to_status")[:1]),
    )


def project_summaries(projects, limit=PROJECTS_SHOWN):
    """Return the first ``limit`` of ``structured_projects`` with what their summary shows (fixed queries)."""
    shown = list(
        projects.select_related("committee__goal", "lead_organization")
        .prefetch_related(
            Prefetch(
                "consortium",
                queryset=ConsortiumMember.objects.filter(status=PartnerStatus.ACCEPTED)
                .select_related("organization")
                .prefetch_related("contributions"),
            ),
            Prefetch(
                "indicators",
                queryset=ProjectIndicator.objects.filter(component__isnull=True).select_related("sdg_indicator"),
            ),
            "budget",
            "components",
        )
        .order_by("committee__goal__number", "title", "id")[:limit]
    )
    for project in shown:
        project.structured_on = project.structured_at
        project.status_at_end_label = ProposalStatus(project.status_at_end).label
        project.budget_total = sum((line.amount_mxn for line in project.budget.all()), Decimal(0))
    return shown


def projects_by_committee(projects):
    """Return ``[{"number", "name", "name_en", "count"}]``: the structured projects counted per committee in SQL."""
    return list(
        projects.order_by()
        .values(number=F("committee__goal__number"), name=F("committee__name"), name_en=F("committee__name_en"))
        .annotate(count=Count("id"))
        .order_by("number", "name")
    )


def projects_by_state(projects):
    """Return ``[{"label", "count"}]``: the structured projects counted by their state at the period's end."""
    counts = dict(projects.order_by().values("status_at_end").annotate(n=Count("id")).values_list("status_at_end", "n"))
    return [{"label": label, "count": counts[value]} for value, label in ProposalStatus.choices if counts.get(value)]


def structured_by_day(projects):
    """Return ``[(day, precision, count, [the first titles])]``: the projects structured each day, in SQL.

    Days are local dates; a day recorded to the month or the year only (``date_precision``) is its own group.
    """
    dated = projects.annotate(day=TruncDate("structured_at")).order_by()
    group = (F("day"), F("structured_precision"))
    ranked = dated.annotate(
        place=Window(RowNumber(), partition_by=group, order_by=(F("title").asc(), F("id").asc())),
        of=Window(Count("id"), partition_by=group),
    )
    days = {}
    rows = ranked.filter(place__lte=TITLES_PER_DAY).order_by("day", "structured_precision", "place")
    for day, precision, count, title in rows.values_list("day", "structured_precision", "of", "title"):
        days.setdefault((day, precision), (count, []))[1].append(title)
    return [(day, precision, count, titles) for (day, precision), (count, titles) in days.items()]
