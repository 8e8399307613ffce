"""Forms of the personal data requests pages: filing, the steps staff take, the calendar. No side effects."""

from django import forms
from django.utils.translation import gettext_lazy as _

from axs_platform.forms import DateInput, submit_helper

from . import rectification
from .models import DeadlinePolicy, PrivacyNotice, PurposeChoice, RightsRequest


class RequestFileForm(forms.Form):
    """What a person asks; name and e-mail only when they are not signed in (the account gives them)."""

    full_name = forms.CharField(
        label=_("Full name"), max_length=200, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        help_text=_("We send a link to this address to confirm that it is yours."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    right = forms.ChoiceField(label=_("Which right"), choices=RightsRequest.Right.choices, widget=forms.RadioSelect)
    details = forms.CharField(
        label=_("About what"),
        max_length=5000,
        help_text=_("Which data, and what you want done with it; the more precise, the faster."),
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    rectify_fields = forms.MultipleChoiceField(
        label=_("For a rectification: which data are wrong"),
        required=False,
        choices=rectification.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Write the correct data under “About what”."),
    )
    channel = forms.ChoiceField(
        label=_("How do you want to receive the answer"),
        choices=RightsRequest.Channel.choices,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        if user is not None and user.is_authenticated:
            del self.fields["full_name"]
            del self.fields["email"]
        else:
            self.fields["channel"].choices = [
                c for c in RightsRequest.Channel.choices if c[0] != RightsRequest.Channel.PLATFORM
            ]
        self.helper = submit_helper(_("File the request"), form_tag=False)


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=5000, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, button=None, required=True, form_name="reason", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].required = required
        self.helper = submit_helper(button or _("Save"), form_tag=False, form_name=form_name)


class AskCompletionForm(forms.Form):
    what_is_missing = forms.CharField(
        label=_("What is missing"),
        max_length=5000,
        help_text=_("The legal clock stops until the person completes the request."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = submit_helper(_("Ask to complete"), form_tag=False, form_name="ask", css="btn-outline-primary")


class CompleteForm(forms.Form):
    addition = forms.CharField(
        label=_("What you add to the request"), max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = submit_helper(_("Complete the request"), form_tag=False, form_name="complete")


class AnswerForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Outcome"), choices=RightsRequest.Outcome.choices, widget=forms.RadioSelect)
    answer = forms.CharField(label=_("Answer"), max_length=20000, widget=forms.Textarea(attrs={"rows": 5}))
    legal_reason = forms.CharField(
        label=_("Legal reason"),
        required=False,
        max_length=5000,
        help_text=_("Required when the request is not granted in full: the article of the law that applies."),
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, only_denial=False, **kwargs):
        super().__init__(*args, **kwargs)
        if only_denial:  # a cancellation is granted by anonymizing the person (``CancelForm``), never here
            denied = RightsRequest.Outcome.DENIED
            self.fields["outcome"].choices = [(denied.value, denied.label)]
            self.fields["outcome"].initial = denied.value
        self.helper = submit_helper(_("Send the answer"), form_tag=False, form_name="answer")


class DenyUnverifiedForm(forms.Form):
    """Deny a request whose identity could not be verified; the person is told why and under which article."""

    answer = forms.CharField(
        label=_("Answer"),
        max_length=20000,
        help_text=_("Say what was checked and why it did not confirm who is asking."),
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    legal_reason = forms.CharField(
        label=_("Legal reason"),
        max_length=5000,
        help_text=_("The article of the law that lets the request be denied when the identity is not verified."),
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = submit_helper(_("Deny: identity not verified"), form_tag=False, form_name="deny")


class CancelForm(forms.Form):
    """Anonymize the person and answer; the legal reason is needed when records the law keeps name them."""

    answer = forms.CharField(label=_("Answer"), max_length=20000, widget=forms.Textarea(attrs={"rows": 4}))
    legal_reason = forms.CharField(
        label=_("Legal duty to keep records"),
        required=False,
        max_length=5000,
        help_text=_("Required when the person appears in approved minutes, decisions or votes (listed above)."),
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = submit_helper(
            _("Anonymize the person and answer"), form_tag=False, form_name="cancel", css="btn-danger"
        )


class OpposeForm(forms.Form):
    """The purposes the request opposes; staff apply them at once (the person's own page shows the change)."""

    purposes = forms.MultipleChoiceField(
        label=_("Purposes the person opposes"),
        choices=PurposeChoice.Purpose.choices,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = submit_helper(_("Apply the opposition"), form_tag=False, form_name="oppose")


class RectifyForm(forms.Form):
    """The person's (and their organization's) fields as the request asks them to be; staff apply them.

    The fields the request names are marked; the organization's appear when the person represents one
    (left empty, an organization field stays as it is).
    """

    full_name = forms.CharField(label=_("Full name"), max_length=200)
    email = forms.EmailField(label=_("E-mail address"), max_length=254)
    phone = forms.CharField(label=_("Phone"), max_length=40, required=False)
    job_title = forms.CharField(label=_("Job title"), max_length=200, required=False)
    organization_legal_name = forms.CharField(label=_("Organization: legal name"), max_length=255, required=False)
    organization_short_name = forms.CharField(label=_("Organization: short name"), max_length=100, required=False)
    organization_contact_email = forms.EmailField(label=_("Organization: contact e-mail"), required=False)
    organization_contact_phone = forms.CharField(label=_("Organization: contact phone"), max_length=40, required=False)
    organization_website = forms.URLField(label=_("Organization: website"), required=False, assume_scheme="https")

    def __init__(self, *args, organization=None, asked=(), **kwargs):
        super().__init__(*args, **kwargs)
        if organization is None:
            for name in [n for n in self.fields if n.startswith("organization_")]:
                del self.fields[name]
        for name in asked:
            if name in self.fields:
                self.fields[name].help_text = _("Named in the request.")
        self.helper = submit_helper(_("Apply the rectification"), form_tag=False, form_name="rectify")


class HolidayForm(forms.Form):
    day = forms.DateField(label=_("Day"), widget=DateInput())
    name = forms.CharField(label=_("Name"), max_length=200)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = submit_helper(_("Add the day"), form_tag=False, form_name="holiday")


def policy_formfield(model_field, **kwargs):
    """Build a term's form field with its lower bound, so the form refuses 0 and the widget says so."""
    # Set on a built field, ``min_value`` neither validates nor changes the widget's ``min``.
    if model_field.name in ("answer_days", "completion_days"):
        kwargs["min_value"] = 1
    return model_field.formfield(**kwargs)


class PolicyForm(forms.ModelForm):
    class Meta:
        model = DeadlinePolicy
        fields = ["answer_days", "extension_days", "reminder_days", "completion_days"]
        formfield_callback = policy_formfield

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["extension_days"].widget.attrs["max"] = 10
        self.helper = submit_helper(_("Save the terms"), form_tag=False, form_name="policy")


class QueueFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("Open requests"))] + RightsRequest.Status.choices
    )
    overdue = forms.BooleanField(label=_("Only overdue"), required=False)


class PurposesForm(forms.Form):
    """One box per use of a person's data: ticked, they consent; unticked, they oppose it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for purpose, label in PurposeChoice.Purpose.choices:
            self.fields[purpose] = forms.BooleanField(label=label, required=False)
        self.helper = submit_helper(_("Save my choices"), form_tag=False)


class NoticeForm(forms.Form):
    kind = forms.ChoiceField(label=_("Notice"), choices=PrivacyNotice.Kind.choices)
    text_es = forms.CharField(label=_("Text in Spanish"), max_length=50000, widget=forms.Textarea(attrs={"rows": 10}))
    text_en = forms.CharField(label=_("Text in English"), max_length=50000, widget=forms.Textarea(attrs={"rows": 10}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = submit_helper(_("Publish as a new version"), form_tag=False)


class RetentionRuleForm(forms.Form):
    keep_days = forms.IntegerField(label=_("Keep for (days)"), min_value=1, max_value=36500)
    active = forms.BooleanField(label=_("Applied by the periodic job"), required=False)

    def __init__(self, *args, kind_label="", **kwargs):
        super().__init__(*args, **kwargs)
        self.kind_label = kind_label
        self.helper = submit_helper(_("Save"), form_tag=False, form_name=kwargs.get("prefix"))
