"""Pages of selection rounds and ballots: open and close rounds, record evidence, vote, count, check a receipt."""

import csv
from datetime import timedelta

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView, View

from accounts.views import add_service_errors
from axs_platform.charts import Bar, horizontal_bar_chart
from axs_platform.permissions import PredicateRequiredMixin, is_staff_member
from committees.models import Committee
from documents.permissions import can_request_document

from .. import permissions, selectors, services, tally
from ..documents import BALLOT_RESULTS
from ..forms_selection import (
    BallotForm,
    EvidenceForm,
    ReasonForm,
    ReceiptForm,
    RoundCloseForm,
    RoundForm,
    RunoffForm,
    TieForm,
    vote_form_class,
)
from ..models import (
    Ballot,
    BallotPaper,
    BallotStatus,
    Participation,
    SelectionEvidence,
    SelectionMethod,
    SelectionRound,
)


def _service_error_message(error):
    return " ".join(error.messages)


def _round(pk):
    return get_object_or_404(SelectionRound.objects.select_related("committee__goal"), pk=pk)


def _ballot(pk):
    return get_object_or_404(Ballot.objects.select_related("round__committee__goal"), pk=pk)


def result_chart(ballot, result):
    bars = [
        Bar(row["title"], row["votes"], "#198754" if row["selected"] else "", row["percent"]) for row in result["rows"]
    ]
    return horizontal_bar_chart(
        bars,
        title=_("Result of “%(title)s”") % {"title": ballot.title},
        description=_("Votes for each candidate; the selected ones in green."),
        total=result["papers"] or 1,
    )


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
            title=_("Open a selection round · %(committee)s") % {"committee": self.committee.name}, **kwargs
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
        name = self.evidence.file.name.rsplit("/", 1)[-1]
        return FileResponse(self.evidence.file.open("rb"), as_attachment=True, filename=name)


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
        can_manage = permissions.can_manage_rounds(user, selection_round.committee)
        context = {
            "round": selection_round,
            "candidates": list(selection_round.candidates.select_related("proposal__lead_organization")),
            "evidence": list(selection_round.evidence.select_related("session", "organization")),
            "ballots": list(selection_round.ballots.order_by("created_at")),
            "can_manage": can_manage and selection_round.is_open,
            "is_vote": selection_round.method == SelectionMethod.VOTE,
        }
        if selection_round.survey_question_id:
            from surveys.selectors import option_results

            question = selection_round.survey_question
            context["survey"] = question.survey
            context["survey_rows"] = option_results(question)
        if context["can_manage"]:
            # Both forms have a session field: distinct ids keep each label tied to its own field.
            context["evidence_form"] = EvidenceForm(committee=selection_round.committee, auto_id="evidence_%s")
            context["close_form"] = RoundCloseForm(selection_round=selection_round, auto_id="close_%s")
        return super().get_context_data(**context, **kwargs)


class RoundManageMixin(PredicateRequiredMixin):
    def dispatch(self, request, *args, **kwargs):
        self.selection_round = _round(kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def has_permission(self):
        return permissions.can_manage_rounds(self.request.user, self.selection_round.committee)


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


class BallotCreateView(RoundManageMixin, FormView):
    template_name = "projects/form.html"
    form_class = BallotForm

    def get_initial(self):
        now = timezone.localtime().replace(second=0, microsecond=0)
        return {
            "title": self.selection_round.title,
            "seats": self.selection_round.seats,
            "max_choices": self.selection_round.seats,
            "opens_at": now,
            "closes_at": now + timedelta(days=7),
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            title=_("New ballot for “%(title)s”") % {"title": self.selection_round}, **kwargs
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


class BallotListView(PredicateRequiredMixin, TemplateView):
    """The ballots a person can vote in now, and those they manage."""

    template_name = "projects/selection/ballot_list.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        open_ballots = Ballot.objects.filter(status=BallotStatus.OPEN).select_related("round__committee")
        mine = [b for b in open_ballots if permissions.elector_for(user, b) is not None]
        voted = set(
            Participation.objects.filter(
                ballot__in=mine, elector__in=[permissions.elector_for(user, b) for b in mine]
            ).values_list("ballot_id", flat=True)
        )
        managed = Ballot.objects.select_related("round__committee").order_by("-opens_at")
        if not is_staff_member(user):
            managed = managed.filter(round__committee_id__in=permissions.chaired_committee_ids(user))
        return super().get_context_data(mine=mine, voted=voted, managed=list(managed[:50]), **kwargs)


class BallotDetailView(PredicateRequiredMixin, TemplateView):
    template_name = "projects/selection/ballot_detail.html"

    def dispatch(self, request, *args, **kwargs):
        self.ballot = _ballot(kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def has_permission(self):
        return permissions.can_see_ballot(self.request.user, self.ballot) or self.ballot.is_closed

    def get_context_data(self, **kwargs):
        ballot = self.ballot
        user = self.request.user
        elector = permissions.elector_for(user, ballot)
        can_manage = permissions.can_manage_rounds(user, ballot.round.committee)
        context = {
            "ballot": ballot,
            "candidates": list(ballot.candidates.select_related("proposal")),
            "elector": elector,
            "has_voted": elector is not None and elector.has_voted,
            "can_vote": permissions.can_vote(user, ballot) and ballot.accepts_votes_at(timezone.now()),
            "can_manage": can_manage,
            "can_cancel": permissions.can_cancel_ballot(user, ballot),
            "can_check": permissions.can_check_receipt(user, ballot),
            "electorate_size": ballot.electors.count(),
            "voted_count": ballot.participations.count(),
        }
        if can_manage and ballot.status != BallotStatus.SCHEDULED:
            context["participations"] = list(
                ballot.participations.select_related("elector__user", "elector__organization", "cast_by")
            )
        if ballot.is_closed:
            result = tally.tally(ballot)
            context.update(result=result, chart=result_chart(ballot, result), final=tally.final_selection(ballot))
            if not ballot.is_secret:
                context["named_papers"] = list(
                    BallotPaper.objects.filter(ballot=ballot)
                    .select_related("elector__user", "elector__organization")
                    .prefetch_related("choices__candidate__proposal")
                )
            context["can_settle"] = can_manage and ballot.tie_status == "declared"
            context["can_print_results"] = can_request_document(user, BALLOT_RESULTS, ballot, {})
            context["results_kind"] = BALLOT_RESULTS
        return super().get_context_data(**context, **kwargs)


class BallotVoteView(PredicateRequiredMixin, FormView):
    """The vote form, and the vote itself: kept lean, as every voter posts it at about the same time.

    A vote reads the session and the person, the ballot, the voter's place in the electorate and the
    candidates, then ``vote_cast`` writes it; the answer is the small receipt page.
    """

    template_name = "projects/selection/vote_form.html"

    def dispatch(self, request, *args, **kwargs):
        self.ballot = selectors.ballot_to_vote(kwargs["pk"])
        if self.ballot is None:
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def has_permission(self):
        return permissions.can_vote(self.request.user, self.ballot)

    @cached_property
    def has_voted(self):
        return permissions.elector_for(self.request.user, self.ballot).has_voted

    def post(self, request, *args, **kwargs):
        if self.has_voted and not self.ballot.allow_changes:
            # Nothing in the form can change that: say so at once, without reading the form.
            return self.refused(_("Your vote was already recorded; this ballot does not allow changing it."))
        return super().post(request, *args, **kwargs)

    def refused(self, message):
        return render(self.request, "projects/selection/vote_refused.html", {"ballot": self.ballot, "message": message})

    def get_form_class(self):
        self.candidates = selectors.candidates_to_vote(self.ballot)
        # Only a secret ballot that allows changes asks for the receipt, and only of those who voted.
        ask_receipt = self.ballot.is_secret and self.ballot.allow_changes and self.has_voted
        return vote_form_class(self.ballot, self.candidates, ask_receipt=ask_receipt)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        return {**context, "ballot": self.ballot, "has_voted": self.has_voted}

    def form_valid(self, form):
        try:
            code, changed = services.vote_cast(
                actor=self.request.user,
                ballot=self.ballot,
                choices=form.answers(),
                receipt=form.cleaned_data.get("receipt", ""),
                request=self.request,
                candidates=self.candidates,
            )
        except ValidationError as error:
            if getattr(error, "code", None) == "already_voted":
                # Nothing in the form can change that: say so on the small page, not the whole form again.
                return self.refused(_service_error_message(error))
            add_service_errors(form, error)
            return self.form_invalid(form)
        # The receipt is shown once, on this response, and never stored in the clear.
        return render(
            self.request,
            "projects/selection/vote_receipt.html",
            {"ballot": self.ballot, "code": code, "changed": changed},
        )


class BallotActionView(PredicateRequiredMixin, View):
    """Open or close a ballot by hand (POST)."""

    action = None

    def dispatch(self, request, *args, **kwargs):
        self.ballot = _ballot(kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def has_permission(self):
        return permissions.can_manage_rounds(self.request.user, self.ballot.round.committee)

    def post(self, request, *args, **kwargs):
        service = {"open": services.ballot_open, "close": services.ballot_close}[self.action]
        try:
            service(actor=request.user, ballot=self.ballot, request=request)
        except ValidationError as error:
            messages.error(request, _service_error_message(error))
        else:
            messages.success(request, _("The ballot is open.") if self.action == "open" else _("The ballot is closed."))
        return redirect(self.ballot)


class BallotFormMixin(PredicateRequiredMixin, FormView):
    template_name = "projects/form.html"

    def dispatch(self, request, *args, **kwargs):
        self.ballot = _ballot(kwargs["pk"])
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
        return permissions.can_manage_rounds(self.request.user, self.ballot.round.committee)

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
        return permissions.can_manage_rounds(self.request.user, self.ballot.round.committee)

    def get_context_data(self, **kwargs):
        return super().get_context_data(title=_("Runoff of “%(title)s”") % {"title": self.ballot}, **kwargs)

    def save(self, data):
        return services.ballot_runoff_create(actor=self.request.user, ballot=self.ballot, request=self.request, **data)


class ReceiptCheckView(PredicateRequiredMixin, TemplateView):
    """After closing, anyone in the electorate checks that a receipt was counted."""

    template_name = "projects/selection/receipt_check.html"

    def dispatch(self, request, *args, **kwargs):
        self.ballot = _ballot(kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def has_permission(self):
        if not permissions.can_see_ballot(self.request.user, self.ballot):
            raise PermissionDenied
        return True

    def get_context_data(self, **kwargs):
        ballot = self.ballot
        context = {"ballot": ballot, "can_check": permissions.can_check_receipt(self.request.user, ballot)}
        if context["can_check"]:
            form = ReceiptForm(self.request.GET or None)
            context["form"] = form
            if form.is_valid():
                context["counted"] = services.receipt_counted(ballot=ballot, code=form.cleaned_data["code"])
        return super().get_context_data(**context, **kwargs)


class BallotCSVView(View):
    """The closed ballot's result as CSV: one row per candidate."""

    def get(self, request, *args, **kwargs):
        ballot = _ballot(kwargs["pk"])
        if not ballot.is_closed:
            raise Http404
        result = tally.tally(ballot)
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="votacion-{ballot.pk}.csv"'
        writer = csv.writer(response)
        writer.writerow([_("Proposal"), _("Votes"), _("Yes"), _("No"), _("Abstain"), _("Percent"), _("Selected")])
        for row in result["rows"]:
            writer.writerow(
                [
                    row["title"],
                    row["votes"],
                    row["yes"],
                    row["no"],
                    row["abstain"],
                    row["percent"],
                    _("Yes") if row["selected"] else _("No"),
                ]
            )
        writer.writerow([])
        writer.writerow([_("Electorate"), result["electorate"]])
        writer.writerow([_("Voted"), result["voted"]])
        writer.writerow([_("Turnout (%)"), result["turnout"]])
        writer.writerow([_("Quorum met"), _("Yes") if result["quorum_met"] else _("No")])
        return response
