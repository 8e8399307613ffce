"""The report's period and language, and the narrative that staff write."""

import datetime

from django import forms
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from axs_platform.dates import EARLIEST_DAY, LATEST_DAY
from axs_platform.forms import DateInput, submit_helper

from .models import (
    Acronym,
    AllianceObjective,
    BibliographyEntry,
    CoverImageKind,
    Finding,
    Milestone,
    ObjectiveContribution,
    RecordedFigure,
)
from .services import validate_cover_image

DEFAULT_START = datetime.date(2016, 5, 1)
DEFAULT_END = datetime.date(2018, 3, 31)
# A report's period lies within the days any record of the alliance may bear (``axs_platform.dates``): an earlier
# or later day is a typing slip (0001, 9999) that no date arithmetic of the report survives.


def period_problems(start, end):
    """Return ``{field: message}`` for a period outside the report's range (empty when it is within)."""
    problems = {}
    if start < EARLIEST_DAY:
        problems["start"] = _("The period must start in %(year)s or later.") % {"year": EARLIEST_DAY.year}
    if end > LATEST_DAY:
        problems["end"] = _("The period must end by %(year)s at the latest.") % {"year": LATEST_DAY.year}
    return problems


class PeriodForm(forms.Form):
    start = forms.DateField(label=_("From"), widget=DateInput())
    end = forms.DateField(label=_("Until"), widget=DateInput())

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("start") and cleaned.get("end"):
            for field, message in period_problems(cleaned["start"], cleaned["end"]).items():
                self.add_error(field, message)
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


DATES = ("happened_on", "as_of", "issued_on", "accessed_on")


def _form(model_class, field_names, labels=None):
    widgets = {name: DateInput() for name in DATES if name in field_names}
    if model_class is BibliographyEntry:
        widgets["title"] = forms.Textarea(attrs={"rows": 2})
    return forms.modelform_factory(
        model_class,
        form=_NarrativeForm,
        fields=field_names,
        widgets=widgets,
        labels=labels,
        formfield_callback=_formfield,
    )


def _formfield(field, **kwargs):
    # Web addresses typed without a scheme are read as https (Django 6's default, chosen now).
    if isinstance(field, models.URLField):
        kwargs["assume_scheme"] = "https"
    # An archived work is no longer offered as a source.
    if isinstance(field, models.ForeignKey) and field.related_model is BibliographyEntry:
        kwargs["queryset"] = BibliographyEntry.objects.current()
    return field.formfield(**kwargs)


OBJECTIVE_LABELS = {
    "title_es": _("Objective (Spanish)"),
    "title_en": _("Objective (English)"),
    "body_es": _("How it was fulfilled (Spanish)"),
    "body_en": _("How it was fulfilled (English)"),
}
BILINGUAL = ["position", "title_es", "title_en", "body_es", "body_en"]
# The narrative parts of the report, by the slug of their URL: model, form, and how the list names them.
NARRATIVE = {
    "hitos": (
        Milestone,
        _form(Milestone, ["happened_on", "date_precision", "stage", *BILINGUAL, "source"]),
        _("Milestones"),
    ),
    "hallazgos": (Finding, _form(Finding, ["kind", *BILINGUAL]), _("Findings")),
    "objetivos": (
        ObjectiveContribution,
        _form(ObjectiveContribution, ["reference", *BILINGUAL]),
        _("Contributions to the programme's objectives"),
    ),
    "objetivos-alianza": (
        AllianceObjective,
        _form(AllianceObjective, [*BILINGUAL, "source"], OBJECTIVE_LABELS),
        _("Objectives of the alliance and their fulfilment"),
    ),
    "bibliografia": (
        BibliographyEntry,
        _form(
            BibliographyEntry,
            [
                "position",
                "kind",
                "authors",
                "year",
                "year_suffix",
                "title",
                "issued_on",
                "place",
                "publisher",
                "url",
                "accessed_on",
            ],
        ),
        _("Bibliography"),
    ),
    "cifras": (
        RecordedFigure,
        _form(
            RecordedFigure,
            [
                "position",
                "label_es",
                "label_en",
                "value",
                "qualifier",
                "is_percentage",
                "as_of",
                "date_precision",
                "source",
                "locator",
            ],
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


class CoverImageForm(forms.Form):
    """A logo or image for the cover, with what it shows in words for those who cannot see it."""

    file = forms.FileField(
        label=_("File"),
        validators=[validate_cover_image],
        help_text=_("PNG or JPEG, at most 1 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/png,image/jpeg"}),
    )
    kind = forms.ChoiceField(label=_("Kind"), choices=CoverImageKind.choices)
    position = forms.IntegerField(label=_("Position"), min_value=1, max_value=99, initial=1)
    alt_es = forms.CharField(
        label=_("Alternative text (Spanish)"),
        max_length=255,
        help_text=_("What the image shows, for people who cannot see it (e.g. “Logo of AMEXCID”)."),
    )
    alt_en = forms.CharField(label=_("Alternative text (English)"), max_length=255)

    def __init__(self, *args, replacing=None, **kwargs):
        super().__init__(*args, **kwargs)
        if replacing is not None:
            del self.fields["kind"], self.fields["position"]
        self.helper = submit_helper(_("Replace the image") if replacing is not None else _("Upload to the cover"))
