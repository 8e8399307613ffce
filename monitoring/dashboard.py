"""The alliance's and a committee's monitoring dashboard: lights, reports due and overdue, contributions, results.

Lights are computed by the database (``lights.with_lights``): one query for the rows shown, one
grouped query for the lights by colour of all the projects; the other
figures are one grouped query each, over the rows the report services keep (a flag per period, a
progress row per indicator) rather than every value, so the page reads the same number of queries
for 10 projects as for 1,000. Results are summed by SDG indicator only across number
indicators with the same unit, and the page says so.
"""

from decimal import Decimal

from django.core.paginator import Paginator
from django.db.models import Count, Sum
from django.db.models.functions import Lower, Trim
from django.utils.translation import gettext as _

from axs_platform.charts import Bar, horizontal_bar_chart
from projects.models import Contribution, ContributionKind
from sdg.models import Indicator as SdgIndicator

from . import lights, selectors
from .models import (
    DUE_SOON_DAYS,
    ContributionDelivery,
    IndicatorProgress,
    Period,
    Report,
    ValueType,
    due_soon_filter,
    overdue_filter,
)

LIGHT_COLOURS = {"on_track": "#198754", "at_risk": "#b58100", "off_track": "#dc3545", "inactive": "#6c757d"}
PROJECTS_PER_PAGE = 25


def dashboard(implementations, today, page=None):
    """Return the dashboard's figures for a queryset of implementations.

    With ``page`` (a page number) the table of projects holds only that page (``page_obj``); the
    counts, lights by colour and every other figure still cover the whole queryset.
    """
    # What the rows show, no more: a thousand proposals with every column cost more to build than to count.
    shown = implementations.select_related("proposal__committee").only(
        "is_demo", "proposal__title", "proposal__committee__name", "proposal__committee__name_en"
    )
    page_obj = None
    if page is not None:
        page_obj = Paginator(shown, PROJECTS_PER_PAGE).get_page(page)
        shown = page_obj.object_list
    shown = list(shown)
    # The other figures read the projects as a subquery: no list of a thousand ids goes back and forth.
    ids = implementations.order_by().values("pk")
    # The rows' lights in one query for the rows shown; the lights by colour counted by the database.
    assessments = lights.assess_many(shown, today)
    rows = [(implementation, assessments[implementation.pk]) for implementation in shown]
    counts = lights.light_counts(implementations, today)
    periods = Period.objects.filter(implementation_id__in=ids)
    return {
        "rows": rows,
        "light_chart": horizontal_bar_chart(
            [Bar(light.label, counts.get(light.value, 0), LIGHT_COLOURS[light.value]) for light in lights.Light],
            title=_("Projects by traffic light"),
            description=_("How many projects in implementation are on track, at risk, off track or inactive."),
        ),
        "counts": [(light, counts.get(light.value, 0)) for light in lights.Light],
        "overdue": periods.filter(overdue_filter(today)).count(),
        "due_soon": periods.filter(due_soon_filter(today)).count(),
        "waiting_approval": Report.objects.filter(period__implementation_id__in=ids, status="submitted").count(),
        "contributions": contributions_by_kind(ids),
        "results": results_by_sdg_indicator(ids),
        "has_demo": implementations.filter(is_demo=True).exists(),
        "page_obj": page_obj,
        "due_soon_days": DUE_SOON_DAYS,
    }


def contributions_by_kind(ids):
    """Return ``[(kind label, pledged, delivered)]`` in MXN over approved reports."""
    pledged = dict(
        Contribution.objects.filter(member__proposal__implementation__in=ids, member__status="accepted")
        .values_list("kind")
        .annotate(total=Sum("amount_mxn"))
    )
    delivered = dict(
        ContributionDelivery.objects.filter(
            report__in=selectors.current_approved(), report__period__implementation__in=ids
        )
        .values_list("contribution__kind")
        .annotate(total=Sum("amount_mxn"))
    )
    return [
        (kind.label, pledged.get(kind.value) or Decimal(0), delivered.get(kind.value) or Decimal(0))
        for kind in ContributionKind
        if kind.value in pledged or kind.value in delivered
    ]


def results_by_sdg_indicator(ids):
    """Return ``[(SDG indicator, unit, total, projects)]``: approved number values summed where units match.

    Units match when they are the same but for case and surrounding spaces; the database groups and
    counts the projects, so the page reads a row per SDG indicator and unit, not one per project.
    """
    rows = list(
        IndicatorProgress.objects.filter(
            implementation_id__in=ids,
            indicator__value_type=ValueType.NUMBER,
            indicator__sdg_indicator__isnull=False,
        )
        .annotate(unit_key=Lower(Trim("indicator__unit")))
        .order_by()
        .values_list("indicator__sdg_indicator_id", "unit_key")
        .annotate(total=Sum("total"), projects=Count("implementation_id", distinct=True))
    )
    sdg = SdgIndicator.objects.in_bulk({sdg_id for sdg_id, *_rest in rows})
    return sorted(
        ((sdg[sdg_id], unit, total, projects) for sdg_id, unit, total, projects in rows),
        key=lambda row: (row[0].position, row[1]),
    )
