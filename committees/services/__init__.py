"""Every write on committees and sessions that has a rule. Views, commands and the demo call these."""

from .agreements import agreement_create, agreement_update
from .attendance import attendance_correct
from .calendar import calendar_feed_renew
from .committees import (
    MEMBERSHIP_TRANSITIONS,
    activity_create,
    activity_update,
    committee_close,
    committee_create,
    committee_update,
    membership_add,
    membership_mark_unknown,
    membership_request,
    membership_transition,
    post_appoint,
    priority_area_create,
    priority_area_update,
)
from .minutes import (
    minutes_approve,
    minutes_approve_draft,
    minutes_comment,
    minutes_save_draft,
    minutes_start_correction,
)
from .sessions import (
    agenda_item_add,
    agenda_item_move,
    agenda_item_update,
    attendance_confirm,
    attendance_record,
    attendance_refusal,
    document_add,
    session_cancel,
    session_schedule,
    session_update,
)

__all__ = [
    "calendar_feed_renew",
    "MEMBERSHIP_TRANSITIONS",
    "activity_create",
    "activity_update",
    "agenda_item_add",
    "agenda_item_move",
    "agenda_item_update",
    "agreement_create",
    "agreement_update",
    "attendance_confirm",
    "attendance_correct",
    "attendance_record",
    "attendance_refusal",
    "committee_close",
    "committee_create",
    "committee_update",
    "document_add",
    "membership_add",
    "membership_mark_unknown",
    "membership_request",
    "membership_transition",
    "minutes_approve",
    "minutes_approve_draft",
    "minutes_comment",
    "minutes_save_draft",
    "minutes_start_correction",
    "post_appoint",
    "priority_area_create",
    "priority_area_update",
    "session_cancel",
    "session_schedule",
    "session_update",
]
