"""Every write on member organizations that has a rule. Views, commands and the demo call these."""

from .due_diligence import check_review_open, checklist_save, evidence_add, review_decide, review_start
from .imports import check_rows, organizations_import
from .organizations import (
    MAX_PRIORITIES,
    PARTICIPATION_TRANSITIONS,
    PROFILE_FIELDS,
    organization_archive,
    organization_create,
    organization_restore,
    organization_update,
    participation_change,
    participation_mark_unknown,
    priorities_set,
)
from .people import (
    check_invitation_usable,
    invitation_accept,
    invitation_create,
    invitation_for_token,
    invitation_resend,
    invitation_revoke,
    primary_contact_set,
    representative_attach,
    representative_remove,
)

__all__ = [
    "MAX_PRIORITIES",
    "PARTICIPATION_TRANSITIONS",
    "PROFILE_FIELDS",
    "check_invitation_usable",
    "check_review_open",
    "check_rows",
    "checklist_save",
    "evidence_add",
    "invitation_accept",
    "invitation_create",
    "invitation_for_token",
    "invitation_resend",
    "invitation_revoke",
    "organization_archive",
    "organization_create",
    "organization_restore",
    "organization_update",
    "organizations_import",
    "participation_change",
    "participation_mark_unknown",
    "primary_contact_set",
    "priorities_set",
    "representative_attach",
    "representative_remove",
    "review_decide",
    "review_start",
]
