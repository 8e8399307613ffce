"""Forms of monitoring's pages. Values are typed text here: the services hold the one rule per type.

The report form is built from the project's indicators (one field per indicator, typed by its
unit, plus one per disaggregation category), milestones and pledged contributions.
"""

from django import forms
from django.conf import settings
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from axs_platform.dates import implausible_day
from axs_platform.forms import ContentSelect, DateInput, submit_helper
from axs_platform.templatetags.markup import es

from .models import Frequency, ValueType

YES_NO = [("", _("Not reported")), ("yes", _("Yes")), ("no", _("No"))]


class ImplementationStartForm(forms.Form):
    starts_on = forms.DateField(label=_("Starts"), widget=DateInput())
    ends_on = forms.DateField(label=_("Ends"), widget=DateInput())
    frequency = forms.ChoiceField(label=_("Reporting frequency"), choices=Frequency.choices)
    grace_days = forms.IntegerField(
        label=_("Grace period (days)"),
        initial=30,
        min_value=0,
        max_value=180,
        help_text=_("Days after the end of a period by which its report must be submitted."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = submit_helper(_("Start implementation"))


class IndexFilterForm(forms.Form):
    """Narrow the monitoring page's projects and reports waiting for a decision (GET: the paging links keep it)."""

    committee = forms.ModelChoiceField(
        label=_("Committee"), required=False, queryset=None, empty_label=_("Any"), widget=ContentSelect
    )
    title = forms.CharField(label=_("Project title contains"), required=False, max_length=100)

    def __init__(self, *args, committees, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["committee"].queryset = committees
        self.fields["committee"].widget.attrs["class"] = "form-select"
        self.fields["title"].widget.attrs["class"] = "form-control"


class GraceForm(forms.Form):
    grace_days = forms.IntegerField(label=_("Grace period (days)"), min_value=0, max_value=180)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = submit_helper(_("Change the grace period"), css="btn-outline-primary", form_tag=False)


def _value_field(indicator):
    unit = f" ({indicator.unit})" if indicator.unit else ""
    label = es(f"{indicator.name}{unit}")  # the project's own words: lang="es" in the English interface
    if indicator.value_type == ValueType.YES_NO:
        return forms.ChoiceField(label=label, choices=YES_NO, required=False, widget=forms.RadioSelect)
    if indicator.value_type == ValueType.TEXT:
        return forms.CharField(label=label, required=False, widget=forms.Textarea(attrs={"rows": 2}))
    hint = (
        _("A percentage from 0 to 100, the level at the end of the period.")
        if indicator.value_type == ValueType.PERCENTAGE
        else _(
            "A number: what the period achieved (it adds to the baseline). Digits and a decimal point, with or "
            "without commas between thousands, such as 1250.5 or 1,250.5."
        )
    )
    return forms.CharField(
        label=label, required=False, help_text=hint, widget=forms.TextInput(attrs={"inputmode": "decimal"})
    )


class ReportForm(forms.Form):
    """A progress report: values, narrative, milestones reached, contributions delivered, budget executed."""

    achievements = forms.CharField(label=_("Achievements"), required=False, widget=forms.Textarea(attrs={"rows": 4}))
    difficulties = forms.CharField(label=_("Difficulties"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    next_steps = forms.CharField(label=_("Next steps"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    budget_executed_mxn = forms.CharField(
        label=_("Budget executed in the period (MXN)"),
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
    )
    milestones = forms.MultipleChoiceField(
        label=_("Milestones reached"), required=False, widget=forms.CheckboxSelectMultiple
    )
    # The report's ``updated_at`` when the form was opened: the service refuses a save over someone else's.
    opened_at = forms.CharField(required=False, widget=forms.HiddenInput)
    reply = forms.CharField(
        label=_("Reply to the comments"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Needed to submit the report again: what you changed, or why not. The approver reads it."),
    )

    def __init__(self, *args, indicators, milestones, contributions, returned=False, **kwargs):
        super().__init__(*args, **kwargs)
        if not returned:  # only a returned report is answered
            del self.fields["reply"]
        self.indicators, self.contributions = indicators, contributions
        self.fields["milestones"].choices = [
            (str(m.pk), f"{m.title} · {date_format(m.due_on, 'SHORT_DATE_FORMAT')}") for m in milestones
        ]
        for indicator in indicators:
            self.fields[f"value_{indicator.pk}"] = _value_field(indicator)
            for index, category in enumerate(indicator.disaggregation):
                self.fields[f"part_{indicator.pk}_{index}"] = forms.CharField(
                    label=category, required=False, widget=forms.TextInput(attrs={"inputmode": "decimal"})
                )
        for contribution in contributions:
            self.fields[f"delivered_{contribution.pk}"] = forms.CharField(
                label=_("Delivered (MXN)"), required=False, widget=forms.TextInput(attrs={"inputmode": "decimal"})
            )
            self.fields[f"note_{contribution.pk}"] = forms.CharField(
                label=_("What was delivered"), required=False, max_length=500
            )

    def indicator_rows(self):
        return [
            (
                indicator,
                self[f"value_{indicator.pk}"],
                [self[f"part_{indicator.pk}_{i}"] for i in range(len(indicator.disaggregation))],
            )
            for indicator in self.indicators
        ]

    def contribution_rows(self):
        return [(c, self[f"delivered_{c.pk}"], self[f"note_{c.pk}"]) for c in self.contributions]

    def service_arguments(self):
        data = self.cleaned_data
        return {
            "values": {i.pk: data.get(f"value_{i.pk}") for i in self.indicators},
            "parts": {
                i.pk: {c: data.get(f"part_{i.pk}_{n}") for n, c in enumerate(i.disaggregation)} for i in self.indicators
            },
            "achievements": data["achievements"],
            "difficulties": data["difficulties"],
            "next_steps": data["next_steps"],
            "budget_executed_mxn": data["budget_executed_mxn"],
            "milestones": [int(pk) for pk in data["milestones"]],
            "deliveries": {c.pk: (data[f"delivered_{c.pk}"], data[f"note_{c.pk}"]) for c in self.contributions},
            "opened_at": data.get("opened_at") or None,
        }

    def carry_version(self, updated_at):
        """Show the form again carrying the report's version as it is now: the next save checks against it."""
        self.data = self.data.copy()
        self.data["opened_at"] = updated_at.isoformat()


def report_initial(report):
    """Return the report form's initial data from a saved report."""
    initial = {
        "achievements": report.achievements,
        "difficulties": report.difficulties,
        "next_steps": report.next_steps,
        "budget_executed_mxn": "" if report.budget_executed_mxn is None else report.budget_executed_mxn,
        "milestones": [str(m.pk) for m in report.milestones_reached.all()],
        "opened_at": report.updated_at.isoformat(),
    }
    for value in report.values.all():
        indicator = value.indicator
        if value.yes_no is not None:
            initial[f"value_{indicator.pk}"] = "yes" if value.yes_no else "no"
        else:
            initial[f"value_{indicator.pk}"] = value.text or value.number
        for index, category in enumerate(indicator.disaggregation):
            if category in value.disaggregation:
                initial[f"part_{indicator.pk}_{index}"] = value.disaggregation[category]
    for delivery in report.deliveries.all():
        initial[f"delivered_{delivery.contribution_id}"] = "" if delivery.amount_mxn is None else delivery.amount_mxn
        initial[f"note_{delivery.contribution_id}"] = delivery.note
    return initial


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("approve", _("Approve")), ("return", _("Return with comments"))],
        widget=forms.RadioSelect,
    )
    comments = forms.CharField(
        label=_("Comments"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Needed to return the report: say what should change."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = submit_helper(_("Record the decision"), form_tag=False)


REPORT_FORM_ID = "report-form"


class EvidenceForm(forms.Form):
    """A file for the report, sent with the report's own form.

    Its fields sit beside the report on the page but belong to the report's form (the HTML ``form``
    attribute), so adding a file saves what was typed in the report too instead of losing it.
    """

    prefix = "evidence"
    title = forms.CharField(label=_("Title"), max_length=255, widget=forms.TextInput(attrs={"form": REPORT_FORM_ID}))
    file = forms.FileField(
        label=_("File"),
        help_text=_("PDF, PNG, JPEG, WebP, Word or Excel, up to 10 MB."),
        widget=forms.FileInput(attrs={"form": REPORT_FORM_ID}),
    )


class IndicatorForm(forms.Form):
    """An indicator's definition; after the first approved report a change needs a reason."""

    name = forms.CharField(label=_("Indicator"), max_length=500)
    unit = forms.CharField(label=_("Unit"), max_length=100, required=False)
    baseline = forms.DecimalField(label=_("Baseline"), max_digits=16, decimal_places=2, required=False)
    target = forms.DecimalField(label=_("Target"), max_digits=16, decimal_places=2, required=False)
    means_of_verification = forms.CharField(label=_("Means of verification"), widget=forms.Textarea(attrs={"rows": 2}))
    disaggregation = forms.CharField(
        label=_("Disaggregation"),
        required=False,
        help_text=_("Categories separated by commas, such as: Mujeres, Hombres. Empty for none."),
    )
    reason = forms.CharField(
        label=_("Reason for the change"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Needed once the project has an approved report."),
    )

    def clean_disaggregation(self):
        return [part.strip() for part in self.cleaned_data["disaggregation"].split(",") if part.strip()]


class SplitForm(forms.Form):
    """What each period should add to a number indicator; the parts add up to the gain to the target."""

    reason = forms.CharField(
        label=_("Reason for the change"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Needed once the project has an approved report."),
    )

    def __init__(self, *args, periods, **kwargs):
        super().__init__(*args, **kwargs)
        self.periods = periods
        for period in periods:
            self.fields[f"period_{period.pk}"] = forms.CharField(
                label=str(period), required=False, widget=forms.TextInput(attrs={"inputmode": "decimal"})
            )

    def period_fields(self):
        return [self[f"period_{p.pk}"] for p in self.periods]

    def targets(self):
        return {p.pk: self.cleaned_data[f"period_{p.pk}"] for p in self.periods}


class AllianceProgressForm(forms.Form):
    """The period and language of the alliance's progress report (PDF)."""

    start = forms.DateField(label=_("From"), widget=DateInput())
    end = forms.DateField(label=_("To"), widget=DateInput())
    language = forms.ChoiceField(label=_("Language of the document"), choices=settings.LANGUAGES)

    def clean(self):
        cleaned = super().clean()
        for name in ("start", "end"):
            if message := implausible_day(cleaned.get(name)):
                self.add_error(name, message)
        if cleaned.get("start") and cleaned.get("end") and cleaned["end"] < cleaned["start"]:
            self.add_error("end", _("The period ends before it starts."))
        return cleaned
