"""Every write on surveys that has a rule. Views, tasks and the demo call these."""

from .answering import (
    NotSubmitted,
    anonymous_saved_values,
    field_name,
    response_save,
    response_save_and_submit,
    response_submit,
    stored_values,
    visible_questions,
)
from .building import (
    condition_matches,
    question_create,
    question_delete,
    question_update,
    section_create,
    section_update,
    survey_archive,
    survey_close,
    survey_copy,
    survey_create,
    survey_publish,
    survey_update,
)
from .counting import survey_counts_rebuild
from .forming import committee_members_invite
from .invitations import (
    InvitationsSent,
    RemindersSent,
    SkipReason,
    invitation_contacts_erase,
    invitations_send,
    reminders_send,
)

__all__ = [
    "InvitationsSent",
    "NotSubmitted",
    "RemindersSent",
    "SkipReason",
    "anonymous_saved_values",
    "committee_members_invite",
    "condition_matches",
    "field_name",
    "invitation_contacts_erase",
    "invitations_send",
    "question_create",
    "question_delete",
    "question_update",
    "reminders_send",
    "response_save",
    "response_save_and_submit",
    "response_submit",
    "section_create",
    "section_update",
    "stored_values",
    "survey_archive",
    "survey_close",
    "survey_copy",
    "survey_counts_rebuild",
    "survey_create",
    "survey_publish",
    "survey_update",
    "visible_questions",
]
