"""The staff pages of the audit trail: browse and filter it, and verify its chain."""

from django.views.generic import TemplateView

from axs_platform.pagination import KeysetPage
from axs_platform.permissions import StaffRequiredMixin

from .forms import AuditFilterForm
from .labels import readable_changes
from .models import AuditEvent
from .selectors import audit_events
from .verification import verify


class AuditEventListView(StaffRequiredMixin, TemplateView):
    """List audit events, newest first, filtered by the form in the query string.

    Pages are read by key (the rows after or before a row: older or newer), so the 4,000th page of a trail of
    hundreds of thousands of events costs what the first does.
    """

    template_name = "audit/event_list.html"
    paginate_by = 50

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
        page = KeysetPage(self.request, self.get_queryset(), self.paginate_by, key="created_at")
        context["page_obj"] = page
        context["filter_form"] = self.filter_form
        context["events"] = readable_changes(page.object_list)
        query = self.request.GET.copy()
        for key in ("page", "after", "before"):
            query.pop(key, None)
        context["query_without_page"] = query.urlencode()
        return context


class AuditVerifyView(StaffRequiredMixin, TemplateView):
    """Explain the verification; on POST, verify the chain and the sealed records now and say whether they hold.

    The walk reads every event (seconds on a large trail), so it runs when staff ask for it, not on every load.
    """

    template_name = "audit/verify.html"

    def post(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(report=verify(), **kwargs))
