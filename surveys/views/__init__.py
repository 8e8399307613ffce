"""Survey pages: the builder, sending and response rate, results and exports, and the respondent's pages."""

from .answering import AnswerThanksView, AnswerView, MySurveysView
from .building import (
    QuestionCreateView,
    QuestionDeleteView,
    QuestionUpdateView,
    SectionCreateView,
    SectionUpdateView,
    SurveyArchiveView,
    SurveyCloseView,
    SurveyCopyView,
    SurveyCreateView,
    SurveyDetailView,
    SurveyListView,
    SurveyPublishView,
    SurveyUpdateView,
)
from .results import (
    CommitteeProposalsView,
    ExportCsvView,
    ExportExcelView,
    InvitationListView,
    InvitationSendView,
    ReminderSendView,
    ResultsView,
)

__all__ = [
    "AnswerThanksView",
    "AnswerView",
    "CommitteeProposalsView",
    "ExportCsvView",
    "ExportExcelView",
    "InvitationListView",
    "InvitationSendView",
    "MySurveysView",
    "QuestionCreateView",
    "QuestionDeleteView",
    "QuestionUpdateView",
    "ReminderSendView",
    "ResultsView",
    "SectionCreateView",
    "SectionUpdateView",
    "SurveyArchiveView",
    "SurveyCloseView",
    "SurveyCopyView",
    "SurveyCreateView",
    "SurveyDetailView",
    "SurveyListView",
    "SurveyPublishView",
    "SurveyUpdateView",
]
