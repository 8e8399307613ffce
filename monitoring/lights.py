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
services store it (``IndicatorProgress``, see ``services.progress_refresh``); ``with_lights`` counts
the stored lights and the periods due, overdue and approved per project and applies the project's
rule, which depends on the day, in the database: one query for a page of projects (``assess_ids``)
and one grouped query for the lights by colour of any number of them (``light_counts``).
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Case, CharField, Count, F, Max, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce

from .models import Implementation, IndicatorProgress, Light, Period

__all__ = [
    "Assessment",
    "Figure",
    "Light",
    "assess",
    "assess_ids",
    "assess_many",
    "expected_at",
    "figure_light",
    "light_counts",
    "with_lights",
]

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


def _per_project(queryset, aggregate, default=None):
    """Return ``aggregate`` over ``queryset``'s rows of the outer implementation, as a correlated subquery."""
    value = Subquery(queryset.filter(implementation=OuterRef("pk")).order_by().values("implementation").annotate(
        value=aggregate).values("value"))  # fmt: skip
    return value if default is None else Coalesce(value, default)


def with_lights(implementations, today):
    """Annotate implementations with ``light`` and ``overdue``: the project's rule, computed by the database.

    Over the rows the services keep: the periods due by ``today`` with their flags (``Period.has_submission``,
    ``has_approved_report``) and the indicators' stored lights (``IndicatorProgress``), counted per project
    with conditional ``Count``. Lights by colour are then one grouped query (``light_counts``).
    """
    due = Period.objects.filter(due_on__lt=today)
    progress = IndicatorProgress.objects.all()
    return implementations.annotate(
        due=_per_project(due, Count("pk"), 0),
        last_due=_per_project(due, Max("number")),
        last_approved=_per_project(due, Max("number", filter=Q(has_approved_report=True))),
        overdue=_per_project(due, Count("pk", filter=Q(has_submission=False)), 0),
        assessed=_per_project(progress, Count("pk"), 0),
        off_three_times=_per_project(progress, Count("pk", filter=Q(light=Light.OFF_TRACK)) * 3, 0),
        at_risk_or_off=_per_project(progress, Count("pk", filter=~Q(light=Light.ON_TRACK)), 0),
    ).annotate(
        light=Case(
            When(
                Q(due__gte=2) & (Q(last_approved__isnull=True) | Q(last_approved__lt=F("last_due") - 1)),
                then=Value(Light.INACTIVE.value),
            ),
            When(off_three_times__gt=F("assessed"), then=Value(Light.OFF_TRACK.value)),
            When(Q(at_risk_or_off__gt=0) | Q(overdue__gt=0), then=Value(Light.AT_RISK.value)),
            default=Value(Light.ON_TRACK.value),
            output_field=CharField(),
        )
    )


def light_counts(implementations, today):
    """Return ``{light: number of projects}`` over a queryset of implementations, in one grouped query."""
    rows = with_lights(implementations, today).order_by().values("light").annotate(projects=Count("pk"))
    return {row["light"]: row["projects"] for row in rows}


def assess_many(implementations, today):
    """Return ``{implementation pk: Assessment}`` for the given implementations, in one query."""
    return assess_ids([implementation.pk for implementation in implementations], today)


def assess_ids(ids, today):
    """Return ``{implementation pk: Assessment}`` for these implementation ids, in one query."""
    rows = with_lights(Implementation.objects.filter(pk__in=ids), today).values_list("pk", "light", "overdue")
    return {pk: Assessment(light, overdue=overdue) for pk, light, overdue in rows}


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
