"""The systematization report's section on implementation, for a period that includes it.

Figures are as the period's last day saw them: reports approved by then (the latest approved version
of each period), periods whose reports were due within the period, and those submitted late or never.
"""

import datetime
from collections import defaultdict

from django.conf import settings
from django.db.models import Count, Exists, OuterRef
from django.urls import reverse
from django.utils import timezone

from .models import Implementation, Period, Report, ReportStatus, ReportValue, ValueType


def _end_of(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.max))


# The section lists this many projects, by title; every count covers them all.
PROJECTS_SHOWN = 25


def _per_implementation(queryset):
    return dict(queryset.order_by().values("implementation").annotate(n=Count("id")).values_list("implementation", "n"))


def implementation_chapter(start, end):
    """Return ``{"projects": [the first few], "count": n, "more": n, "approved": n, "due": n, "late": n}``.

    None when nothing was in implementation. Counts are SQL aggregates over every project of the period;
    only the first ``PROJECTS_SHOWN`` are read with their figures.
    """
    until = _end_of(end)
    in_period = Implementation.objects.filter(starts_on__lte=end, ends_on__gte=start)
    count = in_period.count()
    if not count:
        return None
    implementations = list(
        in_period.select_related("proposal__committee__goal").order_by("proposal__title", "id")[:PROJECTS_SHOWN]
    )
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
    due = Period.objects.filter(implementation__in=in_period, due_on__range=(start, end))
    submitted_in_time = Report.objects.filter(period=OuterRef("pk"), submitted_at__date__lte=OuterRef("due_on"))
    late = due.exclude(Exists(submitted_in_time))
    approved_in_period = Report.objects.filter(
        period__implementation__in=in_period,
        status=ReportStatus.APPROVED,
        decided_at__range=(_start_of(start), until),
    )
    due_counts = _per_implementation(due.filter(implementation__in=ids))
    late_counts = _per_implementation(late.filter(implementation__in=ids))
    for implementation in implementations:
        implementation.figures = sorted(by_project[implementation.pk], key=lambda pair: pair[0].position)
        implementation.due_in_period = due_counts.get(implementation.pk, 0)
        implementation.late_in_period = late_counts.get(implementation.pk, 0)
    return {
        "projects": implementations,
        "count": count,
        "more": count - len(implementations),
        # Absolute: the PDFs and the published edition are read away from the site.
        "list_url": settings.AXS_SITE_URL + reverse("projects:project-list"),
        "approved": approved_in_period.count(),
        "due": due.count(),
        "late": late.count(),
        "has_demo": in_period.filter(is_demo=True).exists(),
    }


def _start_of(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))
