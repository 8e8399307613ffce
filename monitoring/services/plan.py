"""Writes to a project's plan: starting implementation, the grace period, indicator revisions, split targets."""

import datetime
from decimal import Decimal

from dateutil.relativedelta import relativedelta
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from audit.services import audit_record, changes_between, snapshot
from axs_platform import fragments
from axs_platform.dates import LATEST_DAY
from projects.models import ProposalStatus
from projects.services import proposal_transition, public_fact_sheet_refresh

from .. import permissions
from ..models import (
    MONTHS_PER_PERIOD,
    Frequency,
    Implementation,
    Indicator,
    IndicatorRevision,
    Milestone,
    Period,
    PeriodTarget,
    ReportStatus,
    ValueType,
)
from .common import CENTS, NUMBER_LIMIT, in_cents, locked_implementation, require, to_decimal
from .progress import progress_refresh

LATEST_END = LATEST_DAY  # a later end is a typing slip (9999, 20277), as the days of every record
MAX_PERIODS = 120


REVISABLE_FIELDS = ("name", "unit", "baseline", "target", "means_of_verification", "sdg_indicator", "disaggregation")


def period_bounds(starts_on, ends_on, frequency):
    """Return ``[(start, end)]`` of the reporting periods from ``starts_on`` to ``ends_on``, the last one cut short."""
    months = MONTHS_PER_PERIOD[frequency]
    bounds, number = [], 0
    while True:
        start = starts_on + relativedelta(months=months * number)
        if start > ends_on:
            return bounds
        end = min(starts_on + relativedelta(months=months * (number + 1)) - datetime.timedelta(days=1), ends_on)
        bounds.append((start, end))
        number += 1


def _refuse_bad_plan(proposal, starts_on, ends_on, frequency, grace_days):
    errors = {}
    if frequency not in Frequency.values:
        errors["frequency"] = _("Choose quarterly, half-yearly or yearly.")
    if starts_on and ends_on and ends_on <= starts_on:
        errors["ends_on"] = _("The implementation must end after it starts.")
    elif ends_on and ends_on > LATEST_END:
        errors["ends_on"] = _("The implementation must end by %(year)s at the latest.") % {"year": LATEST_END.year}
    if grace_days is None or not 0 <= grace_days <= 180:
        errors["grace_days"] = _("The grace period is between 0 and 180 days.")
    if errors:
        raise ValidationError(errors, code="bad_plan")
    if len(period_bounds(starts_on, ends_on, frequency)) > MAX_PERIODS:
        raise ValidationError({"ends_on": _("That makes more than 120 reporting periods.")}, code="too_many_periods")
    if proposal.status not in (ProposalStatus.STRUCTURED, ProposalStatus.IN_IMPLEMENTATION):
        raise ValidationError(
            _("Only a structured project can go into implementation; this one is “%(status)s”.")
            % {"status": proposal.get_status_display()},
            code="not_structured",
        )
    if Implementation.objects.filter(proposal=proposal).exists():
        raise ValidationError(_("This project is already in implementation."), code="already_started")


def build_plan(implementation, *, value_types=None, disaggregation=None):
    """Write a new implementation's periods, milestones (from activities) and indicators (from the matrix)."""
    proposal, starts_on, ends_on = implementation.proposal, implementation.starts_on, implementation.ends_on
    frequency, grace_days = implementation.frequency, implementation.grace_days
    Period.objects.bulk_create(
        Period(
            implementation=implementation,
            number=number,
            starts_on=start,
            ends_on=end,
            due_on=end + datetime.timedelta(days=grace_days),
        )
        for number, (start, end) in enumerate(period_bounds(starts_on, ends_on, frequency), start=1)
    )
    activities = [a for c in proposal.components.prefetch_related("activities") for a in c.activities.all()]
    Milestone.objects.bulk_create(
        Milestone(
            implementation=implementation,
            activity=activity,
            component_title=activity.component.title,
            title=activity.description,
            due_on=activity.ends_on,
            responsible_id=proposal.lead_organization_id,
        )
        for activity in sorted(activities, key=lambda a: (a.ends_on, a.pk))
    )
    value_types, disaggregation = value_types or {}, disaggregation or {}
    indicators = []
    for position, row in enumerate(
        proposal.indicators.order_by(F("component__position").asc(nulls_first=True), "id"), start=1
    ):
        # A results-matrix row in "%" is a percentage unless said otherwise; any other, a number.
        value_type = value_types.get(row.pk, ValueType.PERCENTAGE if row.unit.strip() == "%" else ValueType.NUMBER)
        quantitative = value_type in (ValueType.NUMBER, ValueType.PERCENTAGE)
        indicators.append(
            Indicator(
                implementation=implementation,
                source=row,
                position=position,
                name=row.name,
                value_type=value_type,
                unit=row.unit,
                baseline=row.baseline_value if quantitative else None,
                target=row.target_value if quantitative else None,
                means_of_verification=row.means_of_verification,
                sdg_indicator_id=row.sdg_indicator_id,
                disaggregation=list(disaggregation.get(row.pk, [])),
            )
        )
    for indicator in indicators:
        indicator.full_clean(exclude=["implementation", "source"])
    Indicator.objects.bulk_create(indicators)


@fragments.changes(fragments.MONITORING)
@transaction.atomic
def implementation_start(
    *,
    actor,
    proposal,
    starts_on,
    ends_on,
    frequency,
    grace_days=30,
    value_types=None,
    disaggregation=None,
    is_demo=False,
    request=None,
):
    """Put a structured project into implementation: periods, milestones and indicators from its proposal.

    ``value_types`` maps a results-matrix row's id to its type of value (number unless said);
    ``disaggregation`` maps a row's id to its categories.
    """
    require(permissions.can_start_implementation(actor, proposal))
    _refuse_bad_plan(proposal, starts_on, ends_on, frequency, grace_days)
    if proposal.status == ProposalStatus.STRUCTURED:
        proposal = proposal_transition(actor=actor, proposal=proposal, action="implement", request=request)
    else:
        public_fact_sheet_refresh(proposal, reason="monitoring.implementation_started")  # the transition asks
    implementation = Implementation.objects.create(
        proposal=proposal,
        starts_on=starts_on,
        ends_on=ends_on,
        frequency=frequency,
        grace_days=grace_days,
        is_demo=is_demo,
        created_by=actor,
    )
    build_plan(implementation, value_types=value_types, disaggregation=disaggregation)
    audit_record(
        actor=actor,
        action="monitoring.implementation_started",
        target=implementation,
        changes={"starts_on": [None, str(starts_on)], "ends_on": [None, str(ends_on)], "frequency": [None, frequency]},
        request=request,
    )
    return implementation


@fragments.changes(fragments.MONITORING)
@transaction.atomic
def implementation_set_grace(*, actor, implementation, grace_days, request=None):
    """Set how many days after a period ends its report is due, and move every due date with it."""
    require(permissions.can_set_grace(actor))
    if grace_days is None or not 0 <= grace_days <= 180:
        raise ValidationError({"grace_days": _("The grace period is between 0 and 180 days.")}, code="bad_grace")
    implementation = locked_implementation(implementation)
    before = implementation.grace_days
    implementation.grace_days = grace_days
    implementation.save(update_fields=["grace_days"])
    periods = list(implementation.periods.all())
    for period in periods:
        period.due_on = period.ends_on + datetime.timedelta(days=grace_days)
    Period.objects.bulk_update(periods, ["due_on"])
    audit_record(
        actor=actor,
        action="monitoring.grace_changed",
        target=implementation,
        changes={"grace_days": [before, grace_days]},
        request=request,
    )
    return implementation


def has_approved_report(implementation):
    return implementation.periods.filter(reports__status=ReportStatus.APPROVED).exists()


@fragments.changes(fragments.MONITORING)
@transaction.atomic
def indicator_revise(*, actor, indicator, reason="", request=None, **fields):
    """Change an indicator; after the project's first approved report it is a revision with a reason."""
    unknown = set(fields) - set(REVISABLE_FIELDS)
    if unknown:
        raise ValueError(f"not revisable: {sorted(unknown)}")
    # The project first, then the indicator: the order every progress refresh takes.
    implementation = locked_implementation(indicator.implementation)
    indicator = Indicator.objects.select_for_update().select_related("implementation__proposal").get(pk=indicator.pk)
    require(permissions.can_revise_indicators(actor, implementation))
    before = snapshot(indicator, REVISABLE_FIELDS)
    for name, value in fields.items():
        setattr(indicator, name, value)
    indicator.full_clean(exclude=["implementation", "source"])
    changes = changes_between(before, snapshot(indicator, REVISABLE_FIELDS))
    if not changes:
        return indicator
    _require_split_still_adds_up(indicator)
    reason = (reason or "").strip()
    _record_revision(indicator, changes, reason=reason, actor=actor)
    indicator.save()
    progress_refresh(implementation=implementation)
    audit_record(
        actor=actor,
        action="monitoring.indicator_revised",
        target=indicator,
        changes=changes,
        message=reason,
        request=request,
    )
    public_fact_sheet_refresh(implementation.proposal, reason="monitoring.indicator_revised")
    return indicator


def _require_split_still_adds_up(indicator):
    """Refuse a revision of the baseline or target that leaves the target's split not adding up."""
    parts = [t.value for t in indicator.period_targets.all()]
    if not parts:
        return
    total = sum(parts, Decimal(0))
    if total != indicator.target - indicator.baseline:
        raise ValidationError(
            _(
                "This indicator's target is split across periods and the parts add up to %(sum)s, but from the "
                "baseline (%(baseline)s) to the target (%(target)s) it must gain %(gain)s. Remove or change the "
                "split first, then revise the indicator and split its target again."
            )
            % {
                "sum": total,
                "baseline": indicator.baseline,
                "target": indicator.target,
                "gain": indicator.target - indicator.baseline,
            },
            code="split_does_not_add_up",
        )


@fragments.changes(fragments.MONITORING)
@transaction.atomic
def indicator_split_target(*, actor, indicator, targets, reason="", request=None):
    """Plan a number indicator period by period: ``targets`` maps periods to what each should achieve.

    A number indicator's periods add what they achieve to the baseline, so the parts add up to the
    gain from the baseline to the target.
    Empty ``targets`` removes the split. After the first approved report the change needs a reason.
    """
    locked_implementation(indicator.implementation)  # the project first, as every progress refresh locks it
    indicator = Indicator.objects.select_for_update().select_related("implementation__proposal").get(pk=indicator.pk)
    implementation = indicator.implementation
    require(permissions.can_revise_indicators(actor, implementation))
    if indicator.value_type != ValueType.NUMBER:
        raise ValidationError(_("Only a number indicator's target can be split across periods."), code="not_number")
    periods = {p.pk: p for p in implementation.periods.all()}
    values = {}
    for period, raw in targets.items():
        period_id = getattr(period, "pk", period)
        if period_id not in periods:
            raise ValidationError(_("That period is not one of this project's."), code="foreign_period")
        try:
            value = to_decimal(raw)
        except ValueError:
            raise ValidationError(
                {f"period_{period_id}": _("“%(value)s” is not a number.") % {"value": raw}}, code="not_a_number"
            ) from None
        if value is not None:
            if value < 0:
                raise ValidationError({f"period_{period_id}": _("A target cannot be negative.")}, code="negative")
            rounded = in_cents(value, NUMBER_LIMIT)
            if rounded is None:
                raise ValidationError({f"period_{period_id}": _("This number is too large.")}, code="too_large")
            values[period_id] = rounded
    total = sum(values.values(), Decimal(0))
    if values and total != indicator.target - indicator.baseline:
        raise ValidationError(
            _(
                "The targets by period add up to %(sum)s, but from the baseline (%(baseline)s) to the target "
                "(%(target)s) the indicator must gain %(gain)s; they must match."
            )
            % {
                "sum": total,
                "baseline": indicator.baseline,
                "target": indicator.target,
                "gain": indicator.target - indicator.baseline,
            },
            code="split_does_not_add_up",
        )
    # Compared as stored (two decimals): "10" typed again is no change to "10.00".
    before = {str(t.period_id): Decimal(t.value).quantize(CENTS) for t in indicator.period_targets.all()}
    after = {str(k): Decimal(v).quantize(CENTS) for k, v in values.items()}
    if before == after:
        return indicator
    stored = [{period: str(value) for period, value in side.items()} for side in (before, after)]
    reason = (reason or "").strip()
    _record_revision(indicator, {"period_targets": stored}, reason=reason, actor=actor)
    indicator.period_targets.all().delete()
    PeriodTarget.objects.bulk_create(
        PeriodTarget(indicator=indicator, period_id=period_id, value=value) for period_id, value in values.items()
    )
    progress_refresh(implementation=implementation)
    audit_record(
        actor=actor,
        action="monitoring.target_split",
        target=indicator,
        changes={"period_targets": [before, after]},
        message=reason,
        request=request,
    )
    public_fact_sheet_refresh(implementation.proposal, reason="monitoring.target_split")
    return indicator


def _record_revision(indicator, changes, *, reason, actor):
    """After the project's first approved report, a change to an indicator needs a reason and is recorded."""
    if not has_approved_report(indicator.implementation):
        return
    if not reason:
        raise ValidationError(
            {"reason": _("This project already has an approved report: say why the indicator changes.")},
            code="reason_required",
        )
    IndicatorRevision.objects.create(indicator=indicator, changes=changes, reason=reason, changed_by=actor)
