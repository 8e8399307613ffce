"""Pages of a proposal: start, the form in steps with its checklist, the detail, review, versions, files."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView, TemplateView

from accounts.views import add_service_errors
from audit.selectors import events_for
from axs_platform.permissions import PredicateRequiredMixin, is_staff_member
from committees.permissions import current_organization
from sdg.models import Goal, Target

from .. import checklist, permissions, selectors, services
from ..criteria import ALIGNMENT_STEPS, AXS_CRITERIA, DEFINITIONS, SUSTAINABILITY_CRITERIA
from ..forms import (
    STEP_TEXT_FIELDS,
    ActivityForm,
    AlignmentForm,
    AttachmentForm,
    BudgetLineForm,
    CommentForm,
    ComponentForm,
    ContributionForm,
    GoalPickForm,
    IndicatorForm,
    PartnerInviteForm,
    ProposalStartForm,
    ReasonForm,
    RoleForm,
    proposal_text_form,
)
from ..models import (
    Activity,
    AlignedTarget,
    Attachment,
    BudgetLine,
    Call,
    Component,
    ConsortiumMember,
    Contribution,
    PartnerStatus,
    ProjectIndicator,
    Proposal,
    ProposalStatus,
)
from .calls import proposals_body, with_status_badges


class ProposalMixin(PredicateRequiredMixin):
    """Load the proposal named in the URL; only those who may read it get further."""

    def dispatch(self, request, *args, **kwargs):
        self.proposal = get_object_or_404(
            Proposal.objects.select_related("call", "committee__goal", "lead_organization"), pk=kwargs["pk"]
        )
        return super().dispatch(request, *args, **kwargs)

    def has_permission(self):
        return permissions.can_view_proposal(self.request.user, self.proposal)

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
        context = {"organization": organization, "status": status, "statuses": ProposalStatus.choices}
        if organization is not None:
            context["mine"] = with_status_badges(selectors.proposal_rows(organization_id=organization.pk)[:100])
            # Shown to representatives only (the template lists them under their organization).
            context["open_calls"] = selectors.open_calls(_today())
        if is_staff_member(user):
            rows, scope = selectors.proposal_rows(status=status), "all"
        else:
            chaired = sorted(permissions.chaired_committee_ids(user))
            rows = selectors.proposal_rows(status=status).filter(committee_id__in=chaired) if chaired else None
            scope = tuple(chaired)
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
            title=_("Start a proposal"), intro=self.call.title, alignment_steps=ALIGNMENT_STEPS, **kwargs
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


def _budget_rows(proposal, members):
    accepted = [m for m in members if m.status == PartnerStatus.ACCEPTED]
    totals = checklist.budget_by_member(proposal, accepted, proposal.budget.all())
    return [(m, totals[m.pk][0], totals[m.pk][1]) for m in accepted]


def _context_for_reading(user, proposal):
    """Return what the detail page shows of a fully loaded proposal."""
    members = [m for m in proposal.consortium.all() if m.status in (PartnerStatus.INVITED, PartnerStatus.ACCEPTED)]
    return {
        "members": members,
        "sustainability": [(c, DEFINITIONS[c], getattr(proposal, c.value)) for c in SUSTAINABILITY_CRITERIA],
        "axs": [(c, getattr(proposal, c.value)) for c in AXS_CRITERIA],
        "objective_indicators": [i for i in proposal.indicators.all() if i.component_id is None],
        "budget_rows": _budget_rows(proposal, members),
        "budget_total": sum((line.amount_mxn for line in proposal.budget.all()), 0),
    }


class ProposalDetailView(ProposalMixin, TemplateView):
    """The whole proposal, its status and history, what is missing, the comments and the review actions."""

    template_name = "projects/proposal_detail.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        proposal = selectors.proposal_full().get(pk=self.proposal.pk)
        context = _context_for_reading(user, proposal)
        my_member = next(
            (
                m
                for m in context["members"]
                if current_organization(user) and m.organization_id == current_organization(user).pk
            ),
            None,
        )
        context.update(
            proposal=proposal,
            checklist=checklist.checklist(proposal) if proposal.status in ("draft", "returned", "structuring") else [],
            can_edit=permissions.can_edit_proposal(user, proposal),
            can_submit=permissions.can_submit(user, proposal),
            can_review=permissions.can_review(user, proposal),
            can_comment=permissions.can_comment(user, proposal),
            can_publish=permissions.can_publish(user, proposal),
            actions=services.available_actions(user, proposal),
            my_member=my_member,
            respond_form=RoleForm(form_name="respond", submit_label=_("Accept and join the consortium"))
            if my_member and my_member.status == PartnerStatus.INVITED
            else None,
            transitions=proposal.transitions.select_related("actor"),
            versions=proposal.versions.select_related("submitted_by").defer("content"),
            comments=proposal.comments.select_related("author"),
            comment_form=CommentForm(),
            steps=checklist.STEPS,
        )
        if context["can_review"]:
            context["evaluations"] = proposal.evaluations.exclude(status="withdrawn").select_related("evaluator")
            context["history"] = events_for(proposal)[:30]
        return super().get_context_data(**context, **kwargs)


STEP_TEMPLATES = {name: f"projects/steps/{name}.html" for name in checklist.STEP_NAMES}


class ProposalStepView(ProposalMixin, TemplateView):
    """One step of the proposal form: its texts and the rows it adds; every form saves on its own."""

    def dispatch(self, request, *args, **kwargs):
        if kwargs["step"] not in checklist.STEP_NAMES:
            raise Http404
        self.step = kwargs["step"]
        return super().dispatch(request, *args, **kwargs)

    def has_permission(self):
        user = self.request.user
        if not permissions.can_view_proposal(user, self.proposal):
            return False
        if self.step == "consortium" and permissions.is_partner(user, self.proposal):
            return True
        return permissions.can_edit_proposal(user, self.proposal)

    def get_template_names(self):
        return [STEP_TEMPLATES[self.step]]

    # Forms of each step

    def forms(self, bound=None):
        proposal = self.proposal
        user = self.request.user
        forms = {}
        if self.step in STEP_TEXT_FIELDS:
            forms["texts"] = proposal_text_form(self.step)(instance=proposal)
        if self.step == "design":
            forms["component"] = ComponentForm()
            forms["activity"] = ActivityForm(proposal=proposal)
        if self.step == "alignment":
            goal, target = self._goal_and_target()
            forms["alignment"] = AlignmentForm(goal=goal, target=target)
            forms["goal"] = GoalPickForm(initial={"goal": goal.pk if goal else None})
        if self.step == "indicators":
            forms["indicator"] = IndicatorForm(proposal=proposal)
        if self.step == "consortium":
            if permissions.can_edit_proposal(user, proposal):
                forms["invite"] = PartnerInviteForm(proposal=proposal)
            forms["contribution"] = ContributionForm(members=self._members_i_edit())
        if self.step == "budget":
            forms["budget"] = BudgetLineForm(proposal=proposal)
        if self.step == "attachments":
            forms["attachment"] = AttachmentForm()
        if bound is not None:
            forms[bound[0]] = bound[1]
        return forms

    def _goal_and_target(self):
        goal = target = None
        data = self.request.GET
        if data.get("target"):
            target = Target.objects.select_related("goal").filter(pk=data["target"]).first()
            goal = target.goal if target else None
        if goal is None and data.get("goal"):
            goal = Goal.objects.filter(pk=data["goal"]).first()
        if goal is None:
            goal = self.proposal.committee.goal
        return goal, target

    def _members_i_edit(self):
        members = ConsortiumMember.objects.filter(proposal=self.proposal, status=PartnerStatus.ACCEPTED)
        if not permissions.can_edit_proposal(self.request.user, self.proposal):
            organization = current_organization(self.request.user)
            members = members.filter(organization=organization)
        return members.select_related("organization")

    def get_context_data(self, bound=None, **kwargs):
        kwargs.pop("step", None)
        proposal = selectors.proposal_full().get(pk=self.proposal.pk)
        items = checklist.checklist(proposal)
        user = self.request.user
        context = {
            "proposal": proposal,
            "step": self.step,
            "steps": [(name, label, all(i.done for i in items if i.step == name)) for name, label in checklist.STEPS],
            "forms": self.forms(bound),
            "missing": [i for i in items if not i.done],
            "can_edit": permissions.can_edit_proposal(user, proposal),
            "alignment_steps": ALIGNMENT_STEPS,
            **_context_for_reading(user, proposal),
        }
        names = checklist.STEP_NAMES
        index = names.index(self.step)
        context["next_step"] = names[index + 1] if index + 1 < len(names) else None
        context["previous_step"] = names[index - 1] if index else None
        context["step_number"] = index + 1
        context["step_label"] = checklist.STEPS[index][1]
        return super().get_context_data(**context, **kwargs)

    # Saving

    def post(self, request, *args, **kwargs):
        name = request.POST.get("form", "")
        handler = getattr(self, f"save_{name.replace('-', '_')}", None)
        if handler is None:
            raise Http404
        try:
            form = handler()
        except ValidationError as error:
            if not hasattr(self, "_form"):
                messages.error(request, " ".join(error.messages))
                return redirect(request.path)
            add_service_errors(self._form, error)
            form = self._form
        except (Component.DoesNotExist, ValueError):
            raise Http404 from None
        if form is not None:
            messages.error(request, _("Please correct what is marked below; nothing you typed was lost."))
            return self.render_to_response(self.get_context_data(bound=(name, form)), status=200)
        messages.success(request, _("Saved."))
        target = request.path
        if request.POST.get("then") == "next":
            next_index = checklist.STEP_NAMES.index(self.step) + 1
            if next_index < len(checklist.STEP_NAMES):
                target = reverse(
                    "projects:proposal-edit", kwargs={"pk": self.proposal.pk, "step": checklist.STEP_NAMES[next_index]}
                )
        return redirect(target)

    def _bind(self, form):
        self._form = form
        return form.is_valid()

    def _service(self, function, **kwargs):
        return function(actor=self.request.user, request=self.request, **kwargs)

    def save_texts(self):
        form = proposal_text_form(self.step)(self.request.POST, instance=Proposal.objects.get(pk=self.proposal.pk))
        if not self._bind(form):
            return form
        self._service(services.proposal_update, proposal=self.proposal, **form.cleaned_data)
        return None

    def save_component(self):
        form = ComponentForm(self.request.POST)
        if not self._bind(form):
            return form
        self._service(services.component_add, proposal=self.proposal, **form.cleaned_data)
        return None

    def save_activity(self):
        form = ActivityForm(self.request.POST, proposal=self.proposal)
        if not self._bind(form):
            return form
        self._service(services.activity_add, **form.cleaned_data)
        return None

    def save_alignment(self):
        goal, target = self._goal_and_target()
        form = AlignmentForm(self.request.POST, goal=None)
        if not self._bind(form):
            return form
        self._service(services.alignment_add, proposal=self.proposal, **form.cleaned_data)
        return None

    def save_indicator(self):
        form = IndicatorForm(self.request.POST, proposal=self.proposal)
        if not self._bind(form):
            return form
        self._service(services.indicator_add, proposal=self.proposal, **form.cleaned_data)
        return None

    def save_invite(self):
        form = PartnerInviteForm(self.request.POST, proposal=self.proposal)
        if not self._bind(form):
            return form
        self._service(services.partner_invite, proposal=self.proposal, **form.cleaned_data)
        return None

    def save_role(self):
        member = get_object_or_404(ConsortiumMember, pk=self.request.POST.get("member"), proposal=self.proposal)
        form = RoleForm(self.request.POST)
        if not self._bind(form):
            return form
        self._service(services.member_update, member=member, role=form.cleaned_data["role"])
        return None

    def save_contribution(self):
        form = ContributionForm(self.request.POST, members=self._members_i_edit())
        if not self._bind(form):
            return form
        self._service(services.contribution_add, **form.cleaned_data)
        return None

    def save_budget(self):
        form = BudgetLineForm(self.request.POST, proposal=self.proposal)
        if not self._bind(form):
            return form
        self._service(services.budget_line_add, proposal=self.proposal, **form.cleaned_data)
        return None

    def save_attachment(self):
        form = AttachmentForm(self.request.POST, self.request.FILES)
        if not self._bind(form):
            return form
        self._service(
            services.attachment_add,
            proposal=self.proposal,
            title=form.cleaned_data["title"],
            upload=form.cleaned_data["file"],
        )
        return None

    def save_remove(self):
        """Remove one row the step lists: ``kind`` names what, ``row`` which one."""
        kind, row = self.request.POST.get("kind"), self.request.POST.get("row")
        proposal = self.proposal
        removers = {
            "component": (services.component_remove, "component", Component.objects.filter(proposal=proposal)),
            "activity": (services.activity_remove, "activity", Activity.objects.filter(component__proposal=proposal)),
            "alignment": (services.alignment_remove, "alignment", AlignedTarget.objects.filter(proposal=proposal)),
            "indicator": (services.indicator_remove, "indicator", ProjectIndicator.objects.filter(proposal=proposal)),
            "budget": (services.budget_line_remove, "line", BudgetLine.objects.filter(proposal=proposal)),
            "attachment": (services.attachment_remove, "attachment", Attachment.objects.filter(proposal=proposal)),
            "contribution": (
                services.contribution_remove,
                "contribution",
                Contribution.objects.filter(member__proposal=proposal),
            ),
            "partner": (services.partner_remove, "member", ConsortiumMember.objects.filter(proposal=proposal)),
        }
        if kind not in removers:
            raise Http404
        function, argument, rows = removers[kind]
        obj = get_object_or_404(rows, pk=row)
        self._service(function, **{argument: obj})
        return None


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

    def has_permission(self):
        return permissions.can_view_proposal(self.request.user, self.proposal) and permissions.can_submit(
            self.request.user, self.proposal
        )

    def get_context_data(self, **kwargs):
        proposal = selectors.proposal_full().get(pk=self.proposal.pk)
        items = checklist.checklist(proposal)
        return super().get_context_data(
            checklist=items, ready=all(i.done for i in items), call_open=proposal.call.is_open, **kwargs
        )

    def post(self, request, *args, **kwargs):
        try:
            services.proposal_submit(actor=request.user, proposal=self.proposal, request=request)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return self.render_to_response(self.get_context_data(), status=200)
        messages.success(request, _("The proposal was submitted. You will be told by e-mail of every change."))
        return redirect(self.proposal)


TRANSITION_LABELS = {
    "return": _("Return for changes"),
    "accept": _("Accept for the committee's consideration"),
    "decline": _("Decline"),
    "select": _("Select"),
    "not-select": _("Do not select"),
    "structure": _("Start structuring"),
    "structured": _("Mark as structured"),
    "implement": _("Start implementation"),
    "close": _("Close the project"),
    "withdraw": _("Withdraw"),
}


class ProposalTransitionView(ProposalMixin, FormView):
    """Move the proposal one step, with the reason the proposer reads in the e-mail."""

    template_name = "projects/form.html"

    def dispatch(self, request, *args, **kwargs):
        if kwargs["action"] not in services.TRANSITIONS:
            raise Http404
        self.action = kwargs["action"]
        return super().dispatch(request, *args, **kwargs)

    def has_permission(self):
        user = self.request.user
        if self.action == "withdraw":
            return permissions.can_withdraw(user, self.proposal)
        return permissions.can_review(user, self.proposal)

    def get_form(self, form_class=None):
        return ReasonForm(
            **self.get_form_kwargs(),
            submit_label=TRANSITION_LABELS[self.action],
            reason_required=services.TRANSITIONS[self.action][2],
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            title=f"{TRANSITION_LABELS[self.action]}: {self.proposal.title}",
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
        messages.success(self.request, _("The status was changed and the proposer was told."))
        return redirect(self.proposal)


class ProposalPublishView(ProposalMixin, View):
    def has_permission(self):
        return permissions.can_publish(self.request.user, self.proposal)

    def post(self, request, *args, **kwargs):
        try:
            services.proposal_publish(
                actor=request.user, proposal=self.proposal, publish=request.POST.get("publish") == "1", request=request
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        return redirect(self.proposal)


class CommentCreateView(ProposalMixin, View):
    def has_permission(self):
        return permissions.can_comment(self.request.user, self.proposal)

    def post(self, request, *args, **kwargs):
        form = CommentForm(request.POST)
        if form.is_valid():
            services.comment_add(actor=request.user, proposal=self.proposal, text=form.cleaned_data["text"])
            messages.success(request, _("Your comment was added."))
        else:
            messages.error(request, _("Write the comment."))
        return redirect(f"{self.proposal.get_absolute_url()}#comments")


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
        return FileResponse(self.attachment.file.open("rb"), as_attachment=True, filename=self.attachment.original_name)
