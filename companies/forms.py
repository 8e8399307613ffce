"""Forms of the member organizations: they validate and carry their FormHelper, nothing more."""

from django import forms
from django.contrib.auth.password_validation import password_validators_help_text_html
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from axs_platform.forms import DateInput, ModelChoiceField, SpanishOptionsSelect, submit_helper
from sdg.models import Goal

from .facets import facets as directory_facets
from .geography import MexicanState
from .models import (
    AllianceRole,
    Decision,
    DueDiligenceState,
    Finding,
    Organization,
    OrganizationSize,
    OrganizationType,
    ParticipationStatus,
    RiskQuestion,
    RiskRating,
    Sector,
)
from .services import MAX_PRIORITIES, PROFILE_FIELDS
from .validators import RFC_TYPED_MAX_LENGTH, normalize_rfc, validate_evidence, validate_logo, validate_rfc


def _any(choices):
    return [("", _("Any")), *choices]


class OrganizationForm(forms.ModelForm):
    """An organization's profile, as staff or its representatives edit it.

    Duplicates are checked by the service, which names the organization already registered.
    """

    website = forms.URLField(label=_("Website"), required=False, max_length=200, assume_scheme="https")
    # Room for the spaces and hyphens people type: the 12 or 13 characters are checked once they are dropped.
    rfc = forms.CharField(
        label=_("RFC"),
        required=False,
        max_length=RFC_TYPED_MAX_LENGTH,
        help_text=Organization._meta.get_field("rfc").help_text,
    )
    logo = forms.FileField(
        label=_("Logo"),
        required=False,
        validators=[validate_logo],
        help_text=_("PNG, JPEG or WebP, at most 2 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/png,image/jpeg,image/webp"}),
    )

    class Meta:
        model = Organization
        fields = PROFILE_FIELDS
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "contact_phone": forms.TextInput(attrs={"autocomplete": "tel"}),
            "contact_email": forms.EmailInput(attrs={"autocomplete": "email"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("logo", self.instance.logo or None)
        self.helper = submit_helper(_("Save"), form_tag=False)

    def clean_rfc(self):
        rfc = normalize_rfc(self.cleaned_data.get("rfc"))
        validate_rfc(rfc)
        return rfc

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("country") and cleaned["country"] != "MX" and cleaned.get("state"):
            self.add_error("state", _("Leave the state empty for organizations based outside Mexico."))
        return cleaned

    def _get_validation_exclusions(self):
        # The service checks duplicates and the RFC rule, with messages that name the field and the
        # organization already registered; the form fields keep their own validators.
        return super()._get_validation_exclusions() | {"legal_name", "rfc"}

    def _post_clean(self):
        # Validate the model fields without writing the uploaded logo onto the instance.
        logo = self.cleaned_data.pop("logo", None)
        super()._post_clean()
        self.cleaned_data["logo"] = logo

    def logo_for_service(self):
        """Return the new logo, False to remove it, or None to leave it as it is."""
        logo = self.cleaned_data.get("logo")
        if logo is False:
            return False
        if logo and logo != self.instance.logo:
            return logo
        return None


class ArchiveForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=500, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = submit_helper(_("Archive the organization"), form_tag=False)


class ParticipationForm(forms.Form):
    to_status = forms.ChoiceField(label=_("New status"), choices=ParticipationStatus.choices)
    effective_on = forms.DateField(label=_("Effective on"), initial=timezone.localdate, widget=DateInput())
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Required to suspend or withdraw an organization, or to record that there is no data on whether it "
            "still takes part."
        ),
    )
    # The choice says what "no data" means: not that the organization left.
    CHOICE_LABELS = {ParticipationStatus.UNKNOWN: _("No data: whether it still takes part is not known")}

    def __init__(self, *args, allowed=(), **kwargs):
        super().__init__(*args, **kwargs)
        # Nothing chosen until staff choose: a preselected first status would be recorded by a careless click.
        self.fields["to_status"].choices = [("", _("Choose the new status"))] + [
            (s.value, self.CHOICE_LABELS.get(s, s.label)) for s in ParticipationStatus if s in allowed
        ]
        self.helper = submit_helper(_("Record the change"), form_tag=False)


class InvitationForm(forms.Form):
    full_name = forms.CharField(label=_("Full name"), max_length=200)
    email = forms.EmailField(label=_("E-mail address"), max_length=254)
    job_title = forms.CharField(label=_("Job title"), max_length=200, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = submit_helper(_("Send the invitation"), form_tag=False)


class AcceptInvitationForm(forms.Form):
    full_name = forms.CharField(label=_("Your full name"), max_length=200)
    password1 = forms.CharField(
        label=_("Choose a password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validators_help_text_html(),
    )
    password2 = forms.CharField(
        label=_("Type the password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = submit_helper(_("Accept and create my access"), form_tag=False)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("password1") and cleaned.get("password2") and cleaned["password1"] != cleaned["password2"]:
            self.add_error("password2", _("The two passwords are not the same."))
        return cleaned


class RemoveRepresentativeForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=255, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = submit_helper(_("Remove from the organization"), form_tag=False)


class PrioritiesForm(forms.Form):
    """Up to five priority SDGs in order, and the roles the organization wants in the alliance."""

    alliance_roles = forms.MultipleChoiceField(
        label=_("Roles the organization wants in the alliance"),
        choices=AllianceRole.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        goals = Goal.objects.order_by("number")
        for rank in range(1, MAX_PRIORITIES + 1):
            self.fields[f"priority_{rank}"] = ModelChoiceField(
                label=_("Priority %(rank)d") % {"rank": rank},
                queryset=goals,
                required=False,
                empty_label=_("(none)"),
            )
        self.order_fields([f"priority_{rank}" for rank in range(1, MAX_PRIORITIES + 1)])
        self.helper = submit_helper(_("Save priorities"), form_tag=False)

    def clean(self):
        cleaned = super().clean()
        ranked = [cleaned.get(f"priority_{rank}") for rank in range(1, MAX_PRIORITIES + 1)]
        seen = set()
        for rank, goal in enumerate(ranked, start=1):
            if goal is None:
                continue
            if goal.pk in seen:
                self.add_error(f"priority_{rank}", _("This SDG is already higher in the ranking."))
            seen.add(goal.pk)
        last_filled = max((index for index, goal in enumerate(ranked) if goal is not None), default=-1)
        if any(goal is None for goal in ranked[:last_filled]):
            self.add_error(None, _("Fill the priorities in order, without gaps: priority 1 first."))
        cleaned["goals"] = [goal for goal in ranked if goal is not None]
        return cleaned


class DirectoryFilterForm(forms.Form):
    q = forms.CharField(label=_("Name"), required=False, max_length=200)
    organization_type = forms.ChoiceField(label=_("Type"), required=False, choices=_any(OrganizationType.choices))
    size = forms.ChoiceField(label=_("Size"), required=False, choices=_any(OrganizationSize.choices))
    sector = forms.ChoiceField(label=_("Sector"), required=False, choices=_any(Sector.choices))
    state = forms.ChoiceField(label=_("State"), required=False, choices=_any(MexicanState.choices))
    goal = ModelChoiceField(
        label=_("Priority SDG"), required=False, queryset=Goal.objects.order_by("number"), empty_label=_("Any")
    )
    participation_status = forms.ChoiceField(
        label=_("Participation"), required=False, choices=_any(ParticipationStatus.choices)
    )
    due_diligence = forms.ChoiceField(
        label=_("Due diligence"),
        required=False,
        choices=_any(
            [
                ("pending", _("Pending (not started, in progress or expired)")),
                *DueDiligenceState.choices,
                ("expired", _("Expired")),
                ("expiring", _("Expiring within 60 days")),
            ]
        ),
    )
    archived = forms.BooleanField(label=_("Archived organizations"), required=False)

    PRIVATE_FIELDS = ("participation_status", "due_diligence", "archived")

    def __init__(self, *args, private=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["goal"].label_from_instance = lambda goal: f"{goal.number}. {goal.short_title}"
        for facet in directory_facets():
            self.fields[facet.name] = forms.ChoiceField(
                label=facet.label,
                required=False,
                choices=_any(facet.choices()),
                widget=SpanishOptionsSelect if facet.spanish_choices else forms.Select,
            )
        if not private:
            for name in self.PRIVATE_FIELDS:
                del self.fields[name]
        for field in self.fields.values():
            widget = field.widget
            css = {"select": "form-select", "checkbox": "form-check-input"}.get(
                getattr(widget, "input_type", ""), "form-control"
            )
            widget.attrs.setdefault("class", css)


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV or Excel file"),
        help_text=_("At most 2 MB and 5,000 rows; the first row names the columns."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = submit_helper(_("Check the file"), form_tag=False)


class ChecklistForm(forms.Form):
    summary = forms.CharField(label=_("Summary of the analysis"), required=False, widget=forms.Textarea({"rows": 3}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for question, label in RiskQuestion.choices:
            self.fields[f"{question}_finding"] = forms.ChoiceField(label=label, choices=Finding.choices)
            self.fields[f"{question}_notes"] = forms.CharField(
                label=_("Notes and sources: %(question)s") % {"question": label},
                required=False,
                widget=forms.Textarea({"rows": 2}),
            )
        self.order_fields([*(f"{q}_{part}" for q in RiskQuestion.values for part in ("finding", "notes")), "summary"])
        self.helper = submit_helper(_("Save the checklist"), form_tag=False, button_id="save-checklist")

    def answers(self):
        return {
            question: (self.cleaned_data[f"{question}_finding"], self.cleaned_data[f"{question}_notes"])
            for question in RiskQuestion.values
        }


class EvidenceForm(forms.Form):
    title = forms.CharField(label=_("What the document shows"), max_length=200)
    file = forms.FileField(
        label=_("Document"),
        validators=[validate_evidence],
        help_text=_("PDF, PNG or JPEG, at most 10 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.png,.jpg,.jpeg"}),
    )

    def __init__(self, *args, optional=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.optional = optional
        if optional:
            for field in self.fields.values():
                field.required = False
            self.helper = submit_helper(
                _("Save the checklist and attach"), form_tag=False, button_id="save-checklist-and-attach"
            )
        else:
            self.helper = submit_helper(_("Attach"), form_tag=False, button_id="attach-evidence")

    def clean(self):
        cleaned = super().clean()
        if self.optional and (cleaned.get("title") or cleaned.get("file")):
            for name in ("title", "file"):
                if not cleaned.get(name) and name not in self.errors:
                    message = self.fields[name].error_messages["required"]
                    self.add_error(name, forms.ValidationError(message, code="required"))
        return cleaned

    def evidence(self):
        """What to attach, or None when nothing was chosen."""
        if self.cleaned_data.get("file"):
            return {"title": self.cleaned_data["title"], "file": self.cleaned_data["file"]}
        return None


class DecisionForm(forms.Form):
    risk_rating = forms.ChoiceField(label=_("Risk rating"), choices=RiskRating.choices)
    decision = forms.ChoiceField(label=_("Decision"), choices=Decision.choices)
    conditions = forms.CharField(
        label=_("Conditions"),
        required=False,
        widget=forms.Textarea({"rows": 3}),
        help_text=_("Required for an approval with conditions."),
    )
    expires_on = forms.DateField(
        label=_("Valid until"),
        widget=DateInput(),
        help_text=_("After this date the review must be renewed."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = submit_helper(_("Record the decision as reviewer"), form_tag=False, button_id="record-decision")
