"""The database computes each project's light and counts the lights by colour; a recount in Python agrees."""

import datetime
from collections import Counter

import pytest

from bench.monitoring_seed import seed
from monitoring import lights
from monitoring.models import Implementation, IndicatorProgress, Period


def recount(today):
    """Apply the rule the project page writes, project by project, from the kept rows."""
    result = {}
    for implementation in Implementation.objects.all():
        due = list(Period.objects.filter(implementation=implementation, due_on__lt=today).order_by("number"))
        overdue = sum(not p.has_submission for p in due)
        if len(due) >= 2 and not any(p.has_approved_report for p in due[-2:]):
            result[implementation.pk] = ("inactive", overdue)
            continue
        stored = Counter(
            IndicatorProgress.objects.filter(implementation=implementation).values_list("light", flat=True)
        )
        assessed = sum(stored.values())
        if assessed and stored["off_track"] * 3 > assessed:
            light = "off_track"
        elif stored["off_track"] or stored["at_risk"] or overdue:
            light = "at_risk"
        else:
            light = "on_track"
        result[implementation.pk] = (light, overdue)
    return result


@pytest.fixture
def varied(db):
    """Twelve seeded projects whose kept rows differ (by project, in turn) so that every branch of the rule is taken."""
    scene = seed(12, indicators=3, periods=8)
    for n, implementation in enumerate(Implementation.objects.order_by("pk")):
        kind = n % 4  # 0 on track, 1 off track, 2 at risk (an indicator, or an overdue report), 3 inactive
        progress = IndicatorProgress.objects.filter(implementation=implementation).order_by("pk")
        progress.update(light="off_track" if kind == 1 else "on_track")
        if n in (2, 10):  # one of three indicators off track is not more than a third: at risk
            progress.filter(pk=progress.first().pk).update(light="off_track" if n == 2 else "at_risk")
        periods = Period.objects.filter(implementation=implementation)
        periods.update(has_submission=True, has_approved_report=kind != 3)
        if n == 6:
            periods.filter(number=2).update(has_submission=False, has_approved_report=False)
        if kind == 3:
            periods.filter(number__in=[1, 3]).update(has_approved_report=True)
    return scene


@pytest.mark.parametrize("today", [datetime.date(2018, 2, 1), datetime.date(2018, 8, 1), datetime.date(2019, 6, 1)])
def test_the_database_lights_and_their_counts_equal_a_recount_of_the_rule(varied, today):
    expected = recount(today)
    ids = list(expected)
    assert {pk: (a.light, a.overdue) for pk, a in lights.assess_ids(ids, today).items()} == expected
    assert lights.light_counts(Implementation.objects.all(), today) == Counter(light for light, _ in expected.values())


def test_the_recount_takes_every_branch_of_the_rule(varied):
    seen = {
        light
        for today in (datetime.date(2018, 8, 1), datetime.date(2019, 6, 1))
        for light, _ in recount(today).values()
    }
    assert seen == {"on_track", "at_risk", "off_track", "inactive"}


def test_the_lights_by_colour_are_one_query_whatever_the_number_of_projects(varied, django_assert_num_queries):
    with django_assert_num_queries(1):
        lights.light_counts(Implementation.objects.all(), datetime.date(2019, 6, 1))
