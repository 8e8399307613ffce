"""Keep the figures the dashboards read: each period's flags and each indicator's approved progress.

They are recomputed from one project's reports, in the transaction of every step that can change
them (a submission, a return, an approval, an indicator's revision or split target), so a dashboard reads a
row per indicator and per period instead of every value. Recomputing rather than adding deltas keeps
a correction (a later approved version replacing a period's values) as simple as a first approval.
"""

from collections import defaultdict

from django.db import transaction
from django.db.models import Exists, OuterRef

from .. import selectors
from ..lights import Figure, figure_light
from ..models import (
    HANDED_IN_STATUSES,
    QUANTITATIVE,
    Implementation,
    IndicatorProgress,
    Period,
    PeriodTarget,
    Report,
    ReportStatus,
    ReportValue,
    ValueType,
)


@transaction.atomic
def progress_refresh(*, implementation):
    """Recompute one project's period flags and indicator progress from its reports and plan."""
    # The lock makes two steps on one project refresh in turn, the second reading the first's commit.
    implementation = Implementation.objects.select_for_update().get(pk=implementation.pk)
    Period.objects.filter(implementation=implementation).update(
        has_submission=Exists(Report.objects.filter(period=OuterRef("pk"), status__in=HANDED_IN_STATUSES)),
        has_approved_report=Exists(Report.objects.filter(period=OuterRef("pk"), status=ReportStatus.APPROVED)),
    )
    indicators = {i.pk: i for i in implementation.indicators.filter(value_type__in=QUANTITATIVE)}
    approved = defaultdict(list)  # indicator pk -> [(period number, period end, value)]
    for indicator_id, number, ends_on, value in (
        ReportValue.objects.filter(
            indicator__in=list(indicators),
            report__in=selectors.current_approved().filter(period__implementation=implementation),
            number__isnull=False,
        )
        .order_by()
        .values_list("indicator_id", "report__period__number", "report__period__ends_on", "number")
    ):
        approved[indicator_id].append((number, ends_on, value))
    planned = defaultdict(dict)
    for indicator_id, number, value in PeriodTarget.objects.filter(indicator__in=list(indicators)).values_list(
        "indicator_id", "period__number", "value"
    ):
        planned[indicator_id][number] = value
    rows = []
    for indicator_id, figures in approved.items():
        indicator = indicators[indicator_id]
        last_number, last_ends_on, latest = max(figures)
        total = sum(value for _number, _ends, value in figures)
        # A number's periods add to the baseline; a percentage is its latest level.
        actual = indicator.baseline + total if indicator.value_type == ValueType.NUMBER else latest
        figure = Figure(indicator.baseline, indicator.target, actual, last_number, last_ends_on, planned[indicator_id])
        rows.append(
            IndicatorProgress(
                indicator=indicator,
                implementation=implementation,
                total=total,
                latest=latest,
                last_number=last_number,
                last_ends_on=last_ends_on,
                light=figure_light(figure, implementation),
            )
        )
    IndicatorProgress.objects.filter(implementation=implementation).delete()
    IndicatorProgress.objects.bulk_create(rows)


def progress_refresh_all(implementations=None):
    """Recompute the progress of every project (or of ``implementations``); return how many."""
    count = 0
    for implementation in implementations if implementations is not None else Implementation.objects.order_by("pk"):
        progress_refresh(implementation=implementation)
        count += 1
    return count
