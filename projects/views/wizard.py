"""The proposal form, step by step: each step's texts and the rows it adds; every form saves on its own."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from axs_platform.forms import SEARCH_BUTTON, add_service_errors, choice_search_term, typed_values
from committees.permissions import current_organization
from sdg.models import Goal, Target

from .. import checklist, permissions, selectors, services
from ..criteria import ALIGNMENT_STEPS
from ..forms import (
    STEP_TEXT_FIELDS,
    ActivityForm,
    AlignmentForm,
    AttachmentForm,
    BudgetLineForm,
    ComponentForm,
    ContributionForm,
    GoalPickForm,
    IndicatorForm,
    PartnerInviteForm,
    RoleForm,
    proposal_text_form,
)
from ..models import (
    Activity,
    AlignedTarget,
    Attachment,
    BudgetLine,
    Component,
    ConsortiumMember,
    Contribution,
    PartnerStatus,
    ProjectIndicator,
    Proposal,
)
from .proposals import ProposalMixin, context_for_reading

STEP_TEMPLATES = {name: f"projects/steps/{name}.html" for name in checklist.STEP_NAMES}
# The row forms of the structured steps. Moving on from such a step sends them: what was typed in them is
# saved (or shown again with its errors), what was left untouched is skipped. No JavaScript needed.
ROW_FORMS = {
    "design": ("texts", "component", "activity"),
    "consortium": ("contribution", "invite"),
    "alignment": ("alignment",),
    "indicators": ("indicator",),
    "budget": ("budget",),
    "attachments": ("attachment",),
}


class ProposalStepView(ProposalMixin, TemplateView):
    """One step of the proposal form: its texts and the rows it adds; every form saves on its own."""

    typed = None  # the consortium step's forms as typed, when its picker's search was pressed

    def dispatch(self, request, *args, **kwargs):
        if kwargs["step"] not in checklist.STEP_NAMES:
            raise Http404
        self.step = kwargs["step"]
        return super().dispatch(request, *args, **kwargs)

    def has_proposal_permission(self, user, proposal):
        if self.step == "consortium" and permissions.is_partner(user, proposal):
            return True
        return permissions.can_edit_proposal(user, proposal)

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
            typed = self.typed or {}
            if permissions.can_edit_proposal(user, proposal):
                forms["invite"] = PartnerInviteForm(
                    proposal=proposal, search=choice_search_term(self.request), initial=typed.get("invite")
                )
            forms["contribution"] = ContributionForm(members=self._members_i_edit(), initial=typed.get("contribution"))
        if self.step == "budget":
            forms["budget"] = BudgetLineForm(proposal=proposal)
        if self.step == "attachments":
            forms["attachment"] = AttachmentForm()
        forms.update(bound or {})
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
            **context_for_reading(user, proposal),
        }
        names = checklist.STEP_NAMES
        index = names.index(self.step)
        context["next_step"] = names[index + 1] if index + 1 < len(names) else None
        # Partners state their contributions but do not edit the other steps: they keep the plain link.
        context["row_forms"] = bool(self._row_names()) and context["can_edit"]
        context["previous_step"] = names[index - 1] if index else None
        context["step_number"] = index + 1
        context["step_label"] = checklist.STEPS[index][1]
        if "invite" in context["forms"]:
            context["choice_search"] = (
                context["forms"]["invite"]
                .fields["organization"]
                .search_context(choice_search_term(self.request), label=_("Search organizations"), form_id="step-rows")
            )
        return super().get_context_data(**context, **kwargs)

    # Saving

    def post(self, request, *args, **kwargs):
        if SEARCH_BUTTON in request.POST and self.step == "consortium":
            # The picker's search: show the step's forms again as typed, narrowed, unsaved.
            self.typed = {name: typed_values(self._row_form(name)) for name in self._row_names()}
            return self.render_to_response(self.get_context_data())
        name = request.POST.get("form", "")
        if self.step in ROW_FORMS and (name in ROW_FORMS[self.step] or request.POST.get("then") == "next"):
            return self._save_rows(pressed=None if request.POST.get("then") == "next" else name)
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
            return self.render_to_response(self.get_context_data(bound={name: form}), status=200)
        messages.success(request, _("Saved."))
        return self._onwards()

    def _onwards(self):
        request = self.request
        target = request.path
        if request.POST.get("then") == "next":
            next_index = checklist.STEP_NAMES.index(self.step) + 1
            if next_index < len(checklist.STEP_NAMES):
                target = reverse(
                    "projects:proposal-edit", kwargs={"pk": self.proposal.pk, "step": checklist.STEP_NAMES[next_index]}
                )
            else:
                target = reverse("projects:proposal-submit", kwargs={"pk": self.proposal.pk})
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

    def save_role(self):
        member = get_object_or_404(ConsortiumMember, pk=self.request.POST.get("member"), proposal=self.proposal)
        form = RoleForm(self.request.POST)
        if not self._bind(form):
            return form
        self._service(services.member_update, member=member, role=form.cleaned_data["role"])
        return None

    # The row forms of the structured steps (ROW_FORMS)

    def _row_names(self):
        names = ROW_FORMS.get(self.step, ())
        if not permissions.can_edit_proposal(self.request.user, self.proposal):
            names = tuple(name for name in names if name != "invite")
        return names

    def _row_form(self, name):
        data, files, proposal = self.request.POST, self.request.FILES, self.proposal
        builders = {
            "texts": lambda: proposal_text_form(self.step)(data, instance=Proposal.objects.get(pk=proposal.pk)),
            "component": lambda: ComponentForm(data),
            "activity": lambda: ActivityForm(data, proposal=proposal),
            "alignment": lambda: AlignmentForm(data, goal=None),
            "indicator": lambda: IndicatorForm(data, proposal=proposal),
            "invite": lambda: PartnerInviteForm(data, proposal=proposal, search=choice_search_term(self.request)),
            "contribution": lambda: ContributionForm(data, members=self._members_i_edit()),
            "budget": lambda: BudgetLineForm(data, proposal=proposal),
            "attachment": lambda: AttachmentForm(data, files),
        }
        return builders[name]()

    def _save_row(self, name, data):
        proposal = self.proposal
        if name == "texts":
            self._service(services.proposal_update, proposal=proposal, **data)
        elif name == "component":
            self._service(services.component_add, proposal=proposal, **data)
        elif name == "activity":
            self._service(services.activity_add, **data)
        elif name == "alignment":
            self._service(services.alignment_add, proposal=proposal, **data)
        elif name == "indicator":
            self._service(services.indicator_add, proposal=proposal, **data)
        elif name == "invite":
            self._service(services.partner_invite, proposal=proposal, **data)
        elif name == "contribution":
            self._service(services.contribution_add, **data)
        elif name == "budget":
            self._service(services.budget_line_add, proposal=proposal, **data)
        elif name == "attachment":
            self._service(services.attachment_add, proposal=proposal, title=data["title"], upload=data["file"])

    def _save_rows(self, pressed):
        """Save every row form of the step that was typed in (and the one whose button was pressed).

        A form left as it was offered is skipped, so moving on from an empty step saves nothing; a form with
        errors comes back with what was typed, and nothing moves on.
        """
        forms = {name: self._row_form(name) for name in self._row_names()}
        chosen = [name for name, form in forms.items() if name == pressed or form.has_changed()]
        saved = []
        for name in chosen:
            form = forms[name]
            if not form.is_valid():
                continue
            try:
                self._save_row(name, form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
                continue
            saved.append(name)
        if len(saved) < len(chosen):
            # What was saved is offered empty again; only the forms still holding errors stay filled in.
            bound = {name: forms[name] for name in chosen if name not in saved}
            messages.error(self.request, _("Please correct what is marked below; nothing you typed was lost."))
            return self.render_to_response(self.get_context_data(bound=bound), status=200)
        if saved:
            messages.success(self.request, _("Saved."))
        return self._onwards()

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
