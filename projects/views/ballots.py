"""Pages of ballots: the list, a ballot, voting with confirmation, receipts, the results CSV."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView, View

from axs_platform.charts import Bar, horizontal_bar_chart
from axs_platform.exports import csv_response
from axs_platform.forms import add_service_errors
from axs_platform.pagination import page_of, query_without
from axs_platform.permissions import PredicateRequiredMixin, is_staff_member
from documents.permissions import can_request_document

from .. import desk, permissions, selectors, services, tally
from ..documents import BALLOT_RESULTS
from ..forms_selection import ReceiptForm, VoteForm
from ..models import Ballot, BallotStatus


def ballot_or_404(pk):
    return get_object_or_404(Ballot.objects.select_related("round__committee__goal"), pk=pk)


def result_chart(ballot, result):
    lang = "" if (get_language() or "").startswith("es") else "es"  # candidates are proposal titles, in Spanish
    bars = [
        Bar(row["title"], row["votes"], "#198754" if row["selected"] else "", row["percent"], lang=lang)
        for row in result["rows"]
    ]
    return horizontal_bar_chart(
        bars,
        # The heading above names the ballot (marked Spanish); an SVG title cannot mark a part of itself.
        title=_("Result of the ballot"),
        description=_("Votes for each candidate; the selected ones in green."),
        total=result["papers"] or 1,
    )


class BallotListView(PredicateRequiredMixin, TemplateView):
    """The ballots a person can vote in now, and those they manage."""

    template_name = "projects/selection/ballot_list.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        mine = selectors.open_ballots_for(user)
        managed = Ballot.objects.select_related("round__committee").order_by("-opens_at")
        if not is_staff_member(user):
            managed = managed.filter(round__committee_id__in=permissions.chaired_committee_ids(user))
        # The desk's cards link here filtered, so that the list shows exactly what the card counted.
        pending = self.request.GET.get("pending") == "1"
        closing = self.request.GET.get("closing") == "soon"
        if pending:
            mine, managed = [ballot for ballot in mine if not ballot.has_voted], managed.none()
        elif closing:
            mine, managed = [], desk.ballots_closing_soon(managed)
        return super().get_context_data(
            mine=mine, managed=list(managed[:50]), pending=pending, closing=closing, **kwargs
        )


PEOPLE_PER_PAGE = 100


class BallotDetailView(PredicateRequiredMixin, TemplateView):
    template_name = "projects/selection/ballot_detail.html"

    def dispatch(self, request, *args, **kwargs):
        self.ballot = ballot_or_404(kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def has_permission(self):
        return permissions.can_read_ballot(self.request.user, self.ballot)

    def get_context_data(self, **kwargs):
        ballot = self.ballot
        user = self.request.user
        elector = permissions.elector_for(user, ballot)
        can_manage = permissions.can_manage_round(user, ballot.round)
        context = {
            "ballot": ballot,
            "candidates": selectors.candidates_to_vote(ballot),
            "elector": elector,
            "has_voted": elector is not None and elector.has_voted,
            "can_vote_now": permissions.can_vote_now(user, ballot, timezone.now()),
            "can_manage": can_manage,
            "can_cancel": permissions.can_cancel_ballot(user, ballot),
            "can_check": permissions.can_check_receipt(user, ballot),
            "electorate_size": ballot.electors.count(),
            "voted_count": ballot.participations.count(),
        }
        if can_manage and ballot.status != BallotStatus.SCHEDULED:
            # A large electorate: who has voted, and who voted what, are read a page at a time.
            context["participations"] = page_of(
                self.request, selectors.ballot_participations(ballot), PEOPLE_PER_PAGE, param="votantes"
            )
            context["voters_query"] = query_without(self.request, "votantes")
        if ballot.is_closed:
            # Closing froze the count in ``Ballot.result``; a settled tie is added to it.
            result = ballot.result
            context.update(result=result, chart=result_chart(ballot, result), final=tally.final_selection(ballot))
            if not ballot.is_secret:
                context["named_papers"] = page_of(
                    self.request, selectors.named_papers(ballot), PEOPLE_PER_PAGE, param="papeletas"
                )
                context["papers_query"] = query_without(self.request, "papeletas")
            context["can_settle"] = can_manage and ballot.tie_status == "declared"
            context["can_print_results"] = can_request_document(user, BALLOT_RESULTS, ballot, {})
            context["results_kind"] = BALLOT_RESULTS
        return super().get_context_data(**context, **kwargs)


class BallotVoteView(PredicateRequiredMixin, FormView):
    """The vote form, the confirmation of a vote that cannot be changed, and the vote itself.

    On a ballot that does not allow changes the first POST shows the choices and asks to confirm;
    the confirmation carries them in hidden fields, so nothing is stored until the voter confirms.
    """

    template_name = "projects/selection/vote_form.html"

    def dispatch(self, request, *args, **kwargs):
        self.ballot = get_object_or_404(Ballot, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def has_permission(self):
        return permissions.can_vote(self.request.user, self.ballot)

    @cached_property
    def has_voted(self):
        return permissions.elector_for(self.request.user, self.ballot).has_voted

    def get(self, request, *args, **kwargs):
        if self.has_voted and not self.ballot.allow_changes:
            return self.refused(_("Your vote was already recorded; this ballot does not allow changing it."))
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        if self.has_voted and not self.ballot.allow_changes:
            return self.refused(_("Your vote was already recorded; this ballot does not allow changing it."))
        return super().post(request, *args, **kwargs)

    def refused(self, message):
        return render(self.request, "projects/selection/vote_refused.html", {"ballot": self.ballot, "message": message})

    def get_form(self, form_class=None):
        self.candidates = selectors.candidates_to_vote(self.ballot)
        # Only a secret ballot that allows changes asks for the receipt, and only of those who voted.
        ask_receipt = self.ballot.is_secret and self.ballot.allow_changes and self.has_voted
        return VoteForm(
            **self.get_form_kwargs(), ballot=self.ballot, candidates=self.candidates, ask_receipt=ask_receipt
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        return {**context, "ballot": self.ballot, "has_voted": self.has_voted}

    def form_valid(self, form):
        if "revise" in self.request.POST:
            return self.render_to_response(self.get_context_data(form=form))
        if not self.ballot.allow_changes and self.request.POST.get("confirm") != "yes":
            try:  # the ballot's rules on choices, checked before asking to confirm them
                services.clean_choices(self.ballot, form.answers(), self.candidates)
            except ValidationError as error:
                add_service_errors(form, error)
                return self.form_invalid(form)
            return render(
                self.request,
                "projects/selection/vote_confirm.html",
                {"ballot": self.ballot, "form": form, "summary": form.summary(self.candidates)},
            )
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
                return self.refused(" ".join(error.messages))
            add_service_errors(form, error)
            return self.form_invalid(form)
        # The receipt is shown once, on this response, and never stored in the clear.
        return render(
            self.request,
            "projects/selection/vote_receipt.html",
            {"ballot": self.ballot, "code": code, "changed": changed},
        )


class ReceiptCheckView(PredicateRequiredMixin, TemplateView):
    """After closing, anyone in the electorate checks that a receipt was counted."""

    template_name = "projects/selection/receipt_check.html"

    def dispatch(self, request, *args, **kwargs):
        self.ballot = ballot_or_404(kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def has_permission(self):
        if not permissions.can_see_ballot(self.request.user, self.ballot):
            raise PermissionDenied
        return True

    def get_context_data(self, **kwargs):
        ballot = self.ballot
        context = {"ballot": ballot, "can_check": permissions.can_check_receipt(self.request.user, ballot)}
        if context["can_check"]:
            # Sent by POST: a receipt code in a query string would reach access logs and browser history.
            form = ReceiptForm(self.request.POST if self.request.method == "POST" else None)
            context["form"] = form
            if form.is_valid():
                context["counted"] = services.receipt_counted(ballot=ballot, code=form.cleaned_data["code"])
        return super().get_context_data(**context, **kwargs)

    def post(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(**kwargs))


class BallotCSVView(PredicateRequiredMixin, View):
    """The closed ballot's result as CSV: one row per candidate, to whoever may read the ballot's page."""

    def dispatch(self, request, *args, **kwargs):
        self.ballot = ballot_or_404(kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def has_permission(self):
        return permissions.can_read_ballot(self.request.user, self.ballot)

    def get(self, request, *args, **kwargs):
        ballot = self.ballot
        if not ballot.is_closed:
            raise Http404
        result = ballot.result
        header = [_("Proposal"), _("Votes"), _("Yes"), _("No"), _("Abstain"), _("Percent"), _("Selected")]
        rows = [
            [
                row["title"],
                row["votes"],
                row["yes"],
                row["no"],
                row["abstain"],
                row["percent"],
                _("Yes") if row["selected"] else _("No"),
            ]
            for row in result["rows"]
        ]
        rows += [
            [],
            [_("Electorate"), result["electorate"]],
            [_("Voted"), result["voted"]],
            [_("Turnout (%)"), result["turnout"]],
            [_("Quorum met"), _("Yes") if result["quorum_met"] else _("No")],
        ]
        return csv_response(f"votacion-{ballot.pk}.csv", header, rows)
