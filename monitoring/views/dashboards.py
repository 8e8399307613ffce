"""The monitoring dashboards: the alliance's (staff) and a committee's (its chair, secretary and staff).

The figures are one fragment (``axs_platform.fragments``, areas monitoring, proposals and committees,
whose services bump them), rendered once per version of the data, language and day; the form around
it is not cached.
"""

import datetime

from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import get_language
from django.views.generic import TemplateView

from axs_platform import fragments
from axs_platform.permissions import PredicateRequiredMixin, is_staff_member
from committees.models import Committee
from committees.permissions import is_chair, is_secretary
from documents.services import document_request

from ..dashboard import dashboard
from ..documents import ALLIANCE_PROGRESS
from ..forms import AllianceProgressForm
from ..models import Implementation

PROGRESS_SINCE = datetime.date(2018, 1, 1)  # the first projects went into implementation in 2018


def dashboard_context(request, implementations, committee):
    """Return the dashboard's figures, ``body`` (the cached fragment, one per page of projects) and ``has_demo``."""
    page = request.GET.get("page", "1")
    page = int(page) if page.isdigit() else 1  # a page past the end shows the last, as Paginator.get_page does
    # The dashboards take no other parameter: the cache is keyed by the page alone, so arbitrary query
    # strings cannot fill it with copies of the same page.
    query_without_page = ""

    def render():
        data = dashboard(implementations, timezone.localdate(), page=page)
        context = {**data, "committee": committee, "query_without_page": query_without_page}
        return render_to_string("monitoring/includes/dashboard_body.html", context), None

    body = fragments.fragment(
        [fragments.MONITORING, fragments.PROPOSALS, fragments.COMMITTEES],
        "monitoring-dashboard",
        (committee.pk if committee else None, page),
        render,
    )
    return {"body": body, "has_demo": implementations.filter(is_demo=True).exists(), "committee": committee}


class AllianceDashboardView(PredicateRequiredMixin, TemplateView):
    """The alliance's dashboard; its form asks for the alliance progress report of a period (POST)."""

    template_name = "monitoring/dashboard.html"
    permission_predicate = is_staff_member

    def get_context_data(self, **kwargs):
        data = dashboard_context(self.request, Implementation.objects.all(), None)
        kwargs.setdefault(
            "pdf_form",
            AllianceProgressForm(
                initial={"start": PROGRESS_SINCE, "end": timezone.localdate(), "language": get_language()}
            ),
        )
        return super().get_context_data(**data, **kwargs)

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
        implementations = Implementation.objects.filter(proposal__committee=self.committee)
        data = dashboard_context(self.request, implementations, self.committee)
        return super().get_context_data(**data, **kwargs)
