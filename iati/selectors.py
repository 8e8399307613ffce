"""Reads for the IATI files: the published projects with all that an activity shows, in a fixed number of queries.

"Public" is the public project page's rule (``Proposal.objects.published()``): structured, in
implementation or closed, and published by staff; drafts, proposals in review, rejected and
withdrawn ones never appear. Monitoring figures are approved ones only (``current_approved``).
"""

from django.db.models import BooleanField, Exists, ExpressionWrapper, F, OuterRef, Prefetch, Q, Subquery

from monitoring.models import (
    ContributionDelivery,
    Implementation,
    Period,
    PeriodTarget,
    Report,
    ReportStatus,
    ReportValue,
)
from monitoring.models import Indicator as MonitoredIndicator
from monitoring.selectors import current_approved
from projects import fact_sheets
from projects.models import (
    Activity,
    AlignedTarget,
    BudgetLine,
    Component,
    ConsortiumMember,
    PartnerStatus,
    Proposal,
    ProposalStatus,
    ProposalTransition,
)

from .models import Publisher
from .writer import Reporter

# What the files say of an organization (``writer.organizations``), as read through a consortium member.
_ORGANIZATION_FIELDS = [f"contribution__member__organization__{name}" for name in ("legal_name", "organization_type")]
# Texts of the proposal that the files do not show: not read.
_UNUSED_PROPOSAL_FIELDS = [
    "problem", "causes", "effects", "purpose", "international_cooperation", "axs_cooperation", "axs_replicability",
    "axs_consortium", "axs_business_synergy", "axs_sdg_impact", "axs_financial", "axs_funds", "sust_economic",
    "sust_institutional", "sust_technological", "sust_environmental", "sust_sociocultural", "sust_political",
]  # fmt: skip


def _latest_approval():
    """When a project's latest approved monitoring report was approved: it changes the activity's results."""
    approved = Report.objects.filter(period__implementation__proposal=OuterRef("pk"), status=ReportStatus.APPROVED)
    return Subquery(approved.order_by("-decided_at").values("decided_at")[:1])


def published_projects():
    """Return the public projects, oldest first, with their consortium, alignment, budget, dates and monitoring.

    The relations with many parents (contributions, SDG indicators, activities, period targets, deliveries)
    are prefetched into lists (``to_attr``): for a prefetched manager Django builds a queryset per parent
    object, which was about a third of the file's CPU at 1,000 projects (bench/iati_export.py's profile).
    """
    approved = current_approved()
    return (
        Proposal.objects.published()
        .select_related("committee__goal", "implementation", "iati_publication")
        .defer(*_UNUSED_PROPOSAL_FIELDS)
        .annotate(**fact_sheets.ready_dates(), report_approved_at=_latest_approval())
        .prefetch_related(
            Prefetch(
                "consortium",
                queryset=ConsortiumMember.objects.filter(status=PartnerStatus.ACCEPTED)
                .select_related("organization")
                .only("proposal", "is_lead", *(f.split("__", 2)[2] for f in _ORGANIZATION_FIELDS))
                .prefetch_related(Prefetch("contributions", to_attr="contribution_list")),
            ),
            Prefetch(
                "aligned_targets",
                queryset=AlignedTarget.objects.select_related("target__goal").prefetch_related(
                    Prefetch("indicators", to_attr="indicator_list")
                ),
            ),
            Prefetch("budget", queryset=BudgetLine.objects.order_by("year", "id")),
            Prefetch(
                "components",
                queryset=Component.objects.prefetch_related(
                    Prefetch("activities", queryset=Activity.objects.all(), to_attr="activity_list")
                ),
            ),
            Prefetch("transitions", queryset=ProposalTransition.objects.order_by("created_at", "id")),
            Prefetch(
                "implementation__indicators",
                queryset=MonitoredIndicator.objects.select_related(
                    "source__component", "sdg_indicator"
                ).prefetch_related(
                    Prefetch(
                        "values",
                        # Unordered, like the targets: the writer reads both by period. Their default
                        # orderings would join and sort through every report, period and indicator.
                        queryset=ReportValue.objects.filter(report__in=approved)
                        .annotate(period_id=F("report__period_id"))
                        .only("indicator", "number", "yes_no", "text", "disaggregation")
                        .order_by(),
                        to_attr="approved_values",
                    ),
                    Prefetch("period_targets", queryset=PeriodTarget.objects.order_by(), to_attr="target_list"),
                ),
            ),
            Prefetch(
                "implementation__periods",
                queryset=Period.objects.order_by("number"),
            ),
            Prefetch(
                "implementation__periods__reports",
                queryset=approved.only("period").prefetch_related(
                    Prefetch(
                        "deliveries",
                        queryset=ContributionDelivery.objects.filter(amount_mxn__gt=0)
                        .select_related("contribution__member__organization")
                        .only("report", "amount_mxn", "contribution__kind", *_ORGANIZATION_FIELDS),
                        to_attr="delivery_list",
                    )
                ),
                to_attr="approved_reports",
            ),
        )
        .order_by("pk")
    )


def publisher():
    """Return the reporting organization's settings, unsaved and empty until staff save them."""
    return Publisher.objects.filter(key=1).first() or Publisher(name_es="")


def reporter(base_url):
    """Return the reporting organization as the files name it, or None until staff set its identifier and name."""
    settings = publisher()
    if not settings.is_ready:
        return None
    return Reporter(
        ref=settings.organisation_ref,
        type=settings.organisation_type,
        name_es=settings.name_es,
        name_en=settings.name_en,
        base_url=base_url,
    )


def _start_date_known():
    """The condition ``writer.is_publishable`` checks on loaded projects, as a database expression."""
    started = ProposalTransition.objects.filter(proposal=OuterRef("pk"), to_status=ProposalStatus.IN_IMPLEMENTATION)
    return (
        Exists(Implementation.objects.filter(proposal=OuterRef("pk")))
        | Exists(Activity.objects.filter(component__proposal=OuterRef("pk")))
        | Q(status__in=[ProposalStatus.IN_IMPLEMENTATION, ProposalStatus.CLOSED]) & Exists(started)
    )


def publication_rows():
    """Return the public projects for the staff page: IATI data, and ``has_start_date`` (whether IATI can take them)."""
    return (
        Proposal.objects.published()
        .select_related("iati_publication", "committee")
        .annotate(has_start_date=ExpressionWrapper(_start_date_known(), output_field=BooleanField()))
        .order_by("pk")
    )


def has_start_date(proposal):
    """Return whether a published project has a date its IATI activity can start from (plan, schedule or start)."""
    return publication_rows().filter(pk=proposal.pk, has_start_date=True).exists()
