"""Endpoints of an evaluator's own evaluations, with their scores and comments (``projects:my-evaluations`` and
``projects:evaluation``). What reviewers see of evaluations is on the proposal and call endpoints.
"""

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view

from projects import selectors as project_selectors
from projects.models import Evaluation
from projects.permissions import can_open_evaluation, is_evaluator

from .. import filters, serializers
from .base import ReadOnlyViewSet, SignedIn


class Evaluator(SignedIn):
    """The evaluator's list answers 403 to anyone else, as its page does."""

    message = _("This list is for evaluators.")

    def has_permission(self, request, view):
        return super().has_permission(request, view) and is_evaluator(request.user)


NOT_AN_EVALUATOR = OpenApiResponse(description="The token's person is not an evaluator.")


@extend_schema_view(
    list=extend_schema(responses={200: serializers.EvaluationSerializer(many=True), 403: NOT_AN_EVALUATOR}),
    retrieve=extend_schema(responses={200: serializers.EvaluationDetailSerializer, 403: NOT_AN_EVALUATOR}),
)
class EvaluationViewSet(ReadOnlyViewSet):
    """The evaluations assigned to the person (not withdrawn), pending first; each with its scores and comments."""

    permission_classes = [Evaluator]
    filterset_class = filters.EvaluationFilter

    def get_queryset(self):
        if not is_evaluator(self.request.user):
            return Evaluation.objects.none()
        evaluations = project_selectors.evaluations_of(self.request.user)
        if self.action == "retrieve":
            evaluations = evaluations.prefetch_related("scores")
        return evaluations

    def get_serializer_class(self):
        if self.action == "retrieve":
            return serializers.EvaluationDetailSerializer
        return serializers.EvaluationSerializer

    def get_object(self):
        evaluation = get_object_or_404(self.get_queryset(), pk=self.kwargs["pk"])
        self.check_object(can_open_evaluation(self.request.user, evaluation))
        return evaluation
