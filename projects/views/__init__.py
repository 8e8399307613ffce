"""Pages of calls, proposals, evaluation and published projects."""

from .ballot_management import BallotCancelView, BallotCloseView, BallotOpenView, BallotRunoffView, BallotTieView
from .ballots import BallotCSVView, BallotDetailView, BallotListView, BallotVoteView, ReceiptCheckView
from .calls import (
    CallCreateView,
    CallDetailView,
    CallListView,
    CallUpdateView,
    CommitteeProposalListView,
    EvaluationMatrixView,
)
from .evaluation import EvaluationView, EvaluatorAssignView, EvaluatorLoadView, MyEvaluationsView
from .management import ProposalManageView, SavedFilterDeleteView, SavedFilterSaveView
from .proposals import (
    AttachmentDownloadView,
    CommentCreateView,
    PartnerRespondView,
    ProposalDetailView,
    ProposalListView,
    ProposalPublishView,
    ProposalStartView,
    ProposalSubmitView,
    ProposalTransitionView,
    VersionView,
)
from .public import ProjectDetailView, ProjectFactSheetRefreshView, ProjectFactSheetView, ProjectListView
from .rounds import (
    BallotCreateView,
    CommitteeSelectionsView,
    EvidenceAddView,
    EvidenceDownloadView,
    RoundCloseView,
    RoundCreateView,
    RoundDetailView,
)
from .wizard import ProposalStepView

__all__ = [
    "AttachmentDownloadView",
    "BallotCSVView",
    "BallotCancelView",
    "BallotCloseView",
    "BallotCreateView",
    "BallotDetailView",
    "BallotListView",
    "BallotOpenView",
    "BallotRunoffView",
    "BallotTieView",
    "BallotVoteView",
    "CallCreateView",
    "CallDetailView",
    "CallListView",
    "CallUpdateView",
    "CommentCreateView",
    "CommitteeProposalListView",
    "CommitteeSelectionsView",
    "EvaluationMatrixView",
    "EvaluationView",
    "EvaluatorAssignView",
    "EvaluatorLoadView",
    "EvidenceAddView",
    "EvidenceDownloadView",
    "MyEvaluationsView",
    "PartnerRespondView",
    "ProjectDetailView",
    "ProjectFactSheetRefreshView",
    "ProjectFactSheetView",
    "ProjectListView",
    "ProposalDetailView",
    "ProposalListView",
    "ProposalManageView",
    "ProposalPublishView",
    "ProposalStartView",
    "ProposalStepView",
    "ProposalSubmitView",
    "ProposalTransitionView",
    "ReceiptCheckView",
    "RoundCloseView",
    "RoundCreateView",
    "RoundDetailView",
    "SavedFilterDeleteView",
    "SavedFilterSaveView",
    "VersionView",
]
