"""Member organizations, their people, participation history, due diligence and SDG priorities."""

from .due_diligence import (
    ChecklistAnswer,
    Decision,
    DueDiligenceReview,
    Evidence,
    Finding,
    RiskQuestion,
    RiskRating,
)
from .organizations import (
    PUBLIC_PARTICIPATION_STATUSES,
    SME_SIZES,
    AllianceRole,
    DueDiligenceState,
    Organization,
    OrganizationSize,
    OrganizationType,
    ParticipationChange,
    ParticipationStatus,
    SDGPriority,
    Sector,
)
from .people import Invitation, InvitationStatus, Representative, hash_token

__all__ = [
    "PUBLIC_PARTICIPATION_STATUSES",
    "SME_SIZES",
    "AllianceRole",
    "ChecklistAnswer",
    "Decision",
    "DueDiligenceReview",
    "DueDiligenceState",
    "Evidence",
    "Finding",
    "Invitation",
    "InvitationStatus",
    "Organization",
    "OrganizationSize",
    "OrganizationType",
    "ParticipationChange",
    "ParticipationStatus",
    "Representative",
    "RiskQuestion",
    "RiskRating",
    "SDGPriority",
    "Sector",
    "hash_token",
]
