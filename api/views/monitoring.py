"""Endpoints of progress reports under review: submitted, or returned with comments (``monitoring:report``).

The report page shows a report in every state to the project's reporters, partners and approvers
(``monitoring.permissions.can_view``); here the reports waiting for a decision or for their correction.
"""

from django.shortcuts import get_object_or_404

from monitoring import selectors as monitoring_selectors
from monitoring.permissions import can_view

from .. import filters, serializers
from .base import ReadOnlyViewSet, SignedIn


class ReportViewSet(ReadOnlyViewSet):
    """Reports under review of the projects the person follows as reporter, partner or approver (staff: all)."""

    permission_classes = [SignedIn]
    filterset_class = filters.ReportFilter

    def get_queryset(self):
        return monitoring_selectors.reports_under_review(self.request.user, full=self.action == "retrieve")

    def get_serializer_class(self):
        return serializers.ReportDetailSerializer if self.action == "retrieve" else serializers.ReportSerializer

    def get_object(self):
        report = get_object_or_404(self.get_queryset(), pk=self.kwargs["pk"])
        self.check_object(can_view(self.request.user, report.period.implementation))
        return report
