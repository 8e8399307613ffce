"""The staff pages of the audit trail: browse and filter it, and verify its chain."""

from django.views.generic import ListView, TemplateView

from axs_platform.pagination import CappedPaginator
from axs_platform.permissions import StaffRequiredMixin

from .forms import AuditFilterForm
from .labels import readable_changes
from .models import AuditEvent
from .selectors import audit_events
from .verification import verify


class AuditEventListView(StaffRequiredMixin, ListView):
    """List audit events, newest first, filtered by the form in the query string."""

    template_name = "audit/event_list.html"
    context_object_name = "events"
    paginate_by = 50
    paginator_class = CappedPaginator

    def get_queryset(self):
        self.filter_form = AuditFilterForm(self.request.GET or None)
        if self.filter_form.is_bound and self.filter_form.is_valid():
            data = self.filter_form.cleaned_data
            return audit_events(
                actor_email=data["who"],
                action=data["action"],
                target_type_id=data["target_type"],
                target_id=data["target_id"],
                date_from=data["date_from"],
                date_to=data["date_to"],
            )
        if self.filter_form.is_bound:
            return AuditEvent.objects.none()
        return audit_events()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["filter_form"] = self.filter_form
        context["events"] = readable_changes(context["events"])
        query = self.request.GET.copy()
        query.pop("page", None)
        context["query_without_page"] = query.urlencode()
        return context


class AuditVerifyView(StaffRequiredMixin, TemplateView):
    """Verify the chain and the sealed records now, and say whether the record is intact."""

    template_name = "audit/verify.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(report=verify(), **kwargs)
