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

from .models import Implementation, IndicatorProgress, Light, overdue_filter

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


def _per_project(aggregate):
    """Return ``aggregate`` over the outer implementation's kept indicator rows, as a correlated subquery.

    NULL for a project without such rows (the rule's comparisons are then false). Not wrapped in
    ``Coalesce``: a bare subquery is grouped by the project's id, so the database runs it once per
    project rather than once per joined period.
    """
    rows = IndicatorProgress.objects.filter(implementation=OuterRef("pk")).order_by().values("implementation")
    return Subquery(rows.annotate(value=aggregate).values("value"))


def with_lights(implementations, today):
    """Annotate implementations with ``light`` and ``overdue``: the project's rule, computed by the database.

    Over the rows the services keep: the periods due by ``today`` with their flags (``Period.has_submission``,
    ``has_approved_report``), counted per project through a join and conditional ``Count``, and the
    indicators' stored lights (``IndicatorProgress``), counted per project in correlated subqueries. The
    queryset is grouped by project; ``light_counts`` counts its lights by colour.
    """
    due = Q(periods__due_on__lt=today)
    return (
        implementations.order_by()
        .annotate(
            due=Count("periods", filter=due),
            last_due=Max("periods__number", filter=due),
            last_approved=Max("periods__number", filter=due & Q(periods__has_approved_report=True)),
            overdue=Count("periods", filter=overdue_filter(today, "periods__")),
            assessed=_per_project(Count("pk")),
            off_three_times=_per_project(Count("pk", filter=Q(light=Light.OFF_TRACK)) * 3),
            at_risk_or_off=_per_project(Count("pk", filter=~Q(light=Light.ON_TRACK))),
        )
        .annotate(
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
    )


def light_counts(implementations, today):
    """Return ``{light: number of projects}`` over a queryset of implementations, in one query.

    The lights are per-project aggregates, so Django counts them over the grouped query as a subquery.
    """
    counts = with_lights(implementations, today).aggregate(
        **{light.value: Count("pk", filter=Q(light=light.value)) for light in Light}
    )
    return {light: number for light, number in counts.items() if number}


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
