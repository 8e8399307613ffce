"""Surveys: the questionnaire as built, the invitations, the responses and their answers."""

from .counts import ResultCount
from .responses import AnonymousDraft, Answer, Response, ResponseStatus, SurveyInvitation
from .structure import (
    CHOICE_KINDS,
    RANKED_KINDS,
    SCALE_MAX,
    SCALE_MIN,
    TEXT_KINDS,
    Audience,
    Option,
    Question,
    QuestionKind,
    ResponseUnit,
    Section,
    Survey,
    SurveyPurpose,
    SurveyState,
)

__all__ = [
    "CHOICE_KINDS",
    "RANKED_KINDS",
    "SCALE_MAX",
    "SCALE_MIN",
    "TEXT_KINDS",
    "AnonymousDraft",
    "Answer",
    "Audience",
    "Option",
    "Question",
    "QuestionKind",
    "Response",
    "ResponseStatus",
    "ResponseUnit",
    "ResultCount",
    "Section",
    "Survey",
    "SurveyInvitation",
    "SurveyPurpose",
    "SurveyState",
]
