"""Writes on personal data requests and the calendar. Views, tasks and commands all call these."""

from .acknowledgements import notice_acknowledge
from .actions import ACTION_LABELS, AUDIT_SENTENCES, CHANGE_READERS
from .anonymize import legal_records_of, person_anonymize, request_cancel
from .calendar import holiday_add, holiday_remove, policy_update
from .exports import export_download, export_link_send
from .filing import request_file
from .incomplete import incomplete_close
from .notices import notice_publish, purposes_set, request_oppose
from .rectify import request_rectify
from .reminders import deadlines_remind
from .requests import (
    identity_verify,
    identity_verify_by_link,
    request_answer,
    request_ask_completion,
    request_complete,
    request_deny_unverified,
    request_extend,
    request_start,
    request_withdraw,
)
from .retention import retention_apply, retention_rule_set

__all__ = [
    "ACTION_LABELS",
    "AUDIT_SENTENCES",
    "CHANGE_READERS",
    "deadlines_remind",
    "export_download",
    "export_link_send",
    "holiday_add",
    "holiday_remove",
    "identity_verify",
    "incomplete_close",
    "legal_records_of",
    "notice_acknowledge",
    "notice_publish",
    "purposes_set",
    "person_anonymize",
    "request_cancel",
    "identity_verify_by_link",
    "policy_update",
    "request_answer",
    "request_ask_completion",
    "request_complete",
    "request_deny_unverified",
    "request_extend",
    "request_file",
    "request_oppose",
    "request_rectify",
    "request_start",
    "request_withdraw",
    "retention_apply",
    "retention_rule_set",
]
