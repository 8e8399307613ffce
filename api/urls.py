"""The read API under ``/api/v1/``, its schema and documentation, and the staff's token pages (``/api/claves/``)."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import DefaultRouter

from .views import datasets, directory, docs, evaluations, meetings, monitoring, projects, tokens

app_name = "api"

router = DefaultRouter()
router.include_format_suffixes = False  # one address per resource: JSON is the only format
router.register("goals", directory.GoalViewSet, basename="goal")
router.register("targets", directory.TargetViewSet, basename="target")
router.register("indicators", directory.IndicatorViewSet, basename="indicator")
router.register("organizations", directory.OrganizationViewSet, basename="organization")
router.register("committees", directory.CommitteeViewSet, basename="committee")
router.register("memberships", directory.MembershipViewSet, basename="membership")
router.register("sessions", meetings.SessionViewSet, basename="session")
router.register("calls", projects.CallViewSet, basename="call")
router.register("proposals", projects.ProposalViewSet, basename="proposal")
router.register("projects", projects.ProjectViewSet, basename="project")
router.register("evaluations", evaluations.EvaluationViewSet, basename="evaluation")
router.register("reports", monitoring.ReportViewSet, basename="report")
router.register("ballots", projects.BallotViewSet, basename="ballot")
router.register("surveys", projects.SurveyViewSet, basename="survey")
router.register("datasets", datasets.DatasetViewSet, basename="dataset")

urlpatterns = [
    path("v1/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("v1/docs/", docs.DocsView.as_view(), name="docs"),
    path("v1/", include(router.urls)),
    path("claves/", tokens.TokenListView.as_view(), name="token-list"),
    path("claves/<int:pk>/revocar/", tokens.TokenRevokeView.as_view(), name="token-revoke"),
    path("claves/mias/<int:pk>/revocar/", tokens.MyTokenRevokeView.as_view(), name="my-token-revoke"),
]
