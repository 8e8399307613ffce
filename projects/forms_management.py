"""Forms of the staff's proposal list: the bulk actions on the ticked proposals, and naming a saved filter."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from axs_platform.forms import DateInput, ModelChoiceField

from .services.workflow import REVIEW_ACTIONS

BULK_ACTIONS = {"assign", "transition", "export"}
EXPORT_FORMATS = [("csv", "CSV"), ("xlsx", "Excel")]


class BulkActionForm(forms.Form):
    """One of three actions, chosen by the button pressed; each needs its own fields."""

    action = forms.ChoiceField(choices=[(a, a) for a in sorted(BULK_ACTIONS)], widget=forms.HiddenInput)
    evaluator = ModelChoiceField(label=_("Evaluator"), queryset=None, required=False)
    due_on = forms.DateField(label=_("Due on"), widget=DateInput(), required=False)
    step = forms.ChoiceField(label=_("Step"), choices=(), required=False)
    reason = forms.CharField(
        label=_("Reason (the proposers read it)"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        max_length=4000,
    )
    export_format = forms.ChoiceField(label=_("Format"), choices=EXPORT_FORMATS, required=False, initial="csv")

    def __init__(self, *args, step_labels=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["evaluator"].queryset = get_user_model().objects.filter(role="evaluator", is_active=True)
        self.fields["evaluator"].label_from_instance = lambda u: f"{u.full_name} <{u.email}>"
        labels = step_labels or {}
        self.fields["step"].choices = [("", "—")] + [(name, labels.get(name, name)) for name in REVIEW_ACTIONS]

    def clean(self):
        data = super().clean()
        action = data.get("action")
        if action == "assign" and not data.get("evaluator"):
            self.add_error("evaluator", _("Choose the evaluator."))
        if action == "transition" and not data.get("step"):
            self.add_error("step", _("Choose the step."))
        return data


class SavedFilterForm(forms.Form):
    name = forms.CharField(label=_("Name of the filter"), max_length=80)
    query = forms.CharField(widget=forms.HiddenInput, required=False, max_length=2000)
