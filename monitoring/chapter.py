"""The systematization report's section on implementation, for a period that includes it.

Figures are as the period's last day saw them: reports approved by then (the latest approved version
of each period), periods whose reports were due within the period, and those submitted late or never.
"""

import datetime
from collections import defaultdict

from django.db.models import Exists, OuterRef
from django.utils import timezone

from .models import Implementation, Period, Report, ReportStatus, ReportValue, ValueType


def _end_of(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.max))


def implementation_chapter(start, end):
    """Return ``{"projects": [...], "approved": n, "due": n, "late": n}`` or None when nothing was in implementation."""
    until = _end_of(end)
    implementations = list(
        Implementation.objects.filter(starts_on__lte=end, ends_on__gte=start)
        .select_related("proposal__committee__goal")
        .order_by("proposal__title")
    )
    if not implementations:
        return None
    ids = [i.pk for i in implementations]
    approved_by_end = Report.objects.filter(status=ReportStatus.APPROVED, decided_at__lte=until)
    newer = approved_by_end.filter(period=OuterRef("period"), version__gt=OuterRef("version"))
    current = approved_by_end.exclude(Exists(newer))
    latest = {}
    for value in (
        ReportValue.objects.filter(report__in=current, indicator__implementation__in=ids)
        .select_related("indicator", "report__period")
        .order_by("report__period__number")
    ):
        indicator = value.indicator
        if indicator.value_type == ValueType.NUMBER:
            total = latest.get(indicator.pk, (indicator, indicator.baseline))[1]
            latest[indicator.pk] = (indicator, total + value.number)
        elif value.number is not None:
            latest[indicator.pk] = (indicator, value.number)
    by_project = defaultdict(list)
    for indicator, figure in latest.values():
        by_project[indicator.implementation_id].append((indicator, figure))
    due = Period.objects.filter(implementation__in=ids, due_on__range=(start, end))
    submitted_in_time = Report.objects.filter(period=OuterRef("pk"), submitted_at__date__lte=OuterRef("due_on"))
    late = due.exclude(Exists(submitted_in_time))
    approved_in_period = Report.objects.filter(
        period__implementation__in=ids, status=ReportStatus.APPROVED, decided_at__range=(_start_of(start), until)
    )
    due_counts = defaultdict(int)
    for implementation_id in due.values_list("implementation_id", flat=True):
        due_counts[implementation_id] += 1
    late_counts = defaultdict(int)
    for implementation_id in late.values_list("implementation_id", flat=True):
        late_counts[implementation_id] += 1
    for implementation in implementations:
        implementation.figures = sorted(by_project[implementation.pk], key=lambda pair: pair[0].position)
        implementation.due_in_period = due_counts[implementation.pk]
        implementation.late_in_period = late_counts[implementation.pk]
    return {
        "projects": implementations,
        "approved": approved_in_period.count(),
        "due": sum(due_counts.values()),
        "late": sum(late_counts.values()),
        "has_demo": any(i.is_demo for i in implementations),
    }


def _start_of(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))
