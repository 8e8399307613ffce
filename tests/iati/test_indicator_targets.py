"""An indicator's overall target and target year reach IATI when it has no target per period."""

from iati import validation
from iati.writer.common import amount
from monitoring.models import Indicator, PeriodTarget

from .helpers import activities_tree, activity_of


def test_an_indicator_without_period_targets_has_its_overall_target_until_the_end_of_its_target_year(demo):
    indicator = (
        Indicator.objects.filter(
            implementation__proposal__published_at__isnull=False, source__isnull=False, target__isnull=False
        )
        .exclude(value_type__in=["yes_no", "text"])
        .select_related("implementation__proposal", "source")
        .first()
    )
    PeriodTarget.objects.filter(indicator=indicator).delete()
    tree = activities_tree()
    assert validation.problems(tree, validation.ACTIVITIES) == []
    activity = activity_of(tree, indicator.implementation.proposal)
    element = activity.xpath("result/indicator[title/narrative=$name]", name=indicator.name)[0]
    periods = [
        (p.find("period-start").get("iso-date"), p.find("period-end").get("iso-date"), p.find("target"))
        for p in element.iterfind("period")
    ]
    overall = [(start, target) for start, end, target in periods if end == f"{indicator.source.target_year}-12-31"]
    assert overall == [(indicator.implementation.starts_on.isoformat(), overall[0][1])]
    assert overall[0][1].get("value") == amount(indicator.target)
    assert len([target for _start, _end, target in periods if target is not None]) == 1
