"""Reads of the SDG framework shared by pages (and later by forms that pick goals and indicators)."""

from django.db.models import Count, Prefetch, Q

from .models import Goal, Indicator, Target


def goals_with_counts():
    """Return the 17 goals with how many targets and indicator listings each has."""
    # Aggregating queries ignore Meta.ordering, so the order is given here.
    return Goal.objects.annotate(
        target_count=Count("targets", distinct=True), indicator_count=Count("targets__indicators", distinct=True)
    ).order_by("number")


def goal_with_framework(number):
    """Return one goal with its targets and their indicators, in UN order, in three queries."""
    return Goal.objects.prefetch_related(
        Prefetch(
            "targets",
            queryset=Target.objects.prefetch_related(
                Prefetch("indicators", queryset=Indicator.objects.order_by("position"))
            ).order_by("position"),
        )
    ).get(number=number)


def search_framework(text):
    """Return the targets and indicators whose code or title, in either language, contains the text."""
    text = text.strip()
    match = Q(code__istartswith=text) | Q(title_es__icontains=text) | Q(title_en__icontains=text)
    targets = Target.objects.select_related("goal").filter(match)
    indicators = Indicator.objects.select_related("target__goal").filter(match | Q(unsd_code__iexact=text))
    return targets, indicators
