"""Pages of a proposal: start, the form in steps with its checklist, the detail, review, versions, files."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import FormView, TemplateView

from audit.selectors import history_for
from axs_platform import fragments, notices
from axs_platform.forms import add_service_errors
from axs_platform.pagination import page_rows
from axs_platform.permissions import PredicateRequiredMixin, is_staff_member
from axs_platform.templatetags.markup import es
from axs_platform.uploads import private_file_response
from committees.permissions import current_organization

from .. import checklist, desk, permissions, selectors, services
from ..activity import activity_stream
from ..criteria import ALIGNMENT_STEPS, AXS_CRITERIA, DEFINITIONS, SUSTAINABILITY_CRITERIA
from ..forms import (
    CommentForm,
    ProposalStartForm,
    ReasonForm,
    RoleForm,
)
from ..models import (
    Attachment,
    Call,
    ConsortiumMember,
    PartnerStatus,
    Proposal,
    ProposalStatus,
)
from .calls import proposals_body, with_status_badges

MINE_PER_PAGE = 25


class ProposalMixin(PredicateRequiredMixin):
    """Load the proposal named in the URL; only those who may read it get further.

    Every page of a proposal asks ``can_view_proposal`` first (a draft is its consortium's alone), then
    what the page does: a view narrows it with ``has_proposal_permission``, never replaces it.
    """

    def dispatch(self, request, *args, **kwargs):
        self.proposal = get_object_or_404(
            Proposal.objects.select_related("call", "committee__goal", "lead_organization"), pk=kwargs["pk"]
        )
        return super().dispatch(request, *args, **kwargs)

    def has_permission(self):
        user = self.request.user
        return permissions.can_view_proposal(user, self.proposal) and self.has_proposal_permission(user, self.proposal)

    def has_proposal_permission(self, user, proposal):
        return True

    def get_context_data(self, **kwargs):
        kwargs.setdefault("proposal", self.proposal)
        return super().get_context_data(**kwargs)


class ProposalListView(PredicateRequiredMixin, TemplateView):
    """A representative's proposals (led or joined); for staff and chairs, the proposals to review."""

    template_name = "projects/proposal_list.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        organization = current_organization(user)
        status = self.request.GET.get("status", "")
        context = {
            "organization": organization,
            "status": status,
            "statuses": ProposalStatus.choices,
            "can_manage": permissions.can_manage_proposals(user),
        }
        if organization is not None:
            rows = page_rows(selectors.proposal_rows(organization_id=organization.pk, status=status))
            mine = Paginator(rows, MINE_PER_PAGE)
            context["mine_page"] = mine.get_page(self.request.GET.get("mias"))
            context["mine"] = with_status_badges(context["mine_page"].object_list)
            context["mine_query"] = urlencode({k: v for k, v in self.request.GET.items() if k != "mias"})
            # Shown to representatives only (the template lists them under their organization).
            context["open_calls"] = selectors.open_calls(_today())
        if is_staff_member(user):
            rows, scope = selectors.proposal_rows(status=status), "all"
        else:
            chaired = sorted(permissions.chaired_committee_ids(user))
            rows = None
            if chaired:
                # Not the calls her organization competes in (``can_review``): staff decide those.
                rows = permissions.without_conflicts(
                    selectors.proposal_rows(status=status).filter(committee_id__in=chaired), user
                )
            scope = (tuple(chaired), organization.pk if organization else None)
        if rows is not None and self.request.GET.get("evaluations") == "due":
            rows = desk.evaluations_due(rows)  # the staff desk's card
        if rows is not None:
            context["to_review_body"] = proposals_body(
                self.request, "to-review", scope, rows, template="projects/includes/to_review_body.html", show_call=True
            )
        return super().get_context_data(**context, **kwargs)


def _today():
    from django.utils import timezone

    return timezone.localdate()


class ProposalStartView(PredicateRequiredMixin, FormView):
    template_name = "projects/form.html"
    form_class = ProposalStartForm

    def dispatch(self, request, *args, **kwargs):
        self.call = get_object_or_404(Call.objects.select_related("committee"), pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def has_permission(self):
        return permissions.can_start_proposal(self.request.user, self.call)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            title=_("Start a proposal"), intro=es(self.call.title), alignment_steps=ALIGNMENT_STEPS, **kwargs
        )

    def form_valid(self, form):
        try:
            proposal = services.proposal_start(
                actor=self.request.user, call=self.call, title=form.cleaned_data["title"], request=self.request
            )
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("The draft was created. Fill it in steps; it is saved at every step."))
        return redirect("projects:proposal-edit", pk=proposal.pk, step="general")


def budget_rows(proposal, members):
    accepted = [m for m in members if m.status == PartnerStatus.ACCEPTED]
    totals = checklist.budget_by_member(proposal, accepted, proposal.budget.all())
    return [(m, totals[m.pk][0], totals[m.pk][1]) for m in accepted]


def context_for_reading(user, proposal):
    """Return what the detail page shows of a fully loaded proposal."""
    members = [m for m in proposal.consortium.all() if m.status in (PartnerStatus.INVITED, PartnerStatus.ACCEPTED)]
    return {
        "members": members,
        "sustainability": [(c, DEFINITIONS[c], getattr(proposal, c.value)) for c in SUSTAINABILITY_CRITERIA],
        "axs": [(c, getattr(proposal, c.value)) for c in AXS_CRITERIA],
        "objective_indicators": [i for i in proposal.indicators.all() if i.component_id is None],
        "budget_rows": budget_rows(proposal, members),
        "budget_total": sum((line.amount_mxn for line in proposal.budget.all()), 0),
    }


class ProposalDetailView(ProposalMixin, TemplateView):
    """The whole proposal, its status and history, what is missing, the comments and the review actions.

    The content (consortium to attachments) is the same for everyone who may read the proposal: a fragment
    per proposal and version of the proposals, the directory (the partners' names) and the SDG framework,
    rendered from ``proposal_full`` when missing. Status, actions, checklist and history are read per request.
    """

    template_name = "projects/proposal_detail.html"

    def content(self, proposal, full=None):
        """The content's fragment; ``full`` is the proposal already loaded by ``proposal_full``, if it is."""

        def render():
            shown = full or selectors.proposal_full().get(pk=proposal.pk)
            context = {"proposal": shown, **context_for_reading(self.request.user, shown)}
            return render_to_string("projects/includes/content.html", context), None

        areas = [fragments.PROPOSALS, fragments.DIRECTORY, fragments.SDG]
        return fragments.fragment(areas, "proposal-content", (proposal.pk,), render)

    def get_context_data(self, comment_form=None, **kwargs):
        user = self.request.user
        proposal = self.proposal
        organization = current_organization(user)
        my_member = None
        if organization is not None:
            mine = proposal.consortium.filter(
                organization=organization, status__in=(PartnerStatus.INVITED, PartnerStatus.ACCEPTED)
            )
            my_member = mine.first()
        editing = proposal.status in ("draft", "returned", "structuring")
        # The checklist reads the whole proposal: loaded once, for it and for the content if not cached.
        full = selectors.proposal_full().get(pk=proposal.pk) if editing else None
        can_review = permissions.can_review(user, proposal)
        # The status history and the evaluations show beside the activity stream too: read once for both.
        transitions = list(selectors.proposal_transitions(proposal))
        evaluations = list(selectors.proposal_evaluation_history(proposal)) if can_review else None
        context = {
            "proposal": proposal,
            "content": self.content(proposal, full),
            "checklist": checklist.checklist(full) if editing else [],
            "can_edit": permissions.can_edit_proposal(user, proposal),
            "can_submit": permissions.can_submit(user, proposal),
            "can_review": can_review,
            "can_comment": permissions.can_comment(user, proposal)
            or permissions.can_comment_internally(user, proposal),
            "can_publish": permissions.can_publish(user, proposal),
            "actions": services.available_actions(user, proposal),
            "my_member": my_member,
            "respond_form": RoleForm(form_name="respond", submit_label=_("Accept and join the consortium"))
            if my_member and my_member.status == PartnerStatus.INVITED
            else None,
            "transitions": transitions,
            "versions": proposal.versions.select_related("submitted_by").defer("content"),
            "activity": activity_stream(user, proposal, transitions=transitions, evaluations=evaluations),
            "comment_form": comment_form or CommentForm(internal_allowed=_both_kinds(user, proposal)),
            "steps": checklist.STEPS,
        }
        if can_review:
            context["evaluations"] = [e for e in reversed(evaluations) if not e.is_withdrawn]
            context["history"] = history_for(proposal)
            context["can_see_matrix"] = permissions.can_see_matrix(user, proposal.call)
        return super().get_context_data(**context, **kwargs)


class PartnerRespondView(ProposalMixin, View):
    """A partner accepts the invitation (stating its role) or declines it."""

    def post(self, request, *args, **kwargs):
        member = get_object_or_404(ConsortiumMember, pk=kwargs["member_pk"], proposal=self.proposal)
        if not permissions.can_respond_to_invitation(request.user, member):
            raise PermissionDenied
        accept = request.POST.get("answer") != "decline"
        try:
            services.partner_respond(
                actor=request.user, member=member, accept=accept, role=request.POST.get("role", ""), request=request
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Your answer was recorded."))
        return redirect(self.proposal)


class ProposalSubmitView(ProposalMixin, TemplateView):
    """Show the checklist and submit; what is missing links to the step that fixes it."""

    template_name = "projects/proposal_submit.html"

    def has_proposal_permission(self, user, proposal):
        return permissions.can_submit(user, proposal)

    def get_context_data(self, **kwargs):
        proposal = selectors.proposal_full().get(pk=self.proposal.pk)
        items = checklist.checklist(proposal)
        return super().get_context_data(
            checklist=items, ready=all(i.done for i in items), call_open=proposal.call.is_open, **kwargs
        )

    def post(self, request, *args, **kwargs):
        try:
            services.proposal_submit(
                actor=request.user, proposal=self.proposal, notice_shown=notices.shown(request.POST), request=request
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return self.render_to_response(self.get_context_data(), status=200)
        messages.success(request, _("The proposal was submitted. You will be told by e-mail of every change."))
        return redirect(self.proposal)


# Lazy: read in the language of each request, not the one active when the module was imported.
TRANSITION_LABELS = {
    "return": gettext_lazy("Return for changes"),
    "accept": gettext_lazy("Accept for the committee's consideration"),
    "decline": gettext_lazy("Decline"),
    "select": gettext_lazy("Select"),
    "not-select": gettext_lazy("Do not select"),
    "structure": gettext_lazy("Start structuring"),
    "structured": gettext_lazy("Mark as structured"),
    "implement": gettext_lazy("Start implementation"),
    "close": gettext_lazy("Close the project"),
    "withdraw": gettext_lazy("Withdraw"),
}


class ProposalTransitionView(ProposalMixin, FormView):
    """Move the proposal one step, with the reason the proposer reads in the e-mail."""

    template_name = "projects/form.html"

    def dispatch(self, request, *args, **kwargs):
        if kwargs["action"] not in services.TRANSITIONS:
            raise Http404
        self.action = kwargs["action"]
        return super().dispatch(request, *args, **kwargs)

    def has_proposal_permission(self, user, proposal):
        if self.action == "withdraw":
            return permissions.can_withdraw(user, proposal)
        return permissions.can_review(user, proposal)

    def get_form(self, form_class=None):
        return ReasonForm(
            **self.get_form_kwargs(),
            submit_label=TRANSITION_LABELS[self.action],
            reason_required=services.TRANSITIONS[self.action][2],
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            title=f"{TRANSITION_LABELS[self.action]}: {self.proposal.title}",
            heading=format_html("{}: {}", TRANSITION_LABELS[self.action], es(self.proposal.title)),
            intro=_("Current status: %(status)s") % {"status": self.proposal.get_status_display()},
            **kwargs,
        )

    def form_valid(self, form):
        try:
            services.proposal_transition(
                actor=self.request.user,
                proposal=self.proposal,
                action=self.action,
                reason=form.cleaned_data["reason"],
                request=self.request,
            )
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        if self.action == "withdraw" and not permissions.can_review(self.request.user, self.proposal):
            messages.success(self.request, _("The proposal was withdrawn."))  # by its own proposer
        else:
            messages.success(self.request, _("The status was changed and the proposer was told."))
        return redirect(self.proposal)


class ProposalPublishView(ProposalMixin, View):
    def has_proposal_permission(self, user, proposal):
        return permissions.can_publish(user, proposal)

    def post(self, request, *args, **kwargs):
        try:
            services.proposal_publish(
                actor=request.user, proposal=self.proposal, publish=request.POST.get("publish") == "1", request=request
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        return redirect(self.proposal)


class CommentCreateView(ProposalDetailView):
    """Add a comment: shared with the consortium, or internal when the person reads the review's side.

    A comment refused is shown again on the proposal's page, its text kept and the error beside it.
    """

    http_method_names = ["post"]

    def has_proposal_permission(self, user, proposal):
        return permissions.can_comment(user, proposal) or permissions.can_comment_internally(user, proposal)

    def post(self, request, *args, **kwargs):
        form = CommentForm(request.POST, internal_allowed=_both_kinds(request.user, self.proposal))
        if form.is_valid():
            # Without the choice: an assigned evaluator speaks to the reviewers, the consortium to everyone.
            shared = permissions.can_comment(request.user, self.proposal)
            visibility = form.cleaned_data.get("visibility") or ("shared" if shared else "internal")
            try:
                services.comment_add(
                    actor=request.user,
                    proposal=self.proposal,
                    text=form.cleaned_data["text"],
                    visibility=visibility,
                    request=request,
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Your comment was added."))
                return redirect(f"{self.proposal.get_absolute_url()}#activity")
        return self.render_to_response(self.get_context_data(comment_form=form))


def _both_kinds(user, proposal):
    """Whether the person chooses who reads a comment (reviewers), or has one kind only."""
    return permissions.can_comment(user, proposal) and permissions.can_comment_internally(user, proposal)


class VersionView(ProposalMixin, TemplateView):
    """One submitted version and what changed from the one before."""

    template_name = "projects/version_detail.html"

    def get_context_data(self, **kwargs):
        version, previous, changes = services.version_changes(self.proposal, int(self.kwargs["number"]))
        if version is None:
            raise Http404
        return super().get_context_data(version=version, previous=previous, changes=changes, **kwargs)


class AttachmentDownloadView(PredicateRequiredMixin, View):
    """Serve an attachment to those who may read its proposal."""

    def dispatch(self, request, *args, **kwargs):
        self.attachment = get_object_or_404(Attachment.objects.select_related("proposal"), pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def has_permission(self):
        return permissions.can_view_proposal(self.request.user, self.attachment.proposal)

    def get(self, request, *args, **kwargs):
        return private_file_response(self.attachment.file, self.attachment.original_name)
