"""Pages of calls for proposals: the list, one call with its proposals, the committee's proposals, the matrix."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.defaultfilters import floatformat
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView

from axs_platform import fragments
from axs_platform.forms import add_service_errors
from axs_platform.pagination import page_of, page_rows, query_without
from axs_platform.permissions import PredicateRequiredMixin, is_staff_member
from committees.models import Committee
from committees.permissions import current_organization

from .. import permissions, selectors, services
from ..forms import CallForm
from ..models import Call, ProposalStatus

PER_PAGE = 50
MATRIX_ROWS_PER_PAGE = 50


def with_status_badges(proposals):
    """Give each proposal its status badge as HTML, rendering the badge once per distinct status.

    ``proposal_rows.html`` shows it; including the badge's template on every row cost more than
    the rest of the row.
    """
    badges = {}
    proposals = list(proposals)
    for proposal in proposals:
        if proposal.status not in badges:
            badges[proposal.status] = render_to_string("projects/includes/status.html", {"proposal": proposal})
        proposal.status_badge = badges[proposal.status]
    return proposals


def proposals_body(request, name, scope, rows, *, template="projects/includes/proposal_list_body.html", **context):
    """Return the HTML of a proposal list (status filter, rows, pagination), cached per data version.

    The body depends only on the proposals, the page and the status asked for, the language and
    ``key_parts`` (e.g. the committees a chair may review): it is rendered once per version of the
    data (the services that change proposals bump it) and read from the cache after that. ``scope`` names whose
    proposals they are (a call, a committee, the committees a chair reviews).
    """
    status = request.GET.get("status", "")
    page = request.GET.get("page")

    def render():
        proposals = page_of(request, page_rows(rows), PER_PAGE)
        proposals.object_list = with_status_badges(proposals.object_list)
        body_context = {
            "proposals": proposals,
            "statuses": ProposalStatus.choices,
            "status": status,
            "query_without_page": query_without(request, "page"),
            **context,
        }
        return render_to_string(template, body_context, request=request), None

    key = (scope, status, page, query_without(request, "page"))
    return fragments.fragment([fragments.PROPOSALS], name, key, render)


class CallListView(PredicateRequiredMixin, TemplateView):
    """Open and past calls; staff and chairs see how many proposals each received."""

    template_name = "projects/call_list.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        calls = selectors.calls_for(user)
        return super().get_context_data(
            calls=page_of(self.request, calls, PER_PAGE),
            can_create=permissions.can_manage_calls(user),
            chaired=permissions.chaired_committee_ids(user),
            is_staff=is_staff_member(user),
            **kwargs,
        )


class CallFormMixin(PredicateRequiredMixin, FormView):
    template_name = "projects/form.html"
    form_class = CallForm

    def committees(self):
        committees = Committee.objects.open().select_related("goal")
        if is_staff_member(self.request.user):
            return committees
        return committees.filter(pk__in=permissions.chaired_committee_ids(self.request.user))

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "committees": self.committees(), "instance": getattr(self, "call", None)}

    def form_valid(self, form):
        try:
            call = self.save(form)
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("The call was saved."))
        return redirect(call)


class CallCreateView(CallFormMixin):
    def has_permission(self):
        return permissions.can_manage_calls(self.request.user)

    def get_context_data(self, **kwargs):
        return super().get_context_data(title=_("Open a call for proposals"), **kwargs)

    def save(self, form):
        data = form.cleaned_data
        return services.call_create(
            actor=self.request.user,
            committee=data["committee"],
            title=data["title"],
            guidance=data["guidance"],
            opens_on=data["opens_on"],
            closes_on=data["closes_on"],
            weights=form.weights,
            request=self.request,
        )


class CallUpdateView(CallFormMixin):
    def dispatch(self, request, *args, **kwargs):
        self.call = get_object_or_404(Call.objects.select_related("committee"), pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def has_permission(self):
        return permissions.can_manage_calls(self.request.user, self.call.committee)

    def get_context_data(self, **kwargs):
        return super().get_context_data(title=_("Change the call"), call=self.call, **kwargs)

    def save(self, form):
        data = form.cleaned_data
        return services.call_update(
            actor=self.request.user,
            call=self.call,
            title=data["title"],
            guidance=data["guidance"],
            opens_on=data["opens_on"],
            closes_on=data["closes_on"],
            weights=form.weights,
            request=self.request,
        )


class CallDetailView(PredicateRequiredMixin, TemplateView):
    """A call: its guidance and dates; for staff and the chair, the proposals as they arrive."""

    template_name = "projects/call_detail.html"

    def dispatch(self, request, *args, **kwargs):
        self.call = get_object_or_404(Call.objects.select_related("committee__goal"), pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        user = self.request.user
        context = {
            "call": self.call,
            "can_start": permissions.can_start_proposal(user, self.call),
            "can_manage": permissions.can_manage_calls(user, self.call.committee),
            "can_see_proposals": permissions.can_see_call_proposals(user, self.call),
            "can_see_matrix": permissions.can_see_matrix(user, self.call),
            "statuses": ProposalStatus.choices,
            "status": self.request.GET.get("status", ""),
        }
        if context["can_see_proposals"]:
            context["proposals_body"] = proposals_body(
                self.request,
                "call-proposals",
                self.call.pk,
                selectors.proposal_rows(call=self.call, status=context["status"]),
            )
        return super().get_context_data(**context, **kwargs)


class CommitteeProposalListView(PredicateRequiredMixin, TemplateView):
    """Every proposal submitted to a committee, across its calls (staff and the chair)."""

    template_name = "projects/committee_proposals.html"

    def dispatch(self, request, *args, **kwargs):
        self.committee = get_object_or_404(Committee.objects.select_related("goal"), pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def has_permission(self):
        user = self.request.user
        return is_staff_member(user) or self.committee.pk in permissions.chaired_committee_ids(user)

    def get_context_data(self, **kwargs):
        user = self.request.user
        status = self.request.GET.get("status", "")
        rows, scope = selectors.proposal_rows(committee=self.committee, status=status), self.committee.pk
        if not is_staff_member(user):
            # A chair's list leaves out the calls her organization competes in (``can_review``). Which calls
            # those are follows from her organization and the proposals (their services bump the cache).
            rows = permissions.without_conflicts(rows, user)
            organization = current_organization(user)
            scope = (self.committee.pk, "chair", organization.pk if organization else None)
        body = proposals_body(self.request, "committee-proposals", scope, rows, show_call=True)
        return super().get_context_data(committee=self.committee, proposals_body=body, **kwargs)


class EvaluationMatrixView(PredicateRequiredMixin, TemplateView):
    """The call's evaluation matrix: averages per criterion, weighted total, spread and ranking."""

    template_name = "projects/evaluation_matrix.html"

    def dispatch(self, request, *args, **kwargs):
        self.call = get_object_or_404(Call.objects.select_related("committee"), pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def has_permission(self):
        if not permissions.can_see_matrix(self.request.user, self.call):
            raise PermissionDenied
        return True

    def get_context_data(self, **kwargs):
        # Everyone who may see the matrix sees the same one: it is rendered once per version of the
        # proposals and evaluations (their services bump it).
        page = self.request.GET.get("page")
        body = fragments.fragment(
            [fragments.PROPOSALS, fragments.MATRIX], "matrix", (self.call.pk, page), lambda: (self.render_body(), None)
        )
        return super().get_context_data(call=self.call, body=body, **kwargs)

    def render_body(self):
        # Ordered, ranked and paged in SQL from the kept totals: only the page asked for is read and rendered.
        rows, weights = selectors.evaluation_matrix(self.call)
        rows = page_of(self.request, rows, MATRIX_ROWS_PER_PAGE)
        rows.object_list = selectors.matrix_details(rows.object_list, weights)
        add_matrix_cells(rows.object_list)
        context = {"call": self.call, "rows": rows, "weights": weights}
        return render_to_string("projects/includes/evaluation_matrix_body.html", context, request=self.request)


def add_matrix_cells(rows):
    """Give each matrix row its figures as ready HTML cells, formatted as ``floatformat`` would.

    A matrix of 200 proposals has 3,000 figures; run through the template language one by one they
    cost more than the rest of the page. The figures repeat (averages of a few marks from 0 to 5),
    so each distinct value is formatted once, by ``floatformat`` itself, in the request's language.
    """
    formatted = {}
    status_labels = {value: str(label) for value, label in ProposalStatus.choices}

    def figure(value, digits):
        if value is None:
            return "—"
        key = (value, digits)
        if key not in formatted:
            formatted[key] = floatformat(value, digits) or "—"
        return formatted[key]

    for row in rows:
        row["average_cells"] = mark_safe(  # noqa: S308 (numbers and a dash only)
            "".join(f'<td class="text-end">{figure(average, 1)}</td>' for _criterion, average in row["averages"])
        )
        row["status_text"] = status_labels.get(row["proposal"].status, row["proposal"].status)
        row["total_text"] = figure(row["total"], 2)
        row["spread_text"] = figure(row["spread"], 2)
