"""The filter form of the audit page."""

from django import forms
from django.utils.translation import gettext_lazy as _

from axs_platform.forms import DateInput

from .labels import action_label, named_actions
from .selectors import filter_types


class AuditFilterForm(forms.Form):
    """Filter the audit trail by person, action, object and dates."""

    who = forms.CharField(
        label=_("Person (e-mail)"),
        required=False,
        max_length=254,
        help_text=_("The address or its beginning."),
    )
    action = forms.ChoiceField(label=_("Action"), required=False)
    target_type = forms.TypedChoiceField(label=_("Object type"), required=False, coerce=int, empty_value=None)
    target_id = forms.CharField(label=_("Object id"), required=False, max_length=64)
    date_from = forms.DateField(label=_("From"), required=False, widget=DateInput())
    date_to = forms.DateField(label=_("To"), required=False, widget=DateInput())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        named = sorted(((code, str(action_label(code))) for code in named_actions()), key=lambda choice: choice[1])
        self.fields["action"].choices = [("", _("Any")), *named]
        types = sorted(filter_types(), key=lambda ct: str(ct.name))
        self.fields["target_type"].choices = [("", _("Any"))] + [(ct.pk, str(ct.name).capitalize()) for ct in types]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("date_from") and cleaned.get("date_to") and cleaned["date_from"] > cleaned["date_to"]:
            self.add_error("date_to", _("The end date must not be before the start date."))
        return cleaned
