"""The filter form of the audit page."""

from django import forms
from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _

from .models import AuditEvent


class AuditFilterForm(forms.Form):
    """Filter the audit trail by person, action, object and dates."""

    who = forms.CharField(label=_("Person (e-mail)"), required=False, max_length=254)
    action = forms.ChoiceField(label=_("Action"), required=False)
    target_type = forms.ModelChoiceField(
        label=_("Object type"), required=False, queryset=ContentType.objects.none(), empty_label=_("Any")
    )
    target_id = forms.CharField(label=_("Object id"), required=False, max_length=64)
    date_from = forms.DateField(label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    date_to = forms.DateField(label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        known = dict(AuditEvent.Action.choices)
        recorded = AuditEvent.objects.order_by().values_list("action", flat=True).distinct()
        codes = sorted(set(known) | set(recorded))
        self.fields["action"].choices = [("", _("Any"))] + [(code, known.get(code, code)) for code in codes]
        used_types = AuditEvent.objects.order_by().exclude(target_type=None).values("target_type").distinct()
        self.fields["target_type"].queryset = ContentType.objects.filter(pk__in=used_types).order_by(
            "app_label", "model"
        )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("date_from") and cleaned.get("date_to") and cleaned["date_from"] > cleaned["date_to"]:
            self.add_error("date_to", _("The end date must not be before the start date."))
        return cleaned
