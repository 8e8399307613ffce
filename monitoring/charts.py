"""An indicator's chart: baseline, target, planned and approved figures per period (``axs_platform.charts``)."""

from django.template.defaultfilters import floatformat
from django.utils.translation import gettext as _

from axs_platform.charts import Level, Series, line_chart

from .models import ValueType

ACTUAL_COLOUR = "#0d6efd"
PLANNED_COLOUR = "#6c757d"
BASELINE_COLOUR = "#6f42c1"
TARGET_COLOUR = "#198754"


def indicator_chart(indicator, periods):
    """Return the SVG of a number or percentage indicator over the periods, or None for other types."""
    if not indicator.is_quantitative:
        return None
    index = {p.pk: i for i, p in enumerate(periods)}
    if indicator.value_type == ValueType.NUMBER:
        actual = tuple((index[p.pk], v) for p, v in indicator.cumulative)
        actual_label = _("Approved, accumulated from the baseline")
    else:
        actual = tuple((index[p.pk], v["number"]) for p, v in indicator.points)
        actual_label = _("Approved")
    series = [Series(actual_label, actual, ACTUAL_COLOUR)]
    if indicator.planned:
        series.append(Series(_("Planned"), tuple((index[p.pk], v) for p, v in indicator.planned), PLANNED_COLOUR, True))
    levels = [Level(_("Baseline"), indicator.baseline, BASELINE_COLOUR), Level(_("Target"), indicator.target,
                                                                              TARGET_COLOUR)]  # fmt: skip
    return line_chart(
        [str(p.number) for p in periods],
        series,
        # The indicator's name (Spanish data) is the heading above the chart; an SVG <title> cannot mark its language.
        title=_("The indicator by reporting period"),
        description=_("By reporting period: baseline %(baseline)s, target %(target)s, %(count)s approved figures.")
        % {
            "baseline": floatformat(indicator.baseline, "-2g"),
            "target": floatformat(indicator.target, "-2g"),
            "count": len(actual),
        },
        levels=levels,
        key=f"indicator-{indicator.pk}",
    )
