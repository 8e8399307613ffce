"""Pages of agreements: recording them at a session, following them up, and the lists across committees."""

from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from audit.selectors import history_for
from axs_platform import fragments
from axs_platform.pagination import page_of, page_rows
from axs_platform.permissions import PredicateRequiredMixin, StaffRequiredMixin
from axs_platform.service_views import ServiceFormView

from .. import permissions, selectors, services
from ..forms import (
    AgreementFilterForm,
    AgreementForm,
)
from ..models import Agreement
from .committees import CommitteeMixin
from .sessions import OutcomeRefusalMixin, SessionMixin

AGREEMENTS_PER_PAGE = 50


class AgreementCreateView(OutcomeRefusalMixin, SessionMixin, ServiceFormView):
    template_name = "committees/form.html"
    predicate = staticmethod(permissions.can_record_session_outcome)
    refusal = staticmethod(services.agreement_refusal)
    success_message = gettext_lazy("The agreement has been recorded.")

    def get_form(self, form_class=None):
        organizations, people = selectors.agreement_choices(self.session)
        return AgreementForm(**self.get_form_kwargs(), organizations=organizations, people=people)

    def get_context_data(self, **kwargs):
        return super().get_context_data(title=_("New agreement"), **kwargs)

    def call_service(self, form):
        services.agreement_create(
            actor=self.request.user, session=self.session, request=self.request, **form.cleaned_data
        )


class AgreementUpdateView(PredicateRequiredMixin, ServiceFormView):
    template_name = "committees/form.html"
    success_message = gettext_lazy("The agreement has been saved.")

    def dispatch(self, request, *args, **kwargs):
        self.agreement = get_object_or_404(
            Agreement.objects.select_related("session__committee__goal", "responsible_organization"), pk=kwargs["pk"]
        )
        return super().dispatch(request, *args, **kwargs)

    def has_permission(self):
        return permissions.can_record_session_outcome(self.request.user, self.agreement.session)

    def get_form(self, form_class=None):
        organizations, people = selectors.agreement_choices(self.agreement.session, keeping=self.agreement)
        return AgreementForm(
            **self.get_form_kwargs(), instance=self.agreement, organizations=organizations, people=people
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            title=_("Follow up the agreement"),
            session=self.agreement.session,
            committee=self.agreement.session.committee,
            history=history_for(self.agreement, limit=50),
            **kwargs,
        )

    def call_service(self, form):
        services.agreement_update(
            actor=self.request.user, agreement=self.agreement, request=self.request, **form.cleaned_data
        )

    def get_success_url_for(self, result):
        return self.request.GET.get("next") if _safe_next(self.request) else self.agreement.session.get_absolute_url()


def _safe_next(request):
    target = request.GET.get("next", "")
    return target.startswith("/") and not target.startswith("//")


class AgreementListMixin:
    template_name = "committees/agreement_list.html"

    def agreement_page(self, committee=None, *, can_edit, across=False):
        """Return the page's body: the counts, the filter form and a page of agreements.

        It is rendered once per version of the committees' data, per filter, page and audience,
        and kept in the cache (the committees' services make it stale on every change).
        """
        query = sorted((key, value) for key, values in self.request.GET.lists() for value in values)
        parts = (committee.pk if committee else None, self.request.path, query, can_edit, across)
        body = fragments.fragment(
            [fragments.COMMITTEES],
            "agreements",
            parts,
            lambda: (self.render_body(committee, can_edit=can_edit, across=across), None),
        )
        return {"body": body}

    def render_body(self, committee, *, can_edit, across):
        form = AgreementFilterForm(self.request.GET or None, with_committee=committee is None)
        filters = {}
        page_committee = committee
        if form.is_valid():
            data = form.cleaned_data
            filters = {"status": data["status"], "overdue": data["overdue"], "query": data["q"]}
            if committee is None and data.get("committee"):
                committee = data["committee"]
        rows = selectors.agreements(committee=committee, **filters)
        query = self.request.GET.copy()
        query.pop("page", None)
        context = {
            "committee": page_committee,
            "filter_form": form,
            "agreements": page_of(self.request, page_rows(rows), AGREEMENTS_PER_PAGE),
            "query_without_page": query.urlencode(),
            "counts": selectors.agreement_counts(committee=committee),
            "today": timezone.localdate(),
            "can_edit": can_edit,
            "across": across,
        }
        return render_to_string("committees/includes/agreement_list_body.html", context, request=self.request)


class AgreementListView(StaffRequiredMixin, AgreementListMixin, TemplateView):
    """Staff's follow-up of agreements across every committee and plenary."""

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            **self.agreement_page(can_edit=True, across=True), across=True, can_edit=True, **kwargs
        )


class CommitteeAgreementListView(CommitteeMixin, PredicateRequiredMixin, AgreementListMixin, TemplateView):
    """A committee's follow-up of its agreements, for its members."""

    def has_permission(self):
        return permissions.can_see_committee_internals(self.request.user, self.committee)

    def get_context_data(self, **kwargs):
        user = self.request.user
        can_edit = permissions.is_staff_member(user) or permissions.is_secretary(user, self.committee.pk)
        return super().get_context_data(
            **self.agreement_page(self.committee, can_edit=can_edit), can_edit=can_edit, **kwargs
        )
