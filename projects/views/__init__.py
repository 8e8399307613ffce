"""Pages of calls, proposals, evaluation and published projects."""

from .calls import (
    CallCreateView,
    CallDetailView,
    CallListView,
    CallUpdateView,
    CommitteeProposalListView,
    EvaluationMatrixView,
)
from .evaluation import EvaluationView, EvaluatorAssignView, MyEvaluationsView
from .proposals import (
    AttachmentDownloadView,
    CommentCreateView,
    PartnerRespondView,
    ProposalDetailView,
    ProposalListView,
    ProposalPublishView,
    ProposalStartView,
    ProposalStepView,
    ProposalSubmitView,
    ProposalTransitionView,
    VersionView,
)
from .public import ProjectDetailView, ProjectListView

__all__ = [
    "AttachmentDownloadView",
    "CallCreateView",
    "CallDetailView",
    "CallListView",
    "CallUpdateView",
    "CommentCreateView",
    "CommitteeProposalListView",
    "EvaluationMatrixView",
    "EvaluationView",
    "EvaluatorAssignView",
    "MyEvaluationsView",
    "PartnerRespondView",
    "ProjectDetailView",
    "ProjectListView",
    "ProposalDetailView",
    "ProposalListView",
    "ProposalPublishView",
    "ProposalStartView",
    "ProposalStepView",
    "ProposalSubmitView",
    "ProposalTransitionView",
    "VersionView",
]
