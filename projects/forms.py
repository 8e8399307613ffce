"""Forms for calls, proposals, review and evaluation. They validate what was typed; services apply the rules.

A step of the proposal shows several small forms; each carries a hidden ``form`` name so the view
knows which one was sent, and a bound form that fails is shown again with what was typed.
"""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from axs_platform.forms import (
    ContentSelect,
    DateInput,
    ModelChoiceField,
    ModelMultipleChoiceField,
    SearchableModelChoiceField,
    mark_spanish_texts,
    submit_helper,
)
from companies.geography import Country
from companies.models import Organization
from sdg.models import Goal, Indicator, Target

from .criteria import AXS_CRITERIA, DEFINITIONS, REPLICATION_COUNTRIES, SUSTAINABILITY_CRITERIA, Criterion
from .models import Call, CommentVisibility, ContributionKind, PartnerStatus, Proposal
from .services.common import COMMENT_MAX_LENGTH, ROLE_MAX_LENGTH

STEP_TEXT_FIELDS = {
    "general": ["title", "summary"],
    "problem": ["problem", "causes", "effects"],
    "design": ["purpose", "general_objective"],
    "criteria": [c.value for c in SUSTAINABILITY_CRITERIA + AXS_CRITERIA],
    "cooperation": ["international_cooperation", "replication_countries"],
}


def _textarea(rows=3):
    return forms.Textarea(attrs={"rows": rows})


class CallForm(forms.ModelForm):
    class Meta:
        model = Call
        fields = ["committee", "title", "guidance", "opens_on", "closes_on"]
        widgets = {
            "committee": ContentSelect(),
            "opens_on": DateInput(),
            "closes_on": DateInput(),
            "guidance": _textarea(5),
        }

    def __init__(self, *args, committees, **kwargs):
        super().__init__(*args, **kwargs)
        mark_spanish_texts(self)
        self.fields["committee"].queryset = committees
        if self.instance.pk:
            self.fields["committee"].disabled = True
        for criterion in Criterion:
            self.fields[f"weight_{criterion.value}"] = forms.DecimalField(
                label=_("Weight: %(criterion)s") % {"criterion": criterion.label},
                min_value=0,
                max_value=10,
                decimal_places=2,
                initial=self.instance.weight(criterion) if self.instance.pk else 1,
            )
        self.helper = submit_helper(_("Save the call"))

    def clean(self):
        cleaned = super().clean()
        opens_on, closes_on = cleaned.get("opens_on"), cleaned.get("closes_on")
        if opens_on and closes_on and closes_on < opens_on:
            self.add_error("closes_on", _("A call cannot close before it opens."))
        return cleaned

    @property
    def weights(self):
        return {c.value: float(self.cleaned_data[f"weight_{c.value}"]) for c in Criterion}


class ProposalStartForm(forms.Form):
    title = forms.CharField(label=_("Title of the project"), max_length=255)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = submit_helper(_("Start the proposal"))


class BaseProposalTextForm(forms.ModelForm):
    """The texts of one step of the proposal; build it with ``proposal_text_form(step)``."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        mark_spanish_texts(self)
        for name, field in self.fields.items():
            if isinstance(field.widget, forms.Textarea):
                field.widget.attrs["rows"] = 4
            if name in DEFINITIONS:
                field.help_text = DEFINITIONS[Criterion(name)]
        if "replication_countries" in self.fields:
            labels = dict(Country.choices)
            self.fields["replication_countries"] = forms.MultipleChoiceField(
                label=_("Countries of replication in Central America and the Caribbean"),
                choices=[(code, labels[code]) for code in REPLICATION_COUNTRIES],
                widget=forms.CheckboxSelectMultiple,
                required=False,
                initial=self.instance.replication_countries,
            )
        self.helper = submit_helper(_("Save"), form_name="texts")
        self.helper.form_id = "step-texts"


def proposal_text_form(step):
    return forms.modelform_factory(Proposal, form=BaseProposalTextForm, fields=STEP_TEXT_FIELDS[step])


class ComponentForm(forms.Form):
    title = forms.CharField(label=_("Component"), max_length=255)
    description = forms.CharField(label=_("Description"), widget=_textarea(2), required=False)

    def __init__(self, *args, **kwargs):
        # Prefixed: the design step sends its texts, a component and an activity in one form.
        kwargs.setdefault("prefix", "component")
        super().__init__(*args, **kwargs)
        self.helper = submit_helper(_("Add the component"), form_name="component", css="btn-outline-primary")


class ActivityForm(forms.Form):
    component = ModelChoiceField(label=_("Component"), queryset=None)
    description = forms.CharField(label=_("Activity"), max_length=500)
    starts_on = forms.DateField(label=_("Starts"), widget=DateInput())
    ends_on = forms.DateField(label=_("Ends"), widget=DateInput())

    def __init__(self, *args, proposal, **kwargs):
        # Prefixed: the component form beside it in the design step's one form also has a "description".
        kwargs.setdefault("prefix", "activity")
        super().__init__(*args, **kwargs)
        self.fields["component"].queryset = proposal.components.all()
        self.helper = submit_helper(_("Add the activity"), form_name="activity", css="btn-outline-primary")


class AlignmentForm(forms.Form):
    """Pick a target of the chosen goal and some of its indicators; without a goal, every target."""

    target = ModelChoiceField(label=_("SDG target"), queryset=None)
    indicators = ModelMultipleChoiceField(label=_("SDG indicators"), queryset=None, widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, goal=None, target=None, **kwargs):
        super().__init__(*args, **kwargs)
        targets = Target.objects.select_related("goal").order_by("position")
        indicators = Indicator.objects.select_related("target").order_by("position")
        if goal is not None:
            targets = targets.filter(goal=goal)
            indicators = indicators.filter(target__goal=goal)
        if target is not None:
            self.fields["target"].initial = target.pk
            if not self.is_bound:
                indicators = indicators.filter(target=target)
        self.fields["target"].queryset = targets
        self.fields["indicators"].queryset = indicators
        self.fields["indicators"].label_from_instance = lambda i: f"{i.code} {i.title}"
        self.fields["target"].label_from_instance = lambda t: f"{t.code} {t.title[:140]}"
        self.helper = submit_helper(_("Add to the alignment"), form_name="alignment", css="btn-outline-primary")

    def has_changed(self):
        """Only the indicators are typed here: the target comes from the pickers above the form."""
        return bool(self.data.getlist(self.add_prefix("indicators")))


class GoalPickForm(forms.Form):
    goal = ModelChoiceField(label=_("SDG"), queryset=Goal.objects.order_by("number"), required=False)


class IndicatorForm(forms.Form):
    component = ModelChoiceField(
        label=_("Component"),
        queryset=None,
        required=False,
        empty_label=_("General objective"),
    )
    name = forms.CharField(label=_("Indicator"), max_length=500)
    unit = forms.CharField(label=_("Unit"), max_length=100)
    baseline_value = forms.DecimalField(
        label=_("Baseline"),
        max_digits=16,
        decimal_places=2,
        error_messages={"required": _("Give the baseline: the indicator's value before the project.")},
    )
    baseline_year = forms.IntegerField(
        label=_("Baseline year"),
        min_value=1990,
        max_value=2100,
        error_messages={"required": _("Give the year of the baseline.")},
    )
    target_value = forms.DecimalField(label=_("Target value"), max_digits=16, decimal_places=2)
    target_year = forms.IntegerField(label=_("Target year"), min_value=1990, max_value=2100)
    means_of_verification = forms.CharField(
        label=_("Means of verification"),
        widget=_textarea(2),
        error_messages={"required": _("Say how the indicator will be verified.")},
    )
    sdg_indicator = ModelChoiceField(label=_("Linked SDG indicator"), queryset=None, required=False)

    def __init__(self, *args, proposal, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["component"].queryset = proposal.components.all()
        self.fields["sdg_indicator"].queryset = Indicator.objects.filter(
            pk__in=proposal.aligned_targets.values("indicators")
        ).order_by("position")
        self.fields["sdg_indicator"].label_from_instance = lambda i: f"{i.code} {i.title[:120]}"
        self.helper = submit_helper(_("Add the indicator"), form_name="indicator", css="btn-outline-primary")
        self.helper.form_id = "step-rows"

    def clean(self):
        cleaned = super().clean()
        baseline_year, target_year = cleaned.get("baseline_year"), cleaned.get("target_year")
        if baseline_year and target_year and target_year < baseline_year:
            self.add_error(
                "target_year",
                _("The target year (%(target)s) cannot come before the baseline year (%(baseline)s).")
                % {"target": target_year, "baseline": baseline_year},
            )
        return cleaned


class PartnerInviteForm(forms.Form):
    organization = SearchableModelChoiceField(
        label=_("Member organization"), queryset=None, search_fields=["legal_name", "short_name", "rfc"]
    )

    def __init__(self, *args, proposal, search="", **kwargs):
        super().__init__(*args, **kwargs)
        taken = proposal.consortium.filter(status__in=["invited", "accepted"]).values("organization")
        # The same rule as partner_invite: only active members, not already in the consortium.
        self.fields["organization"].queryset = Organization.objects.active_members().exclude(pk__in=taken)
        self.fields["organization"].narrow(search, selected=self["organization"].value())
        self.helper = submit_helper(_("Invite as partner"), form_name="invite", css="btn-outline-primary")


class RoleForm(forms.Form):
    role = forms.CharField(label=_("Role in the project"), widget=_textarea(2), max_length=ROLE_MAX_LENGTH)

    def __init__(self, *args, form_name="role", submit_label=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = submit_helper(submit_label or _("Save the role"), form_name=form_name, css="btn-outline-primary")


class ContributionForm(forms.Form):
    member = ModelChoiceField(label=_("Organization"), queryset=None)
    # The first kind is what the list shows before anyone chooses: an untouched form has not changed.
    kind = forms.ChoiceField(
        label=_("Kind of contribution"), choices=ContributionKind.choices, initial=ContributionKind.choices[0][0]
    )
    description = forms.CharField(label=_("Description"), widget=_textarea(2), required=False)
    amount_mxn = forms.DecimalField(
        label=_("Amount or estimated value (MXN)"),
        max_digits=14,
        decimal_places=2,
        min_value=0,
        required=False,
        help_text=_("Required for financial contributions (the amount) and in kind (the estimated value)."),
    )

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["member"].queryset = members
        self.fields["member"].label_from_instance = lambda m: str(m.organization)
        self.helper = submit_helper(_("Add the contribution"), form_name="contribution", css="btn-outline-primary")


class BudgetLineForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    source_member = ModelChoiceField(label=_("Funded by"), queryset=None, required=False)
    other_source = forms.CharField(
        label=_("Or another source"), max_length=255, required=False, help_text=_("A fund, a government, a donor.")
    )
    concept = forms.CharField(label=_("Concept"), max_length=255)
    amount_mxn = forms.DecimalField(label=_("Amount (MXN)"), max_digits=14, decimal_places=2)

    def __init__(self, *args, proposal, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["source_member"].queryset = proposal.consortium.filter(
            status=PartnerStatus.ACCEPTED
        ).select_related("organization")
        self.fields["source_member"].label_from_instance = lambda m: str(m.organization)
        self.helper = submit_helper(_("Add the budget line"), form_name="budget", css="btn-outline-primary")
        self.helper.form_id = "step-rows"


class AttachmentForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=255)
    file = forms.FileField(label=_("File"), help_text=_("PDF, PNG, JPEG, Word, Excel or PowerPoint, up to 10 MB."))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = submit_helper(_("Attach"), form_name="attachment", css="btn-outline-primary")
        self.helper.form_id = "step-rows"


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), widget=_textarea(3), max_length=4000, required=False)

    def __init__(self, *args, submit_label, reason_required=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].required = reason_required
        self.helper = submit_helper(submit_label)


class CommentTextField(forms.CharField):
    """A comment's text, its line breaks counted as one character each, as the browser's ``maxlength`` counts them.

    Browsers send every line break of a textarea as CR LF: without this, a text the page accepted
    would be refused as too long.
    """

    def to_python(self, value):
        return super().to_python(value).replace("\r\n", "\n")


class CommentForm(forms.Form):
    text = CommentTextField(
        label=_("Your comment"),
        widget=_textarea(3),
        max_length=4000,
        help_text=_("Write @ and the first part of a person's e-mail (@ana.lopez) to tell them."),
    )
    visibility = forms.ChoiceField(
        label=_("Who reads it"), choices=CommentVisibility.choices, initial=CommentVisibility.INTERNAL, required=False
    )

    def __init__(self, *args, internal_allowed=False, **kwargs):
        super().__init__(*args, **kwargs)
        if not internal_allowed:
            del self.fields["visibility"]
        self.helper = submit_helper(_("Send the comment"), css="btn-outline-primary")


class EvaluatorAssignForm(forms.Form):
    evaluator = ModelChoiceField(label=_("Evaluator"), queryset=None)
    due_on = forms.DateField(label=_("Due on"), widget=DateInput(), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["evaluator"].queryset = get_user_model().objects.filter(role="evaluator", is_active=True)
        self.fields["evaluator"].label_from_instance = lambda u: f"{u.full_name} <{u.email}>"
        self.helper = submit_helper(_("Assign"), css="btn-outline-primary")


class ConflictForm(forms.Form):
    has_conflict = forms.TypedChoiceField(
        label=_("Do you have a conflict of interest with this proposal or its organizations?"),
        choices=[("no", _("No, I have no conflict of interest")), ("yes", _("Yes, I have a conflict of interest"))],
        widget=forms.RadioSelect,
        coerce=lambda value: value == "yes",
    )
    conflict_statement = forms.CharField(
        label=_("If so, describe it"), widget=_textarea(2), required=False, max_length=4000
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = submit_helper(_("Declare"))


class ScoresForm(forms.Form):
    """A score from 0 to 5 and a comment for each of the thirteen criteria."""

    overall_comment = forms.CharField(
        label=_("Overall comment"), widget=_textarea(3), required=False, max_length=COMMENT_MAX_LENGTH
    )

    def __init__(self, *args, scores=None, **kwargs):
        super().__init__(*args, **kwargs)
        scores = scores or {}
        for criterion in Criterion:
            existing = scores.get(criterion.value)
            self.fields[f"score_{criterion.value}"] = forms.IntegerField(
                label=criterion.label,
                min_value=0,
                max_value=5,
                required=False,
                initial=existing.score if existing else None,
                widget=forms.NumberInput(attrs={"min": 0, "max": 5, "step": 1}),
            )
            self.fields[f"comment_{criterion.value}"] = forms.CharField(
                label=_("Comment"),
                required=False,
                max_length=COMMENT_MAX_LENGTH,
                widget=_textarea(1),
                initial=existing.comment if existing else "",
            )
        self.order_fields([name for name in self.fields if name != "overall_comment"] + ["overall_comment"])

    @property
    def scores(self):
        return {
            c.value: (self.cleaned_data.get(f"score_{c.value}"), self.cleaned_data.get(f"comment_{c.value}") or "")
            for c in Criterion
        }

    def criterion_rows(self):
        return [(c, self[f"score_{c.value}"], self[f"comment_{c.value}"]) for c in Criterion]
