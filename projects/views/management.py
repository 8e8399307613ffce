"""The staff's proposal list: filters with counts, the query line, sorts, saved filters and bulk actions.

GET shows the list (a plain form: it works without JavaScript); POST acts on the ticked proposals
through the same services as the one-proposal pages, and says which ones failed and why.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import QueryDict
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views import View
from django.views.generic import TemplateView

from axs_platform import fragments
from axs_platform.forms import add_service_errors
from axs_platform.pagination import page_of, page_rows
from axs_platform.permissions import PredicateRequiredMixin

from .. import permissions, services, triage
from ..forms_management import BulkActionForm, SavedFilterForm
from ..models import SavedFilter
from ..services import management
from ..triage.facets import row_details, sorted_proposals
from .calls import with_status_badges
from .proposals import TRANSITION_LABELS

PER_PAGE = 25
FAILURES_SHOWN = 20


def _facet_labels():
    return {
        "estado": _("Status"),
        "convocatoria": _("Call"),
        "comite": _("Committee"),
        "ods": _("SDG"),
        "organizacion": _("Lead organization"),
        "evaluador": _("Evaluator"),
        "evaluacion": _("Evaluation"),
    }


def _sort_choices():
    return [
        ("actividad", _("Last activity, latest first")),
        ("-actividad", _("Last activity, oldest first")),
        ("envio", _("Submission date, latest first")),
        ("-envio", _("Submission date, oldest first")),
        ("titulo", _("Title, A to Z")),
        ("-titulo", _("Title, Z to A")),
        ("puntaje", _("Score, highest first")),
        ("-puntaje", _("Score, lowest first")),
    ]


def _without(params, *names):
    query = params.copy()
    for name in names:
        query.pop(name, None)
    return query.urlencode()


def _kept_facet_counts(criteria):
    """Return ``triage.facet_counts``, counted once per version of what they count and the filters ticked.

    They count proposals (status, call, committee, lead organization, SDG alignments: ``proposals``) and
    evaluations (``matrix``), labelled with calls', committees', organizations' and people's names
    (``proposals``, ``committees``, ``directory``); the services writing any of these bump those areas.
    The sort and the page are not part of the counts: the rows are read on every request.
    """
    areas = [fragments.PROPOSALS, fragments.MATRIX, fragments.COMMITTEES, fragments.DIRECTORY]
    ticked = tuple(tuple(sorted(getattr(criteria, name))) for name in triage.FACETS)
    return fragments.fragment(
        areas, "proposal-facets", (ticked, tuple(criteria.words)), lambda: (triage.facet_counts(criteria), None)
    )


class ProposalManageView(PredicateRequiredMixin, TemplateView):
    template_name = "projects/proposal_manage.html"
    permission_predicate = staticmethod(permissions.can_manage_proposals)

    def get_context_data(self, *, params=None, bulk_form=None, ticked=(), **kwargs):
        params = params if params is not None else self.request.GET
        criteria = triage.criteria_from(params, self.request.user)
        facets, total = _kept_facet_counts(criteria)
        labels = _facet_labels()
        page = page_of(_Params(params), _Counted(sorted_proposals(criteria), total), PER_PAGE)
        page.object_list = row_details(with_status_badges(page.object_list))
        step_labels = {name: str(label) for name, label in TRANSITION_LABELS.items()}
        return super().get_context_data(
            criteria=criteria,
            facets=[(name, labels[name], facets[name]) for name in triage.FACETS],
            page_obj=page,
            proposals=page.object_list,
            query=triage.line_shown(params.get("q", ""), criteria),
            sort=criteria.sort_value,
            sort_choices=_sort_choices(),
            query_string=_without(params, "page"),
            query_without_page=_without(params, "page"),
            saved_filters=SavedFilter.objects.filter(owner=self.request.user),
            saved_filter_form=SavedFilterForm(initial={"query": _without(params, "page")}),
            bulk_form=bulk_form or BulkActionForm(step_labels=step_labels),
            ticked={str(pk) for pk in ticked},
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        params = QueryDict(request.POST.get("list_query", "")[:4000])
        ticked = [value for value in request.POST.getlist("proposal") if value.isascii() and value.isdigit()][:1000]
        step_labels = {name: str(label) for name, label in TRANSITION_LABELS.items()}
        form = BulkActionForm(request.POST, step_labels=step_labels)
        if form.is_valid():
            try:
                done, failed = self._act(form.cleaned_data, [int(pk) for pk in ticked if len(pk) <= 18])
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                if form.cleaned_data["action"] == "export":
                    return redirect(done)
                self._report(done, failed)
                return redirect(f"{reverse('projects:proposal-manage')}?{params.urlencode()}")
        context = self.get_context_data(params=params, bulk_form=form, ticked=ticked)
        return self.render_to_response(context, status=400)

    def _act(self, data, ids):
        user, request = self.request.user, self.request
        if data["action"] == "assign":
            return management.bulk_evaluator_assign(
                actor=user, proposal_ids=ids, evaluator=data["evaluator"], due_on=data["due_on"], request=request
            )
        if data["action"] == "transition":
            return management.bulk_transition(
                actor=user, proposal_ids=ids, action=data["step"], reason=data["reason"], request=request
            )
        document = management.proposals_export(
            actor=user, proposal_ids=ids, export_format=data["export_format"], language=request.LANGUAGE_CODE
        )
        messages.success(request, _("The export is being prepared; this page shows its progress, then the file."))
        return document, None

    def _report(self, done, failed):
        if done:
            messages.success(
                self.request,
                ngettext("Done for %(count)d proposal.", "Done for %(count)d proposals.", len(done))
                % {"count": len(done)},
            )
        for proposal, reason in failed[:FAILURES_SHOWN]:
            if proposal is None:  # ids naming no listed proposal: counted in the reason, never named
                messages.error(self.request, reason)
                continue
            messages.error(
                self.request, _("Not done for “%(title)s”: %(reason)s") % {"title": proposal, "reason": reason}
            )
        if len(failed) > FAILURES_SHOWN:
            messages.error(
                self.request,
                _("…and %(count)d more proposals could not take it.") % {"count": len(failed) - FAILURES_SHOWN},
            )


class _Counted(page_rows):
    """The list's rows with their number already counted with the filters' counts (no second COUNT)."""

    def __init__(self, rows, total):
        super().__init__(rows)
        self.total = total

    def count(self):
        return self.total


class _Params:
    """What ``page_of`` reads of a request: its query parameters (a POST shown again reads the kept ones)."""

    def __init__(self, params):
        self.GET = params


class SavedFilterSaveView(PredicateRequiredMixin, View):
    permission_predicate = staticmethod(permissions.can_manage_proposals)

    def post(self, request, *args, **kwargs):
        form = SavedFilterForm(request.POST)
        query = request.POST.get("query", "")[:2000]
        if form.is_valid():
            try:
                services.saved_filter_save(owner=request.user, name=form.cleaned_data["name"], query=query)
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                messages.success(request, _("The filter was saved."))
        else:
            messages.error(request, _("Name the filter (at most 80 characters)."))
        return redirect(f"{reverse('projects:proposal-manage')}?{query}")


class SavedFilterDeleteView(PredicateRequiredMixin, View):
    permission_predicate = staticmethod(permissions.can_manage_proposals)

    def post(self, request, *args, **kwargs):
        saved = get_object_or_404(SavedFilter, pk=kwargs["pk"])
        services.saved_filter_delete(owner=request.user, saved_filter=saved)
        messages.success(request, _("The filter was removed."))
        return redirect("projects:proposal-manage")
