"""Every write with a rule in monitoring: the plan (``plan``) and the reports (``reports``)."""

from .plan import (
    implementation_set_grace,
    implementation_start,
    indicator_revise,
    indicator_split_target,
    period_bounds,
)
from .progress import progress_refresh, progress_refresh_all
from .reports import (
    EVIDENCE_MAX_BYTES,
    evidence_add,
    evidence_removable,
    evidence_remove,
    evidence_validator,
    milestones_sync,
    report_approve,
    report_return,
    report_save,
    report_start,
    report_submit,
)

__all__ = [
    "EVIDENCE_MAX_BYTES",
    "evidence_add",
    "evidence_remove",
    "evidence_removable",
    "evidence_validator",
    "implementation_set_grace",
    "implementation_start",
    "indicator_revise",
    "indicator_split_target",
    "milestones_sync",
    "period_bounds",
    "progress_refresh",
    "progress_refresh_all",
    "report_approve",
    "report_return",
    "report_save",
    "report_start",
    "report_submit",
]
