"""The plan of a project in implementation and its progress reports."""

from .plan import (
    MONTHS_PER_PERIOD,
    QUANTITATIVE,
    Frequency,
    Implementation,
    Indicator,
    IndicatorRevision,
    Milestone,
    Period,
    PeriodTarget,
    ValueType,
)
from .progress import IndicatorProgress, Light
from .reports import (
    EDITABLE_STATUSES,
    HANDED_IN_STATUSES,
    OPEN_STATUSES,
    ContributionDelivery,
    Evidence,
    Report,
    ReportEvent,
    ReportStatus,
    ReportValue,
    value_display,
)

__all__ = [
    "EDITABLE_STATUSES",
    "HANDED_IN_STATUSES",
    "MONTHS_PER_PERIOD",
    "OPEN_STATUSES",
    "QUANTITATIVE",
    "ContributionDelivery",
    "Evidence",
    "Frequency",
    "Implementation",
    "Indicator",
    "IndicatorProgress",
    "IndicatorRevision",
    "Light",
    "Milestone",
    "Period",
    "PeriodTarget",
    "Report",
    "ReportEvent",
    "ReportStatus",
    "ReportValue",
    "ValueType",
    "value_display",
]
