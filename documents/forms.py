"""The form behind every "generate PDF" button: which kind, which object, which language."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .registry import all_kinds


class DocumentRequestForm(forms.Form):
    kind = forms.CharField(max_length=64, widget=forms.HiddenInput)
    object_id = forms.CharField(max_length=64, required=False, widget=forms.HiddenInput)
    language = forms.ChoiceField(label=_("Language of the document"), choices=settings.LANGUAGES)

    def clean(self):
        cleaned = super().clean()
        kind = all_kinds().get(cleaned.get("kind", ""))
        if kind is None:
            raise forms.ValidationError(_("This kind of document does not exist."), code="unknown_kind")
        cleaned["kind_spec"] = kind
        cleaned["target"] = None
        if kind.model is not None:
            try:
                cleaned["target"] = kind.model._default_manager.get(pk=cleaned.get("object_id"))
            except (kind.model.DoesNotExist, ValueError, TypeError):
                raise forms.ValidationError(_("The document's subject no longer exists."), code="no_target") from None
        return cleaned
