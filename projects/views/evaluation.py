"""Pages of the evaluation: assigning evaluators, an evaluator's list, and the scoring form."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from axs_platform import fragments
from axs_platform.forms import add_service_errors
from axs_platform.pagination import counted_rows, page_of, page_rows, query_without
from axs_platform.permissions import PredicateRequiredMixin

from .. import desk, permissions, selectors, services
from ..forms import ConflictForm, EvaluatorAssignForm, ScoresForm
from ..models import Evaluation, EvaluationStatus
from ..triage.load import DUE_SOON_DAYS, active_evaluators, evaluator_load
from .proposals import ProposalMixin

EVALUATIONS_PER_PAGE = 50


class EvaluatorAssignView(ProposalMixin, TemplateView):
    template_name = "projects/evaluator_assign.html"

    def has_proposal_permission(self, user, proposal):
        return permissions.can_assign_evaluators(user, proposal)

    def get_context_data(self, form=None, **kwargs):
        return super().get_context_data(
            form=form or EvaluatorAssignForm(),
            evaluations=self.proposal.evaluations.select_related("evaluator"),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        if request.POST.get("unassign"):
            evaluation = get_object_or_404(Evaluation, pk=request.POST["unassign"], proposal=self.proposal)
            try:
                services.evaluator_unassign(actor=request.user, evaluation=evaluation, request=request)
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            return redirect(request.path)
        form = EvaluatorAssignForm(request.POST)
        if form.is_valid():
            try:
                services.evaluator_assign(
                    actor=request.user,
                    proposal=self.proposal,
                    evaluator=form.cleaned_data["evaluator"],
                    due_on=form.cleaned_data["due_on"],
                    request=request,
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The evaluator was assigned and told by e-mail."))
                return redirect(request.path)
        return self.render_to_response(self.get_context_data(form=form))


class MyEvaluationsView(PredicateRequiredMixin, TemplateView):
    template_name = "projects/my_evaluations.html"
    permission_predicate = staticmethod(permissions.is_evaluator)

    def get_context_data(self, **kwargs):
        # An evaluator of a large call may hold thousands: a page at a time, pending ones first.
        evaluations = selectors.evaluations_of(self.request.user)
        due = self.request.GET.get("status") == "due"  # the desk's card: only those still to submit
        if due:
            evaluations = evaluations.filter(status__in=desk.EVALUATIONS_DUE)
        # The page's keys first, then only its rows joined (page_rows): not 12,000 rows joined and sorted.
        evaluations = page_of(self.request, page_rows(evaluations), EVALUATIONS_PER_PAGE)
        return super().get_context_data(  # the paging links keep "status=due"
            evaluations=evaluations, due=due, query_without_page=query_without(self.request, "page"), **kwargs
        )


class EvaluationView(PredicateRequiredMixin, TemplateView):
    """Declare a conflict of interest first; then score the thirteen criteria, save, and submit."""

    template_name = "projects/evaluation_form.html"

    def dispatch(self, request, *args, **kwargs):
        self.evaluation = get_object_or_404(
            Evaluation.objects.select_related("proposal__call", "proposal__lead_organization", "proposal__committee"),
            pk=kwargs["pk"],
        )
        return super().dispatch(request, *args, **kwargs)

    def has_permission(self):
        return permissions.can_open_evaluation(self.request.user, self.evaluation)

    def get_context_data(self, conflict_form=None, scores_form=None, **kwargs):
        evaluation = self.evaluation
        scores = {s.criterion: s for s in evaluation.scores.all()}
        context = {"evaluation": evaluation, "proposal": evaluation.proposal, "scores": scores}
        if evaluation.has_conflict is None:
            context["conflict_form"] = conflict_form or ConflictForm()
        elif evaluation.status == EvaluationStatus.IN_PROGRESS:
            context["scores_form"] = scores_form or ScoresForm(
                scores=scores, initial={"overall_comment": evaluation.overall_comment}
            )
        return super().get_context_data(**context, **kwargs)

    def post(self, request, *args, **kwargs):
        evaluation = self.evaluation
        if "has_conflict" in request.POST:
            form = ConflictForm(request.POST)
            if form.is_valid():
                try:
                    services.conflict_declare(
                        actor=request.user,
                        evaluation=evaluation,
                        has_conflict=form.cleaned_data["has_conflict"],
                        statement=form.cleaned_data["conflict_statement"],
                        request=request,
                    )
                except ValidationError as error:
                    if self._refused(form, error):
                        return redirect(request.path)
                else:
                    return redirect(request.path)
            return self.render_to_response(self.get_context_data(conflict_form=form))
        form = ScoresForm(request.POST)
        submit = request.POST.get("submit_scores") == "1"
        if form.is_valid():
            try:
                services.scores_save(
                    actor=request.user,
                    evaluation=evaluation,
                    scores=form.scores,
                    overall_comment=form.cleaned_data["overall_comment"],
                    submit=submit,
                    request=request,
                )
            except ValidationError as error:
                if self._refused(form, error):
                    return redirect(request.path)
            else:
                messages.success(request, _("The evaluation was submitted.") if submit else _("Scores saved."))
                return redirect(request.path)
        if form.errors:
            messages.error(request, _("Please correct what is marked below; nothing you typed was lost."))
        return self.render_to_response(self.get_context_data(scores_form=form))

    def _refused(self, form, error):
        """Show a service's refusal; return whether to load the page again rather than show the form.

        A refusal about a field of a form the page shows goes beside it; any other (the evaluation closed,
        the declaration already made or still to make) in a message of its own, since nothing marks it.
        """
        self.evaluation.refresh_from_db()
        if isinstance(form, ConflictForm):
            shown = self.evaluation.has_conflict is None
        else:
            shown = self.evaluation.has_conflict is not None and self.evaluation.status == EvaluationStatus.IN_PROGRESS
        if shown and hasattr(error, "error_dict") and all(field in form.fields for field in error.error_dict):
            add_service_errors(form, error)
            return False
        for message in error.messages:
            messages.error(self.request, message)
        return not shown


class EvaluatorLoadView(PredicateRequiredMixin, TemplateView):
    """Staff see each evaluator's pending, overdue and submitted evaluations, before assigning more."""

    template_name = "projects/evaluator_load.html"
    permission_predicate = staticmethod(permissions.can_see_evaluator_load)

    def get_context_data(self, **kwargs):
        def render():
            rows = counted_rows(evaluator_load(timezone.localdate()), counted=active_evaluators())
            evaluators = page_of(self.request, rows, EVALUATIONS_PER_PAGE)
            return render_to_string("projects/includes/evaluator_load_table.html", {"evaluators": evaluators}), None

        # The same for all staff: kept per version of the evaluations (matrix), the proposals still being
        # evaluated and the people's names and roles (committees: the user services bump it), and per page.
        areas = [fragments.MATRIX, fragments.PROPOSALS, fragments.COMMITTEES]
        table = fragments.fragment(areas, "evaluator-load", (self.request.GET.get("page"),), render)
        return super().get_context_data(table=table, due_soon_days=DUE_SOON_DAYS, **kwargs)
