"""The report's period and language, and the narrative that staff write."""

import datetime

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from axs_platform.forms import DateInput, submit_helper

from .models import Acronym, BibliographyEntry, Finding, Milestone, ObjectiveContribution, RecordedFigure

DEFAULT_START = datetime.date(2016, 5, 1)
DEFAULT_END = datetime.date(2018, 3, 31)


class PeriodForm(forms.Form):
    start = forms.DateField(label=_("From"), widget=DateInput())
    end = forms.DateField(label=_("Until"), widget=DateInput())

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("start") and cleaned.get("end") and cleaned["end"] < cleaned["start"]:
            raise forms.ValidationError(_("The period must end after it starts."), code="period_reversed")
        return cleaned

    @property
    def params(self):
        return {"start": self.cleaned_data["start"].isoformat(), "end": self.cleaned_data["end"].isoformat()}


class ReportRequestForm(PeriodForm):
    language = forms.ChoiceField(label=_("Language of the report"), choices=settings.LANGUAGES)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = submit_helper(_("Generate the report (PDF)"))


class _NarrativeForm(forms.ModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = submit_helper(_("Save"))


def _form(model_class, field_names):
    widgets = {"happened_on": DateInput(), "as_of": DateInput()}
    return forms.modelform_factory(model_class, form=_NarrativeForm, fields=field_names, widgets=widgets)


BILINGUAL = ["position", "title_es", "title_en", "body_es", "body_en"]
# The narrative parts of the report, by the slug of their URL: model, form, and how the list names them.
NARRATIVE = {
    "hitos": (Milestone, _form(Milestone, ["happened_on", "stage", *BILINGUAL]), _("Milestones")),
    "hallazgos": (Finding, _form(Finding, ["kind", *BILINGUAL]), _("Findings")),
    "objetivos": (
        ObjectiveContribution,
        _form(ObjectiveContribution, ["reference", *BILINGUAL]),
        _("Contributions to the programme's objectives"),
    ),
    "bibliografia": (BibliographyEntry, _form(BibliographyEntry, ["position", "citation"]), _("Bibliography")),
    "cifras": (
        RecordedFigure,
        _form(
            RecordedFigure,
            ["position", "label_es", "label_en", "value", "qualifier", "is_percentage", "as_of", "source", "locator"],
        ),
        _("Recorded figures and their sources"),
    ),
    "acronimos": (Acronym, _form(Acronym, ["acronym", "meaning_es", "meaning_en"]), _("Acronyms")),
}


class NarrativeTextForm(forms.Form):
    """A new version of a written part; the markup is explained beside the fields."""

    body_es = forms.CharField(label=_("Text (Spanish)"), widget=forms.Textarea(attrs={"rows": 14}))
    body_en = forms.CharField(label=_("Text (English)"), widget=forms.Textarea(attrs={"rows": 14}), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = submit_helper(_("Save as a new version"))
