"""Serializers of the read API: they shape rows that the selectors and predicates already chose; no rules here."""

from .directory import (
    CommitteeSerializer,
    GoalSerializer,
    IndicatorSerializer,
    MembershipSerializer,
    OrganizationSerializer,
    TargetSerializer,
)
from .evaluations import (
    EvaluationDetailSerializer,
    EvaluationSerializer,
    MatrixRowSerializer,
    ProposalEvaluationSerializer,
)
from .meetings import (
    AgreementSerializer,
    AttendanceSerializer,
    MinutesSerializer,
    QuorumSerializer,
    SessionSerializer,
)
from .monitoring import ReportDetailSerializer, ReportSerializer
from .projects import (
    BallotSerializer,
    CallSerializer,
    ProjectDetailSerializer,
    ProjectSerializer,
    ProposalSerializer,
    SurveyResultsSerializer,
    SurveySerializer,
)

__all__ = [
    "AgreementSerializer",
    "AttendanceSerializer",
    "BallotSerializer",
    "CallSerializer",
    "CommitteeSerializer",
    "EvaluationDetailSerializer",
    "EvaluationSerializer",
    "GoalSerializer",
    "IndicatorSerializer",
    "MatrixRowSerializer",
    "MembershipSerializer",
    "MinutesSerializer",
    "OrganizationSerializer",
    "ProjectDetailSerializer",
    "ProjectSerializer",
    "ProposalEvaluationSerializer",
    "ProposalSerializer",
    "QuorumSerializer",
    "ReportDetailSerializer",
    "ReportSerializer",
    "SessionSerializer",
    "SurveyResultsSerializer",
    "SurveySerializer",
    "TargetSerializer",
]
