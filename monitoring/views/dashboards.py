"""The monitoring dashboards: the alliance's (staff) and a committee's (its chair, secretary and staff)."""

import datetime

from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import get_language
from django.views.generic import TemplateView

from axs_platform.permissions import PredicateRequiredMixin, is_staff_member
from committees.models import Committee
from committees.permissions import is_chair, is_secretary
from documents.services import document_request

from ..dashboard import dashboard
from ..documents import ALLIANCE_PROGRESS
from ..forms import AllianceProgressForm
from ..models import Implementation

PROGRESS_SINCE = datetime.date(2018, 1, 1)  # the first projects went into implementation in 2018


class AllianceDashboardView(PredicateRequiredMixin, TemplateView):
    """The alliance's dashboard; its form asks for the alliance progress report of a period (POST)."""

    template_name = "monitoring/dashboard.html"
    permission_predicate = is_staff_member

    def get_context_data(self, **kwargs):
        data = dashboard(Implementation.objects.all(), timezone.localdate())
        kwargs.setdefault(
            "pdf_form",
            AllianceProgressForm(
                initial={"start": PROGRESS_SINCE, "end": timezone.localdate(), "language": get_language()}
            ),
        )
        return super().get_context_data(committee=None, **data, **kwargs)

    def post(self, request, *args, **kwargs):
        form = AllianceProgressForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(pdf_form=form))
        document = document_request(
            actor=request.user,
            kind=ALLIANCE_PROGRESS,
            language=form.cleaned_data["language"],
            params={"start": form.cleaned_data["start"].isoformat(), "end": form.cleaned_data["end"].isoformat()},
            request=request,
        )
        return redirect(document)


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
