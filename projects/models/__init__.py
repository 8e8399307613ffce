"""Calls, proposals and their consortium, content, history and evaluation."""

from .calls import Call
from .content import Activity, AlignedTarget, Attachment, BudgetLine, Component, ProjectIndicator
from .evaluation import Evaluation, EvaluationStatus, Score
from .proposals import (
    EDITABLE_BY_PROPOSER,
    PROJECT_STATUSES,
    PUBLISHABLE,
    VALUED_KINDS,
    ConsortiumMember,
    Contribution,
    ContributionKind,
    PartnerStatus,
    Proposal,
    ProposalComment,
    ProposalStatus,
    ProposalTransition,
    ProposalVersion,
)

__all__ = [
    "EDITABLE_BY_PROPOSER",
    "PROJECT_STATUSES",
    "PUBLISHABLE",
    "VALUED_KINDS",
    "Activity",
    "AlignedTarget",
    "Attachment",
    "BudgetLine",
    "Call",
    "Component",
    "ConsortiumMember",
    "Contribution",
    "ContributionKind",
    "Evaluation",
    "EvaluationStatus",
    "PartnerStatus",
    "ProjectIndicator",
    "Proposal",
    "ProposalComment",
    "ProposalStatus",
    "ProposalTransition",
    "ProposalVersion",
    "Score",
]
