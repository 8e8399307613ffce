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

Each indicator's light depends only on approved figures and the plan, so the report and plan
services store it (``IndicatorProgress``, see ``services.progress_refresh``); ``assess_many`` counts
the stored lights and the periods due, overdue and approved per project (two grouped queries
whatever the number of projects) and applies the project's rule, which depends on the day.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Max, Q

from .models import IndicatorProgress, Light, Period

__all__ = ["Assessment", "Figure", "Light", "assess", "assess_ids", "assess_many", "expected_at", "figure_light"]

ON_TRACK_SHARE = Decimal("0.9")
AT_RISK_SHARE = Decimal("0.6")


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
    rows = (
        Period.objects.filter(implementation_id__in=ids, due_on__lt=today)
        .order_by()
        .values("implementation_id")
        .annotate(
            due=Count("pk"),
            last_due=Max("number"),
            last_approved=Max("number", filter=Q(has_approved_report=True)),
            overdue=Count("pk", filter=Q(has_submission=False)),
        )
        .values_list("implementation_id", "due", "last_due", "last_approved", "overdue")
    )
    return {row[0]: row[1:] for row in rows}


def _light_counts(ids):
    """Return ``{implementation pk: (indicators assessed, off track, at risk)}`` from the stored lights."""
    rows = (
        IndicatorProgress.objects.filter(implementation_id__in=ids)
        .order_by()
        .values("implementation_id")
        .annotate(
            assessed=Count("pk"),
            off=Count("pk", filter=Q(light=Light.OFF_TRACK)),
            at_risk=Count("pk", filter=Q(light=Light.AT_RISK)),
        )
        .values_list("implementation_id", "assessed", "off", "at_risk")
    )
    return {row[0]: row[1:] for row in rows}


def assess_many(implementations, today):
    """Return ``{implementation pk: Assessment}`` for the given implementations, in two queries."""
    return assess_ids([implementation.pk for implementation in implementations], today)


def assess_ids(ids, today):
    """Return ``{implementation pk: Assessment}`` for these implementation ids, in two queries."""
    periods = _period_summaries(ids, today)
    counts = _light_counts(ids)
    assessments = {}
    for pk in ids:
        due, last_due, last_approved, overdue = periods.get(pk, (0, None, None, 0))
        if due >= 2 and (last_approved is None or last_approved < last_due - 1):
            assessments[pk] = Assessment(Light.INACTIVE, overdue=overdue)
            continue
        assessed, off, at_risk = counts.get(pk, (0, 0, 0))
        if assessed and off * 3 > assessed:
            light = Light.OFF_TRACK
        elif off or at_risk or overdue:
            light = Light.AT_RISK
        else:
            light = Light.ON_TRACK
        assessments[pk] = Assessment(light, overdue=overdue)
    return assessments


def assess(implementation, today):
    """Return one project's ``Assessment`` (the same computation as the dashboards'), with its indicators' lights."""
    assessment = assess_many([implementation], today)[implementation.pk]
    if assessment.light != Light.INACTIVE:
        assessment.indicators = {
            pk: Light(light)
            for pk, light in IndicatorProgress.objects.filter(implementation=implementation).values_list(
                "indicator_id", "light"
            )
        }
    return assessment
