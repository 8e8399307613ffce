"""Pages of selection rounds: open and close them, record their evidence, create their ballots."""

from datetime import timedelta

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView, View

from axs_platform.forms import add_service_errors
from axs_platform.permissions import PredicateRequiredMixin, is_staff_member
from axs_platform.service_views import ChoiceSearchMixin
from axs_platform.templatetags.markup import es
from axs_platform.uploads import private_file_response
from committees.models import Committee
from surveys.selectors import MIN_ANONYMOUS_RESPONDENTS, readable_option_results

from .. import permissions, services
from ..forms_selection import BallotForm, EvidenceForm, RoundCloseForm, RoundForm
from ..models import Ballot, SelectionEvidence, SelectionMethod, SelectionRound


def _round(pk):
    return get_object_or_404(SelectionRound.objects.select_related("committee__goal"), pk=pk)


class CommitteeSelectionsView(TemplateView):
    """A committee's selections, public: each closed round with its method, evidence and ballots' results."""

    template_name = "projects/selection/committee_selections.html"

    def get_context_data(self, **kwargs):
        committee = get_object_or_404(Committee.objects.select_related("goal"), pk=kwargs["pk"])
        user = self.request.user
        rounds = (
            SelectionRound.objects.filter(committee=committee)
            .exclude(status="cancelled")
            .prefetch_related("candidates__proposal", "evidence")
            .prefetch_related(
                Prefetch("ballots", queryset=Ballot.objects.filter(status="closed").order_by("closed_at"))
            )
        )
        if not (is_staff_member(user) or permissions.is_committee_member(user, committee.pk)):
            rounds = rounds.filter(status="closed")
        return super().get_context_data(
            committee=committee,
            rounds=list(rounds),
            can_manage=user.is_authenticated and permissions.can_manage_rounds(user, committee),
            **kwargs,
        )


class RoundCreateView(PredicateRequiredMixin, FormView):
    template_name = "projects/form.html"
    form_class = RoundForm

    def dispatch(self, request, *args, **kwargs):
        self.committee = get_object_or_404(Committee, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def has_permission(self):
        return permissions.can_manage_rounds(self.request.user, self.committee)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "committee": self.committee}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            title=_("Open a selection round · %(committee)s") % {"committee": self.committee.display_name}, **kwargs
        )

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            selection_round = services.round_create(
                actor=self.request.user,
                committee=self.committee,
                title=data["title"],
                method=data["method"],
                seats=data["seats"],
                proposals=list(data["proposals"]),
                summary=data["summary"],
                survey_closes_at=data["survey_closes_at"],
                request=self.request,
            )
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("The selection round is open."))
        return redirect(selection_round)


class EvidenceDownloadView(PredicateRequiredMixin, View):
    """A round's evidence document, to whoever may see the round (everybody once it is closed).

    Uploaded files are never served straight from the media folder: this view checks who asks.
    """

    def dispatch(self, request, *args, **kwargs):
        self.evidence = get_object_or_404(SelectionEvidence.objects.select_related("round"), pk=kwargs["pk"])
        if not self.evidence.file:
            raise Http404
        if self.evidence.round.status == "closed":
            return View.dispatch(self, request, *args, **kwargs)
        return super().dispatch(request, *args, **kwargs)

    def has_permission(self):
        return permissions.can_see_round(self.request.user, self.evidence.round)

    def get(self, request, *args, **kwargs):
        return private_file_response(self.evidence.file, self.evidence.download_name)


class RoundDetailView(PredicateRequiredMixin, TemplateView):
    """A round: candidates, method, evidence, survey result, ballots; public once it is closed."""

    template_name = "projects/selection/round_detail.html"

    def dispatch(self, request, *args, **kwargs):
        self.selection_round = _round(kwargs["pk"])
        if self.selection_round.status == "closed":
            return TemplateView.dispatch(self, request, *args, **kwargs)
        return super().dispatch(request, *args, **kwargs)

    def has_permission(self):
        return permissions.can_see_round(self.request.user, self.selection_round)

    def get_context_data(self, **kwargs):
        selection_round = self.selection_round
        user = self.request.user
        can_manage = permissions.can_manage_round(user, selection_round)
        context = {
            "round": selection_round,
            "candidates": list(selection_round.candidates.select_related("proposal__lead_organization")),
            "evidence": list(selection_round.evidence.select_related("session", "organization")),
            "ballots": list(selection_round.ballots.order_by("created_at")),
            "can_manage": can_manage and selection_round.is_open,
            "is_vote": selection_round.method == SelectionMethod.VOTE,
        }
        if selection_round.survey_question_id:
            question = selection_round.survey_question
            context["survey"] = question.survey
            # An anonymous survey's counts wait for its close and enough respondents, as on its results page.
            context["survey_withheld"], context["survey_rows"] = readable_option_results(question)
            context["minimum_respondents"] = MIN_ANONYMOUS_RESPONDENTS
        if context["can_manage"]:
            # Both forms have a session field: distinct ids keep each label tied to its own field.
            context["evidence_form"] = EvidenceForm(committee=selection_round.committee, auto_id="evidence_%s")
            context["close_form"] = RoundCloseForm(selection_round=selection_round, auto_id="close_%s")
        return super().get_context_data(**context, **kwargs)


class RoundManageMixin(PredicateRequiredMixin):
    """The forms that change a round. A round no longer open offers none: its page says so instead."""

    def dispatch(self, request, *args, **kwargs):
        self.selection_round = _round(kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def has_permission(self):
        return permissions.can_manage_round(self.request.user, self.selection_round)

    def get(self, request, *args, **kwargs):
        return self.refused_when_not_open() or super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        return self.refused_when_not_open() or super().post(request, *args, **kwargs)

    def refused_when_not_open(self):
        # The services refuse the write too; this keeps a closed round from offering a form at all.
        if self.selection_round.is_open:
            return None
        messages.error(self.request, _("This round is no longer open; nothing in it can change."))
        return redirect(self.selection_round)


class EvidenceAddView(RoundManageMixin, FormView):
    template_name = "projects/form.html"
    form_class = EvidenceForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "committee": self.selection_round.committee}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            title=_("Add evidence to “%(title)s”") % {"title": self.selection_round}, **kwargs
        )

    def form_valid(self, form):
        try:
            services.evidence_add(actor=self.request.user, selection_round=self.selection_round, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("The evidence was recorded."))
        return redirect(self.selection_round)


class RoundCloseView(RoundManageMixin, FormView):
    template_name = "projects/form.html"
    form_class = RoundCloseForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "selection_round": self.selection_round}

    def get_context_data(self, **kwargs):
        return super().get_context_data(title=_("Close “%(title)s”") % {"title": self.selection_round}, **kwargs)

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            services.round_close(
                actor=self.request.user,
                selection_round=self.selection_round,
                selected=list(data["selected"]),
                decision=data["decision"],
                session=data["session"],
                request=self.request,
            )
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("The round is closed and the proposals were moved."))
        return redirect(self.selection_round)


class BallotCreateView(RoundManageMixin, ChoiceSearchMixin, FormView):
    template_name = "projects/form.html"
    form_class = BallotForm
    searchable_field = "named_voters"
    search_label = gettext_lazy("Search people to name")

    def get_initial(self):
        now = timezone.localtime().replace(second=0, microsecond=0)
        return {
            "title": self.selection_round.title,
            "seats": self.selection_round.seats,
            "max_choices": self.selection_round.seats,
            "opens_at": now,
            "closes_at": now + timedelta(days=7),
        }

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "search": self.search_term()}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            title=_("New ballot for “%(title)s”") % {"title": self.selection_round},
            heading=format_html(_("New ballot for “{}”"), es(self.selection_round.title)),
            **kwargs,
        )

    def form_valid(self, form):
        data = dict(form.cleaned_data)
        open_now = data.pop("open_now")
        try:
            ballot = services.ballot_create(
                actor=self.request.user, selection_round=self.selection_round, request=self.request, **data
            )
            if open_now:
                ballot = services.ballot_open(actor=self.request.user, ballot=ballot, request=self.request)
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("The ballot was created."))
        return redirect(ballot)
