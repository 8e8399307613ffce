"""Endpoints of calls (and their evaluation matrix), proposals (and their evaluators), published projects, closed
ballots and surveys' results.

Calls, proposals, ballots and surveys are behind sign-in on the pages, so here behind a token; each object is
checked again with the page's predicate. Projects are public once published.
"""

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework.decorators import action

from projects import selectors as project_selectors
from projects.models import Proposal
from projects.permissions import can_review, can_see_matrix, can_see_results, can_view_proposal
from surveys.models import TEXT_KINDS, QuestionKind
from surveys.permissions import can_manage_survey
from surveys.selectors import results as survey_results

from .. import filters, selectors, serializers
from .base import ReadOnlyViewSet, SignedIn


class CallViewSet(ReadOnlyViewSet):
    """Calls for proposals, with how many proposals each received (signed-in people)."""

    permission_classes = [SignedIn]
    serializer_class = serializers.CallSerializer
    filterset_class = filters.CallFilter

    def get_queryset(self):
        return selectors.calls(self.request.user)

    @extend_schema(responses=serializers.MatrixRowSerializer(many=True), filters=False)
    @action(detail=True, filterset_class=None, serializer_class=serializers.MatrixRowSerializer)
    def matrix(self, request, pk=None):
        """The call's evaluation matrix, best first (staff, the committee's chair): averages per criterion, weighted
        total, spread and counts of the submitted evaluations; never one evaluator's scores.
        """
        call = self.get_object()
        self.check_object(can_see_matrix(request.user, call))
        rows, weights = project_selectors.evaluation_matrix(call)
        page = project_selectors.matrix_details(self.paginate_queryset(rows), weights)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)


class ProposalViewSet(ReadOnlyViewSet):
    """The proposals the person's pages list: their organization's (drafts included), those they review as staff
    or chair once submitted, those assigned to them to evaluate. Never evaluations or comments.
    """

    permission_classes = [SignedIn]
    serializer_class = serializers.ProposalSerializer
    filterset_class = filters.ProposalFilter

    def get_queryset(self):
        return selectors.proposals(self.request.user)

    def get_object(self):
        proposal = get_object_or_404(self.get_queryset(), pk=self.kwargs["pk"])
        self.check_object(can_view_proposal(self.request.user, proposal))
        return proposal

    @extend_schema(responses=serializers.ProposalEvaluationSerializer(many=True), filters=False)
    @action(detail=True, filterset_class=None, serializer_class=serializers.ProposalEvaluationSerializer)
    def evaluations(self, request, pk=None):
        """The proposal's evaluators and where their work stands, for its reviewers (staff, the committee's chair)."""
        proposal = self.get_object()
        self.check_object(can_review(request.user, proposal))
        page = self.paginate_queryset(project_selectors.proposal_evaluations(proposal))
        return self.get_paginated_response(self.get_serializer(page, many=True).data)


class ProjectViewSet(ReadOnlyViewSet):
    """Published projects, with their accepted consortium, SDG alignment, results matrix and approved progress."""

    filterset_class = filters.ProjectFilter

    def get_queryset(self):
        if self.action == "retrieve":
            return project_selectors.proposal_full().filter(pk__in=Proposal.objects.published())
        return selectors.projects()

    def get_serializer_class(self):
        return serializers.ProjectDetailSerializer if self.action == "retrieve" else serializers.ProjectSerializer


class BallotViewSet(ReadOnlyViewSet):
    """Closed ballots and their results (counts, turnout, quorum, selection), for signed-in people."""

    permission_classes = [SignedIn]
    serializer_class = serializers.BallotSerializer
    filterset_class = filters.BallotFilter

    def get_queryset(self):
        return selectors.closed_ballots(self.request.user)

    def get_object(self):
        ballot = get_object_or_404(self.get_queryset(), pk=self.kwargs["pk"])
        self.check_object(can_see_results(self.request.user, ballot))
        return ballot


def aggregate(survey):
    """Return the survey with ``respondents`` and ``questions``: counts only, no written answer."""
    respondents, results = survey_results.survey_results(survey, texts_shown=0)
    survey.respondents = respondents
    survey.question_results = []
    # As on the results page: an anonymous survey's counts wait for its close and five respondents.
    survey.results_withheld = survey_results.results_withheld(survey, respondents)
    if survey.results_withheld:
        return survey
    for result in results:
        if result["kind"] in TEXT_KINDS:
            continue
        numbers = result.get("numbers") or {}
        average = result.get("average") if result["kind"] == QuestionKind.SCALE else numbers.get("average")
        survey.question_results.append(
            {
                "question": result["question"].text,
                "kind": result["kind"],
                "answered": result["answered"],
                "rows": [{"label": r["label"], "count": r["count"], "percent": r["percent"]} for r in result["rows"]],
                "average": float(average) if average is not None else None,
            }
        )
    return survey


class SurveyViewSet(ReadOnlyViewSet):
    """Surveys whose results the person may read (staff all, a chair their committee's), results in aggregate."""

    permission_classes = [SignedIn]

    def get_queryset(self):
        return selectors.surveys(self.request.user)

    def get_serializer_class(self):
        return serializers.SurveyResultsSerializer if self.action == "retrieve" else serializers.SurveySerializer

    def get_object(self):
        survey = get_object_or_404(self.get_queryset(), pk=self.kwargs["pk"])
        self.check_object(can_manage_survey(self.request.user, survey))
        return aggregate(survey)
