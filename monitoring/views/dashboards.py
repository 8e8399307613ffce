"""The monitoring dashboards: the alliance's (staff) and a committee's (its chair, secretary and staff)."""

from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.views.generic import TemplateView

from axs_platform.permissions import PredicateRequiredMixin, is_staff_member
from committees.models import Committee
from committees.permissions import is_chair, is_secretary

from ..dashboard import dashboard
from ..models import Implementation


class AllianceDashboardView(PredicateRequiredMixin, TemplateView):
    template_name = "monitoring/dashboard.html"
    permission_predicate = is_staff_member

    def get_context_data(self, **kwargs):
        data = dashboard(Implementation.objects.all(), timezone.localdate())
        return super().get_context_data(committee=None, **data, **kwargs)


class CommitteeDashboardView(PredicateRequiredMixin, TemplateView):
    template_name = "monitoring/dashboard.html"

    def dispatch(self, request, *args, **kwargs):
        self.committee = get_object_or_404(Committee, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def has_permission(self):
        user, pk = self.request.user, self.committee.pk
        return is_staff_member(user) or is_chair(user, pk) or is_secretary(user, pk)

    def get_context_data(self, **kwargs):
        data = dashboard(Implementation.objects.filter(proposal__committee=self.committee), timezone.localdate())
        return super().get_context_data(committee=self.committee, **data, **kwargs)
