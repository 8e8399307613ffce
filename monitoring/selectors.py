"""Reads that monitoring's pages share: periods and their reports, approved series, contributions, queues.

"Approved figures" always mean the latest approved version of each period's report; drafts,
submitted and returned reports never count. A number indicator's period values add to its
baseline (each period reports what it achieved); a percentage is the level at the period's end.
"""

from collections import defaultdict
from decimal import Decimal
from types import SimpleNamespace

from django.db.models import (
    BooleanField,
    Case,
    Exists,
    ExpressionWrapper,
    F,
    FilteredRelation,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Sum,
    Value,
    When,
)

from axs_platform.permissions import is_staff_member
from committees.models import PostKind
from committees.permissions import current_organization, post_keys
from projects.models import ConsortiumMember, Contribution, PartnerStatus, Proposal, ProposalStatus

from .models import (
    EDITABLE_STATUSES,
    HANDED_IN_STATUSES,
    OPEN_STATUSES,
    ContributionDelivery,
    Implementation,
    IndicatorRevision,
    Period,
    PeriodTarget,
    Report,
    ReportEvent,
    ReportStatus,
    ReportValue,
    ValueType,
    due_soon_filter,
    overdue_filter,
    value_display,
)


def current_approved():
    """Return approved reports that no later approved version of their period replaces."""
    newer = Report.objects.filter(
        period=OuterRef("period"), status=ReportStatus.APPROVED, version__gt=OuterRef("version")
    )
    return Report.objects.filter(status=ReportStatus.APPROVED).exclude(Exists(newer))


def period_rows(implementation, today, periods=None):
    """Return the periods with ``reports`` (newest version first), ``open_report``, ``approved`` and flags.

    ``periods`` narrows them (e.g. a page of the project's periods); by default, every period of the project.
    """
    periods = list(
        (implementation.periods.all() if periods is None else periods).prefetch_related(
            Prefetch(
                "reports",
                queryset=Report.objects.select_related("submitted_by", "decided_by").order_by("-version"),
            )
        )
    )
    for period in periods:
        reports = list(period.reports.all())
        period.open_report = next((r for r in reports if r.status in OPEN_STATUSES), None)
        period.approved = next((r for r in reports if r.status == ReportStatus.APPROVED), None)
        period.has_started = period.starts_on <= today
        handed_in = any(r.status in HANDED_IN_STATUSES for r in reports)
        period.is_overdue = period.due_on < today and not handed_in
        period.is_due_soon = not handed_in and period.ends_on < today <= period.due_on
    return periods


def indicator_series(implementation, periods=None):
    """Return the indicators, each with ``points``: ``[(period, value)]`` of approved figures in period order.

    Each value is a dict: ``number``, ``yes_no``, ``text``, ``disaggregation`` and ``display`` (what it shows).

    For number indicators ``cumulative`` is the baseline plus what the approved periods added (``rows``
    gives ``(period, value, accumulated)``, accumulated None for other types);
    ``planned`` gives the cumulative split target per period where the target is split.
    """
    # Each indicator's targets and revisions in an order of their own: the models' default orderings
    # start with "indicator", which Django follows through the indicator's, the implementation's and
    # the proposal's orderings, joining and sorting every period and indicator (9 ms at 1,000 projects).
    indicators = list(
        implementation.indicators.select_related("sdg_indicator").prefetch_related(
            Prefetch("period_targets", queryset=PeriodTarget.objects.order_by("period_id")),
            Prefetch("revisions", queryset=IndicatorRevision.objects.order_by("-changed_at", "-id")),
        )
    )
    periods = periods if periods is not None else list(implementation.periods.all())
    by_pk = {p.pk: p for p in periods}
    values = defaultdict(dict)
    # Filtered by the project's indicators too, so the database starts from their values (an index)
    # rather than from every approved report's; no ordering: the points are sorted here.
    # Read as dicts (values()), not instances: a page of 20 indicators × 32 periods shows 640 of them.
    for value in (
        ReportValue.objects.filter(
            indicator__implementation=implementation,
            report__in=current_approved().filter(period__implementation=implementation),
        )
        .values("indicator_id", "number", "yes_no", "text", "disaggregation", period_pk=F("report__period_id"))
        .order_by()
    ):
        value["display"] = value_display(value["number"], value["yes_no"], value["text"])
        values[value["indicator_id"]][value["period_pk"]] = value
    for indicator in indicators:
        own = values[indicator.pk]
        indicator.points = [(by_pk[pid], own[pid]) for pid in sorted(own, key=lambda pid: by_pk[pid].number)]
        indicator.latest = indicator.points[-1] if indicator.points else None
        running = indicator.baseline
        indicator.cumulative = []
        if indicator.value_type == ValueType.NUMBER:
            for period, value in indicator.points:
                running += value["number"]
                indicator.cumulative.append((period, running))
        # The table's rows: each point with its accumulated figure (numbers only), read in one loop.
        accumulated = {period.pk: total for period, total in indicator.cumulative}
        indicator.rows = [(period, value, accumulated.get(period.pk)) for period, value in indicator.points]
        split = {t.period_id: t.value for t in indicator.period_targets.all()}
        planned, total = [], indicator.baseline
        for period in periods:
            if period.pk in split:
                total += split[period.pk]
                planned.append((period, total))
        indicator.planned = planned
        indicator.current = (
            indicator.cumulative[-1][1]
            if indicator.cumulative
            else (indicator.latest[1]["number"] if indicator.latest and indicator.is_quantitative else None)
        )
    return indicators


def contribution_rows(implementation):
    """Return the consortium's pledged contributions with ``delivered``: the sum over approved reports."""
    delivered = dict(
        ContributionDelivery.objects.filter(report__in=current_approved().filter(period__implementation=implementation))
        .values_list("contribution_id")
        .annotate(total=Sum("amount_mxn"))
        .values_list("contribution_id", "total")
    )
    notes = defaultdict(list)
    for contribution_id, note in (
        ContributionDelivery.objects.filter(report__in=current_approved().filter(period__implementation=implementation))
        .exclude(note="")
        .values_list("contribution_id", "note")
    ):
        if note not in notes[contribution_id]:
            notes[contribution_id].append(note)
    rows = list(
        Contribution.objects.filter(member__proposal=implementation.proposal_id, member__status="accepted")
        .select_related("member__organization")
        .order_by("member__organization__sort_name", "kind", "id")
    )
    for row in rows:
        row.delivered = delivered.get(row.pk) or Decimal(0)
        row.delivery_notes = notes.get(row.pk, [])
    return rows


def report_full(pk):
    """Return a report with its values, deliveries, milestones, evidence and history."""
    return full_reports().get(pk=pk)


def full_reports():
    """Return reports with everything the report page shows: values, deliveries, milestones, evidence, history."""
    return Report.objects.select_related(
        "period__implementation__proposal__committee", "submitted_by", "decided_by", "created_by"
    ).prefetch_related(
        Prefetch("values", queryset=ReportValue.objects.select_related("indicator")),
        Prefetch(
            "deliveries",
            queryset=ContributionDelivery.objects.select_related("contribution__member__organization"),
        ),
        "milestones_reached",
        "evidence",
        Prefetch("events", queryset=ReportEvent.objects.select_related("actor")),
    )


def approvable_implementations(user):
    """Return the implementations whose reports the person may approve or return (``permissions.can_decide``).

    Staff: all. A committee's chair or secretary: the committee's projects, except those their organization
    leads or is a partner of (they speak for the consortium, so someone else decides).
    """
    if is_staff_member(user):
        return Implementation.objects.all()
    committees = {committee for committee, kind in post_keys(user) if kind in (PostKind.CHAIR, PostKind.SECRETARY)}
    implementations = Implementation.objects.filter(proposal__committee_id__in=committees)
    organization = current_organization(user)
    if organization is None:
        return implementations
    in_consortium = ConsortiumMember.objects.filter(
        proposal=OuterRef("proposal"),
        organization=organization,
        is_lead=False,
        status__in=[PartnerStatus.INVITED, PartnerStatus.ACCEPTED],
    )
    return implementations.exclude(proposal__lead_organization=organization).exclude(Exists(in_consortium))


def approval_queue(user):
    """Return the submitted reports the person may approve or return (not those they submitted)."""
    return (
        Report.objects.filter(
            status=ReportStatus.SUBMITTED, period__implementation__in=approvable_implementations(user)
        )
        .exclude(submitted_by=user)
        .select_related("period__implementation__proposal", "submitted_by")
        .order_by("submitted_at", "id")
    )


def reports_to_write(user, today):
    """Return the periods whose report the person should write or correct now, read in one query.

    For the lead organization's current representatives (``permissions.can_report``): the periods overdue or due
    soon by the rules the light and the dashboards apply (``models.overdue_filter``, ``due_soon_filter``) and
    those whose report is in draft or returned with comments. Each period has ``report_id``, ``report_status`` and
    ``return_reason`` (of that draft or returned report, else None), ``is_overdue`` and ``is_due_soon``; the returned
    come first, then the overdue, those due soon and the other drafts, each group by due date.
    """
    organization = current_organization(user) if user.is_representative else None
    if organization is None:
        return Period.objects.none()
    overdue, due_soon = overdue_filter(today), due_soon_filter(today)
    returned = Q(editable__status=ReportStatus.RETURNED)
    return (
        Period.objects.filter(implementation__proposal__lead_organization=organization)
        .annotate(editable=FilteredRelation("reports", condition=Q(reports__status__in=EDITABLE_STATUSES)))
        .filter(overdue | due_soon | Q(editable__isnull=False))
        .annotate(
            report_id=F("editable__pk"),
            report_status=F("editable__status"),
            return_reason=F("editable__comments"),
            is_overdue=ExpressionWrapper(overdue, output_field=BooleanField()),
            is_due_soon=ExpressionWrapper(due_soon, output_field=BooleanField()),
            urgency=Case(
                When(returned, then=Value(0)),
                When(overdue, then=Value(1)),
                When(due_soon, then=Value(2)),
                default=Value(3),
            ),
        )
        .select_related("implementation__proposal")
        .order_by("urgency", "due_on", "implementation__proposal__title", "number")
    )


def filtered_by(queryset, *, committee=None, title="", path=""):
    """Return ``queryset`` narrowed to a committee's projects and titles containing ``title``.

    ``path`` leads from the queryset's model to the implementation (``"period__implementation__"`` for reports).
    """
    if committee is not None:
        queryset = queryset.filter(**{f"{path}proposal__committee": committee})
    if title:
        queryset = queryset.filter(**{f"{path}proposal__title__icontains": title})
    return queryset


def reporter_implementations(user):
    """Return the implementations of projects the person's organization leads or partners in."""
    organization = current_organization(user)
    if organization is None:
        return Implementation.objects.none()
    return (
        Implementation.objects.filter(
            Q(proposal__lead_organization=organization)
            | Q(proposal__consortium__organization=organization, proposal__consortium__status="accepted")
        )
        .distinct()
        .select_related("proposal")
    )


def viewable_implementations(user):
    """Return the implementations whose reports the person reads in every state (``permissions.can_view``).

    Staff: all. A committee's chair or secretary: the committee's projects. A representative: the projects their
    organization leads or is an invited or accepted partner of.
    """
    if not (user.is_authenticated and user.is_active):
        return Implementation.objects.none()
    if is_staff_member(user):
        return Implementation.objects.all()
    committees = {committee for committee, kind in post_keys(user) if kind in (PostKind.CHAIR, PostKind.SECRETARY)}
    visible = Q(proposal__committee_id__in=committees)
    organization = current_organization(user)
    if organization is not None:
        partner = ConsortiumMember.objects.filter(
            proposal=OuterRef("proposal"),
            organization=organization,
            is_lead=False,
            status__in=[PartnerStatus.INVITED, PartnerStatus.ACCEPTED],
        )
        visible |= Q(proposal__lead_organization=organization) | Q(Exists(partner))
    return Implementation.objects.filter(visible)


UNDER_REVIEW = (ReportStatus.SUBMITTED, ReportStatus.RETURNED)


def reports_under_review(user, *, full=False):
    """Return the submitted and returned reports the person may read (the report page, ``monitoring:report``).

    ``full`` brings what the report page shows of each (``full_reports``).
    """
    reports = full_reports() if full else Report.objects.select_related("period__implementation__proposal")
    return reports.filter(status__in=UNDER_REVIEW, period__implementation__in=viewable_implementations(user)).order_by(
        "-submitted_at", "-id"
    )


def structured_projects():
    """Return the structured proposals not yet in implementation, for those who may start them."""
    return Proposal.objects.filter(status=ProposalStatus.STRUCTURED, implementation__isnull=True).select_related(
        "committee"
    )


def startable_projects(user, *, committee=None, title=""):
    """Return the structured projects not yet in implementation that the person may start, by title.

    The database's side of ``permissions.can_start_implementation``: staff, every one; a committee's chair,
    the committee's. ``committee`` and ``title`` narrow them as ``filtered_by`` narrows implementations.
    """
    projects = structured_projects()
    if not is_staff_member(user):
        chaired = {committee_id for committee_id, kind in post_keys(user) if kind == PostKind.CHAIR}
        projects = projects.filter(committee_id__in=chaired)
    if committee is not None:
        projects = projects.filter(committee=committee)
    if title:
        projects = projects.filter(title__icontains=title)
    return projects.order_by("title", "pk")


def dashboard_committees(user):
    """Return the committees whose monitoring dashboard the person may open (their chair or secretary posts)."""
    from committees.models import Committee

    if is_staff_member(user):
        return Committee.objects.filter(proposals__implementation__isnull=False).distinct().order_by("name")
    ids = {committee for committee, kind in post_keys(user) if kind in (PostKind.CHAIR, PostKind.SECRETARY)}
    return Committee.objects.filter(pk__in=ids).order_by("name")


class Change:
    """One figure of a correction beside the approved version's: ``before`` and ``after`` are None where missing."""

    def __init__(self, label, before, after, *, unit=""):
        self.label, self.unit, self.before, self.after = label, unit, before, after
        self.pair = (before, after)
        self.changed = before != after


def _figure(number, yes_no, text, disaggregation):
    """What a value shows and what it is compared by: its number or display, and its parts."""
    if number is None and yes_no is None and not text:
        return None
    return {"number": number, "display": value_display(number, yes_no, text), "parts": disaggregation or {}}


def _delivered(amount, note):
    return None if amount is None and not note else {"amount": amount, "note": note}


def correction_changes(report):
    """Return a correction's figures beside those of the approved version it corrects, or None for a first report.

    A namespace: ``version`` (the approved one's), ``values`` (a Change per indicator), ``budget`` and
    ``deliveries`` (a Change per contribution). Two queries however many figures: the approved version with
    its values (joined), and its deliveries; the correction's own come with it (``report_full``).
    """
    previous_version = Report.objects.filter(
        period=OuterRef("period"), status=ReportStatus.APPROVED, version__lt=report.version
    ).order_by("-version")
    rows = list(
        Report.objects.filter(period=report.period_id, version=Subquery(previous_version.values("version")[:1]))
        .values(
            "pk",
            "version",
            "budget_executed_mxn",
            "values__indicator_id",
            "values__indicator__name",
            "values__indicator__unit",
            "values__indicator__position",
            "values__number",
            "values__yes_no",
            "values__text",
            "values__disaggregation",
        )
        .order_by()
    )
    if not rows:
        return None
    before = {row["values__indicator_id"]: row for row in rows if row["values__indicator_id"] is not None}
    after = {value.indicator_id: value for value in report.values.all()}
    indicators = {pk: (row["values__indicator__position"], row["values__indicator__name"],
                       row["values__indicator__unit"]) for pk, row in before.items()}  # fmt: skip
    indicators.update(
        (pk, (value.indicator.position, value.indicator.name, value.indicator.unit)) for pk, value in after.items()
    )
    values = []
    for pk in sorted(indicators, key=lambda pk: (indicators[pk][0], pk)):
        _, name, unit = indicators[pk]
        old, new = before.get(pk), after.get(pk)
        values.append(
            Change(
                name,
                old
                and _figure(
                    old["values__number"], old["values__yes_no"], old["values__text"], old["values__disaggregation"]
                ),
                new and _figure(new.number, new.yes_no, new.text, new.disaggregation),
                unit=unit,
            )
        )
    old_deliveries = {
        d.contribution_id: d
        for d in ContributionDelivery.objects.filter(report=rows[0]["pk"]).select_related(
            "contribution__member__organization"
        )
    }
    new_deliveries = {d.contribution_id: d for d in report.deliveries.all()}
    contributions = {**{pk: d.contribution for pk, d in old_deliveries.items()},
                     **{pk: d.contribution for pk, d in new_deliveries.items()}}  # fmt: skip
    deliveries = []
    for pk, contribution in sorted(contributions.items()):
        old, new = old_deliveries.get(pk), new_deliveries.get(pk)
        deliveries.append(
            Change(
                f"{contribution.member.organization} · {contribution.get_kind_display()}",
                old and _delivered(old.amount_mxn, old.note),
                new and _delivered(new.amount_mxn, new.note),
            )
        )
    return SimpleNamespace(
        version=rows[0]["version"],
        values=values,
        budget=Change(None, rows[0]["budget_executed_mxn"], report.budget_executed_mxn),
        deliveries=deliveries,
    )
