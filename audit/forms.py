"""The filter form of the audit page."""

from django import forms
from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _

from axs_platform.forms import DateInput

from .models import AuditEvent
from .selectors import recorded_actions_and_types


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
        known = dict(AuditEvent.Action.choices)
        recorded, used_types = recorded_actions_and_types()
        codes = sorted(set(known) | set(recorded))
        self.fields["action"].choices = [("", _("Any"))] + [(code, known.get(code, code)) for code in codes]
        types = sorted((ContentType.objects.get_for_id(pk) for pk in used_types), key=lambda ct: str(ct.name))
        self.fields["target_type"].choices = [("", _("Any"))] + [(ct.pk, str(ct.name).capitalize()) for ct in types]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("date_from") and cleaned.get("date_to") and cleaned["date_from"] > cleaned["date_to"]:
            self.add_error("date_to", _("The end date must not be before the start date."))
        return cleaned
