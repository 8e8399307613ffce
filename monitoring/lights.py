"""The traffic light of a project in implementation, computed from its periods and approved figures.

The rule, as the project page writes it:
- inactive: the last two periods whose reports are due have no approved report;
- each number or percentage indicator with an approved figure is compared with what was expected
  by the end of that figure's period: the split target where there is one, else a straight line from
  the baseline at the start to the target at the end. Reaching at least 90 % of the expected gain is
  on track, at least 60 % at risk, less off track;
- off track: more than a third of those indicators are off track;
- at risk: any indicator is off track or at risk, or a period's report is overdue;
- on track otherwise.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _

ON_TRACK_SHARE = Decimal("0.9")
AT_RISK_SHARE = Decimal("0.6")


class Light(models.TextChoices):
    ON_TRACK = "on_track", _("On track")
    AT_RISK = "at_risk", _("At risk")
    OFF_TRACK = "off_track", _("Off track")
    INACTIVE = "inactive", _("Inactive")


@dataclass
class Assessment:
    light: str
    indicators: dict = field(default_factory=dict)  # indicator pk -> Light
    overdue: int = 0

    @property
    def label(self):
        return Light(self.light).label


def expected_at(indicator, implementation, period):
    """Return the value expected by the end of ``period``: the split target, else the straight line."""
    if indicator.planned:
        reached = [value for p, value in indicator.planned if p.number <= period.number]
        return reached[-1] if reached else indicator.baseline
    span = (implementation.ends_on - implementation.starts_on).days or 1
    elapsed = min(max((period.ends_on - implementation.starts_on).days + 1, 0), span)
    return indicator.baseline + (indicator.target - indicator.baseline) * Decimal(elapsed) / Decimal(span)


def indicator_light(indicator, implementation):
    """Return the light of one indicator from its latest approved figure, or None when it has none."""
    if not indicator.is_quantitative or indicator.latest is None:
        return None
    period = indicator.latest[0]
    actual = indicator.current
    expected_gain = expected_at(indicator, implementation, period) - indicator.baseline
    gain = actual - indicator.baseline
    if expected_gain == 0:
        return Light.ON_TRACK
    share = gain / expected_gain
    if share >= ON_TRACK_SHARE:
        return Light.ON_TRACK
    return Light.AT_RISK if share >= AT_RISK_SHARE else Light.OFF_TRACK


def assess(implementation, periods, indicators, today):
    """Return the project's ``Assessment`` from ``selectors.period_rows`` and ``selectors.indicator_series``."""
    due = [p for p in periods if p.due_on < today]
    overdue = sum(1 for p in periods if p.is_overdue)
    if len(due) >= 2 and all(p.approved is None for p in due[-2:]):
        return Assessment(Light.INACTIVE, overdue=overdue)
    lights = {i.pk: light for i in indicators if (light := indicator_light(i, implementation)) is not None}
    off = sum(1 for light in lights.values() if light == Light.OFF_TRACK)
    if lights and off * 3 > len(lights):
        light = Light.OFF_TRACK
    elif off or overdue or any(light == Light.AT_RISK for light in lights.values()):
        light = Light.AT_RISK
    else:
        light = Light.ON_TRACK
    return Assessment(light, lights, overdue)
