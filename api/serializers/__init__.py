"""Serializers of the read API: they shape rows that the selectors and predicates already chose; no rules here."""

from .directory import (
    CommitteeSerializer,
    GoalSerializer,
    IndicatorSerializer,
    MembershipSerializer,
    OrganizationSerializer,
    TargetSerializer,
)
from .meetings import AgreementSerializer, SessionSerializer
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
    "BallotSerializer",
    "CallSerializer",
    "CommitteeSerializer",
    "GoalSerializer",
    "IndicatorSerializer",
    "MembershipSerializer",
    "OrganizationSerializer",
    "ProjectDetailSerializer",
    "ProjectSerializer",
    "ProposalSerializer",
    "SessionSerializer",
    "SurveyResultsSerializer",
    "SurveySerializer",
    "TargetSerializer",
]
