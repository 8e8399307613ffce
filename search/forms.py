"""The search form: the query and the facets chosen, from the query string. No side effects."""

from django import forms
from django.utils.translation import gettext_lazy as _

from . import registry
from .text import WORD

MAX_QUERY = 200


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search"),
        max_length=MAX_QUERY,
        strip=True,
        error_messages={"required": _("Type one or more words to search for.")},
    )
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    committee = forms.IntegerField(label=_("Committee"), required=False, min_value=1, max_value=2**31 - 1)
    sdg = forms.IntegerField(label=_("SDG"), required=False, min_value=1, max_value=17)
    year = forms.IntegerField(label=_("Year"), required=False, min_value=1900, max_value=2999)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", "")] + [(k.name, k.label_plural) for k in registry.kinds()]
        self.fields["q"].error_messages["max_length"] = _(
            "Type at most %(limit_value)d characters to search for (you typed %(show_value)d)."
        )

    def clean_q(self):
        query = self.cleaned_data["q"]
        if not WORD.search(query):
            raise forms.ValidationError(_("Type one or more words to search for."), code="no_words")
        return query

    def filters(self):
        data = self.cleaned_data
        return {
            "kind": data.get("kind") or "",
            "committee": data.get("committee"),
            "sdg": str(data["sdg"]) if data.get("sdg") else "",
            "year": data.get("year"),
        }
