"""Pages that run a ballot: open it, close it early with confirmation, cancel it, settle a tie, call a runoff."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView, View

from axs_platform.forms import add_service_errors
from axs_platform.permissions import PredicateRequiredMixin

from .. import permissions, selectors, services
from ..forms_selection import ReasonForm, RunoffForm, TieForm
from ..models import BallotStatus
from ..sealing import SealBroken
from .ballots import ballot_or_404


class BallotOpenView(PredicateRequiredMixin, View):
    """Open a scheduled ballot now (POST)."""

    def dispatch(self, request, *args, **kwargs):
        self.ballot = ballot_or_404(kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def has_permission(self):
        return permissions.can_manage_round(self.request.user, self.ballot.round)

    def post(self, request, *args, **kwargs):
        try:
            services.ballot_open(actor=request.user, ballot=self.ballot, request=request)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The ballot is open."))
        return redirect(self.ballot)


class BallotCloseView(PredicateRequiredMixin, TemplateView):
    """Close an open ballot now, after a page that says who has not voted and that it cannot be undone."""

    template_name = "projects/selection/ballot_close_confirm.html"

    def dispatch(self, request, *args, **kwargs):
        self.ballot = ballot_or_404(kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def has_permission(self):
        return permissions.can_manage_round(self.request.user, self.ballot.round)

    def get(self, request, *args, **kwargs):
        if self.ballot.status != BallotStatus.OPEN:
            # Like a closed round's forms: a ballot that is not open offers no "close" to confirm.
            messages.error(request, _("Only an open ballot can be closed."))
            return redirect(self.ballot)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        ballot = self.ballot
        return super().get_context_data(
            ballot=ballot,
            pending=selectors.pending_electors(ballot),
            electorate_size=ballot.electors.count(),
            voted_count=ballot.participations.count(),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        if request.POST.get("confirm") != "yes":
            return self.get(request, *args, **kwargs)
        try:
            services.ballot_close(actor=request.user, ballot=self.ballot, request=request)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        except SealBroken:
            messages.error(
                request,
                _(
                    "The sealed votes of this ballot cannot be opened with this server's ballot key, or were altered; "
                    "nothing was counted. Ask the platform's administrator before trying again."
                ),
            )
        else:
            messages.success(request, _("The ballot is closed."))
        return redirect(self.ballot)


class BallotFormMixin(PredicateRequiredMixin, FormView):
    template_name = "projects/form.html"

    def dispatch(self, request, *args, **kwargs):
        self.ballot = ballot_or_404(kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        try:
            target = self.save(form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, self.success_message)
        return redirect(target)


class BallotCancelView(BallotFormMixin):
    form_class = ReasonForm

    @property
    def success_message(self):
        return _("The ballot was cancelled.")

    def has_permission(self):
        return permissions.can_cancel_ballot(self.request.user, self.ballot)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "submit_label": _("Cancel the ballot")}

    def get_context_data(self, **kwargs):
        return super().get_context_data(title=_("Cancel “%(title)s”") % {"title": self.ballot}, **kwargs)

    def save(self, data):
        return services.ballot_cancel(
            actor=self.request.user, ballot=self.ballot, reason=data["reason"], request=self.request
        )


class BallotTieView(BallotFormMixin):
    form_class = TieForm

    @property
    def success_message(self):
        return _("The tie was settled and recorded.")

    def has_permission(self):
        return permissions.can_manage_round(self.request.user, self.ballot.round)

    def get_form_kwargs(self):
        if self.ballot.tie_status != "declared":
            raise Http404
        return {**super().get_form_kwargs(), "tied_ids": self.ballot.result["tied"]}

    def get_context_data(self, **kwargs):
        return super().get_context_data(title=_("Settle the tie of “%(title)s”") % {"title": self.ballot}, **kwargs)

    def save(self, data):
        return services.ballot_tie_settle(
            actor=self.request.user, ballot=self.ballot, proposals=list(data["proposals"]), reason=data["reason"],
            request=self.request,
        )  # fmt: skip


class BallotRunoffView(BallotFormMixin):
    form_class = RunoffForm

    @property
    def success_message(self):
        return _("The runoff was created.")

    def has_permission(self):
        return permissions.can_manage_round(self.request.user, self.ballot.round)

    def get_form_kwargs(self):
        # Like settling it: there is a runoff to hold only while a tie is declared (and the form is offered then only).
        if self.ballot.tie_status != "declared":
            raise Http404
        return super().get_form_kwargs()

    def get_context_data(self, **kwargs):
        return super().get_context_data(title=_("Runoff of “%(title)s”") % {"title": self.ballot}, **kwargs)

    def save(self, data):
        return services.ballot_runoff_create(actor=self.request.user, ballot=self.ballot, request=self.request, **data)
