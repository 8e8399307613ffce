"""The traffic light of projects in implementation, computed from their periods and approved figures.

The rule, as the project page writes it:
- inactive: the last two periods whose reports are due have no approved report;
- each number or percentage indicator with an approved figure is compared with what was expected
  by the end of that figure's period: the split target where there is one, else a straight line from
  the baseline at the start to the target at the end. Reaching at least 90 % of the expected gain is
  on track, at least 60 % at risk, less off track;
- off track: more than a third of those indicators are off track;
- at risk: any indicator is off track or at risk, or a period's report is overdue;
- on track otherwise.

``assess_many`` is the one computation, for one project's page as for the dashboards: the database
groups the periods and the approved figures (five queries whatever the number of projects), and one
pass over the grouped rows applies the rule.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import models
from django.db.models import Count, Exists, Max, OuterRef, Q, Sum
from django.utils.translation import gettext_lazy as _

from .models import QUANTITATIVE, Indicator, Period, PeriodTarget, Report, ReportStatus, ReportValue, ValueType
from .selectors import current_approved

ON_TRACK_SHARE = Decimal("0.9")
AT_RISK_SHARE = Decimal("0.6")


class Light(models.TextChoices):
    ON_TRACK = "on_track", _("On track")
    AT_RISK = "at_risk", _("At risk")
    OFF_TRACK = "off_track", _("Off track")
    INACTIVE = "inactive", _("Inactive")


@dataclass
class Assessment:
    light: str
    indicators: dict = field(default_factory=dict)  # indicator pk -> Light
    overdue: int = 0

    @property
    def label(self):
        return Light(self.light).label


@dataclass
class Figure:
    """An indicator's approved figure: the value reached by the end of its latest approved period."""

    baseline: Decimal
    target: Decimal
    actual: Decimal
    period_number: int
    period_ends_on: object
    planned: dict  # period number -> the part of the split target planned for it (empty: not split)


def expected_at(figure, implementation):
    """Return the value expected by the end of the figure's period: the split target, else the straight line."""
    if figure.planned:
        return figure.baseline + sum(
            (value for number, value in figure.planned.items() if number <= figure.period_number), Decimal(0)
        )
    span = (implementation.ends_on - implementation.starts_on).days or 1
    elapsed = min(max((figure.period_ends_on - implementation.starts_on).days + 1, 0), span)
    return figure.baseline + (figure.target - figure.baseline) * Decimal(elapsed) / Decimal(span)


def figure_light(figure, implementation):
    """Return the light of one indicator from its approved figure."""
    expected_gain = expected_at(figure, implementation) - figure.baseline
    if expected_gain == 0:
        return Light.ON_TRACK
    share = (figure.actual - figure.baseline) / expected_gain
    if share >= ON_TRACK_SHARE:
        return Light.ON_TRACK
    return Light.AT_RISK if share >= AT_RISK_SHARE else Light.OFF_TRACK


def _period_summaries(ids, today):
    """Return ``{implementation pk: (due, last due number, last approved number, overdue)}`` from one grouped query."""
    approved = Report.objects.filter(period=OuterRef("pk"), status=ReportStatus.APPROVED)
    submitted = Report.objects.filter(period=OuterRef("pk"), submitted_at__isnull=False)
    rows = (
        Period.objects.filter(implementation_id__in=ids, due_on__lt=today)
        .order_by()
        .values("implementation_id")
        .annotate(
            due=Count("pk"),
            last_due=Max("number"),
            last_approved=Max("number", filter=Q(Exists(approved))),
            overdue=Count("pk", filter=~Q(Exists(submitted))),
        )
        .values_list("implementation_id", "due", "last_due", "last_approved", "overdue")
    )
    return {row[0]: row[1:] for row in rows}


def _figures(ids):
    """Return ``{implementation pk: {indicator pk: Figure}}`` for quantitative indicators with approved figures."""
    values = ReportValue.objects.filter(
        report__in=current_approved(),
        indicator__implementation_id__in=ids,
        indicator__value_type__in=QUANTITATIVE,
    )
    grouped = (
        values.order_by()
        .values("indicator_id")
        .annotate(total=Sum("number"), last=Max("report__period__number"), ends=Max("report__period__ends_on"))
        .values_list("indicator_id", "total", "last", "ends")
    )
    indicators = {
        row[0]: row[1:]
        for row in Indicator.objects.filter(implementation_id__in=ids, value_type__in=QUANTITATIVE).values_list(
            "pk", "implementation_id", "value_type", "baseline", "target"
        )
    }
    # A percentage is the level at its period's end: its latest approved value, not a sum.
    levels = {}
    for indicator_id, number, value in values.filter(indicator__value_type=ValueType.PERCENTAGE).values_list(
        "indicator_id", "report__period__number", "number"
    ):
        if indicator_id not in levels or number > levels[indicator_id][0]:
            levels[indicator_id] = (number, value)
    planned = defaultdict(dict)
    for indicator_id, number, value in PeriodTarget.objects.filter(indicator__implementation_id__in=ids).values_list(
        "indicator_id", "period__number", "value"
    ):
        planned[indicator_id][number] = value
    figures = defaultdict(dict)
    for indicator_id, total, last, ends in grouped:
        implementation_id, value_type, baseline, target = indicators[indicator_id]
        # A number's periods add to the baseline; a percentage is its latest level.
        actual = baseline + (total or 0) if value_type == ValueType.NUMBER else levels[indicator_id][1]
        figures[implementation_id][indicator_id] = Figure(
            baseline, target, actual, last, ends, planned.get(indicator_id, {})
        )
    return figures


def assess_many(implementations, today):
    """Return ``{implementation pk: Assessment}`` for the given implementations, in five queries."""
    implementations = {i.pk: i for i in implementations}
    ids = list(implementations)
    periods = _period_summaries(ids, today)
    figures = _figures(ids)
    assessments = {}
    for pk, implementation in implementations.items():
        due, last_due, last_approved, overdue = periods.get(pk, (0, None, None, 0))
        if due >= 2 and (last_approved is None or last_approved < last_due - 1):
            assessments[pk] = Assessment(Light.INACTIVE, overdue=overdue)
            continue
        lights = {i: figure_light(f, implementation) for i, f in figures.get(pk, {}).items()}
        off = sum(1 for light in lights.values() if light == Light.OFF_TRACK)
        if lights and off * 3 > len(lights):
            light = Light.OFF_TRACK
        elif off or overdue or any(light == Light.AT_RISK for light in lights.values()):
            light = Light.AT_RISK
        else:
            light = Light.ON_TRACK
        assessments[pk] = Assessment(light, lights, overdue)
    return assessments


def assess(implementation, today):
    """Return one project's ``Assessment`` (the same computation as the dashboards')."""
    return assess_many([implementation], today)[implementation.pk]
