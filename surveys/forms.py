"""Forms of the survey builder and of the respondent's page. They validate; the services apply the rules."""

from crispy_forms.layout import HTML, Fieldset, Layout
from django import forms
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from axs_platform.dates import implausible_day
from axs_platform.forms import (
    ISO_DATETIME,
    SMALL_INTEGER_MAX,
    ContentSelect,
    DateTimeInput,
    ModelChoiceField,
    SearchableModelMultipleChoiceField,
    submit_helper,
)
from committees.models import Committee, MembershipStatus
from companies.models import Organization
from sdg.models import Goal

from . import permissions
from .models import SCALE_MAX, SCALE_MIN, QuestionKind, Section, Survey
from .services.answering import field_name
from .services.building import option_length_errors


class SurveyForm(forms.ModelForm):
    chosen_organizations = SearchableModelMultipleChoiceField(
        label=_("Chosen organizations"),
        queryset=Organization.objects.none(),
        search_fields=["legal_name", "short_name", "rfc"],
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 10}),
        help_text=_("Only for the audience “Chosen organizations”."),
    )

    class Meta:
        model = Survey
        fields = [
            "title_es",
            "title_en",
            "description_es",
            "description_en",
            "purpose",
            "committee",
            "audience",
            "chosen_organizations",
            "response_unit",
            "is_anonymous",
            "opens_at",
            "closes_at",
        ]
        widgets = {
            "committee": ContentSelect(),
            "opens_at": DateTimeInput(),
            "closes_at": DateTimeInput(),
            "description_es": forms.Textarea(attrs={"rows": 3}),
            "description_en": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, user, search="", **kwargs):
        super().__init__(*args, **kwargs)
        # Only those the survey can invite (surveys.selectors.audience_organizations).
        organizations = Organization.objects.active_members().order_by("legal_name")
        committees = Committee.objects.open().select_related("goal")
        if not permissions.is_staff_member(user):
            chaired = permissions.chaired_committee_ids(user)
            committees = committees.filter(pk__in=chaired)
            # A chair's survey goes to members of the committee (the service checks which committee).
            organizations = organizations.filter(
                committee_memberships__committee_id__in=chaired,
                committee_memberships__status=MembershipStatus.ACTIVE,
            ).distinct()
            self.fields["committee"].required = True
            self.fields["committee"].empty_label = None
        self.fields["committee"].queryset = committees
        self.fields["chosen_organizations"].queryset = organizations
        self.fields["chosen_organizations"].narrow(search, selected=self["chosen_organizations"].value())
        if self.instance.pk:
            self.fields["chosen_organizations"].initial = list(self.instance.chosen_organizations.all())
            if not self.instance.is_draft:
                for name in (
                    "purpose",
                    "committee",
                    "audience",
                    "chosen_organizations",
                    "response_unit",
                    "is_anonymous",
                    "opens_at",
                ):
                    self.fields[name].disabled = True
        for name in ("opens_at", "closes_at"):
            self.fields[name].input_formats = [ISO_DATETIME]
        self.helper = submit_helper(_("Save"))

    def clean(self):
        cleaned = super().clean()
        for name in ("opens_at", "closes_at"):
            # Before the model's checks, which cannot compare a moment in year 9999.
            if name in cleaned and (message := implausible_day(cleaned[name])):
                self.add_error(name, message)
        return cleaned


class SectionForm(forms.ModelForm):
    class Meta:
        model = Section
        fields = ["title_es", "title_en", "description_es", "description_en"]
        widgets = {
            "description_es": forms.Textarea(attrs={"rows": 2}),
            "description_en": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = submit_helper(_("Save"))


# The fields that only some kinds of question use: (fieldset legend, fields, kinds that use them).
KIND_FIELDSETS = [
    (_("Options"), ["options"], [QuestionKind.SINGLE_CHOICE, QuestionKind.MULTIPLE_CHOICE, QuestionKind.RANKING]),
    (
        _("Limit"),
        ["max_choices"],
        [QuestionKind.MULTIPLE_CHOICE, QuestionKind.RANKING, QuestionKind.SDG_GOALS],
    ),
    (_("Numbers accepted"), ["number_min", "number_max"], [QuestionKind.NUMBER]),
    (
        _("Labels of the scale"),
        ["scale_min_label_es", "scale_min_label_en", "scale_max_label_es", "scale_max_label_en"],
        [QuestionKind.SCALE],
    ),
]
EMPTY_VALUES = {"options": [], "max_choices": None, "number_min": None, "number_max": None}


class QuestionForm(forms.Form):
    """A question of the builder; the fields of other kinds are shown apart, and what they hold is ignored."""

    script = "js/question-kinds.js"
    kind = forms.ChoiceField(label=_("Type"), choices=QuestionKind.choices)
    text_es = forms.CharField(label=_("Question (Spanish)"), max_length=500)
    text_en = forms.CharField(label=_("Question (English)"), max_length=500, required=False)
    help_es = forms.CharField(label=_("Help text (Spanish)"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    help_en = forms.CharField(label=_("Help text (English)"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    required = forms.BooleanField(label=_("Required"), required=False)
    options = forms.CharField(
        label=_("Options"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("One option per line, Spanish and English separated by “|”: Educación | Education."),
    )
    max_choices = forms.IntegerField(
        label=_("How many to pick or rank"),
        required=False,
        min_value=1,
        max_value=SMALL_INTEGER_MAX,
        help_text=_("For multiple choice, ranking and SDG goals; empty means no limit."),
    )
    number_min = forms.DecimalField(
        label=_("Smallest number accepted"),
        required=False,
        max_digits=14,
        decimal_places=2,
        help_text=_("0 refuses negative answers (counts of people, amounts); empty means no lower limit."),
    )
    number_max = forms.DecimalField(
        label=_("Largest number accepted"),
        required=False,
        max_digits=14,
        decimal_places=2,
        help_text=_("Empty means no upper limit."),
    )
    scale_min_label_es = forms.CharField(label=_("Label of 1 (Spanish)"), max_length=100, required=False)
    scale_min_label_en = forms.CharField(label=_("Label of 1 (English)"), max_length=100, required=False)
    scale_max_label_es = forms.CharField(label=_("Label of 5 (Spanish)"), max_length=100, required=False)
    scale_max_label_en = forms.CharField(label=_("Label of 5 (English)"), max_length=100, required=False)
    condition_question = ModelChoiceField(label=_("Show only when question"), queryset=None, required=False)
    condition_value = forms.CharField(
        label=_("has the answer"),
        max_length=100,
        required=False,
        help_text=_("The option's Spanish text, “sí” or “no”, or a value from 1 to 5."),
    )

    def __init__(self, *args, survey, question=None, **kwargs):
        if question is None:
            # Most number questions count people or money: a new one refuses negatives unless cleared.
            kwargs["initial"] = {"number_min": 0, **(kwargs.get("initial") or {})}
        else:
            # The question as it is, under what the caller gives (a FormView always gives ``initial``, often empty).
            kwargs["initial"] = {
                **{name: getattr(question, name) for name in self.base_fields if hasattr(question, name)},
                "options": "\n".join(
                    f"{o.text_es} | {o.text_en}" if o.text_en else o.text_es for o in question.options.all()
                ),
                "condition_question": question.condition_question_id,
                **(kwargs.get("initial") or {}),
            }
        super().__init__(*args, **kwargs)
        earlier = survey.questions.select_related("section").order_by("section__position", "position", "id")
        if question is not None:
            earlier = earlier.exclude(pk=question.pk)
        self.fields["condition_question"].queryset = earlier
        self.existing_options = list(question.options.all()) if question is not None else []
        self.helper = submit_helper(_("Save"))
        self.helper.layout = Layout(
            "kind",
            "text_es",
            "text_en",
            "help_es",
            "help_en",
            "required",
            *(self._kind_fieldset(legend, names, kinds) for legend, names, kinds in KIND_FIELDSETS),
            Fieldset(_("Condition"), "condition_question", "condition_value"),
        )

    @staticmethod
    def _kind_fieldset(legend, names, kinds):
        hint = _("Only for questions of type: %(kinds)s.") % {"kinds": ", ".join(str(k.label) for k in kinds)}
        return Fieldset(
            legend,
            HTML(format_html('<p class="form-text mt-0">{}</p>', hint)),
            *names,
            data_question_kinds=" ".join(kinds),
        )

    def clean(self):
        """Ignore what the fields of other kinds hold (they may be hidden, or left from a change of type)."""
        cleaned = super().clean()
        kind = cleaned.get("kind")
        for _legend, names, kinds in KIND_FIELDSETS:
            if kind in kinds:
                continue
            for name in names:
                self.errors.pop(name, None)
                cleaned[name] = EMPTY_VALUES.get(name, "")
        return cleaned

    def clean_options(self):
        """Read one option a line, "texto | text"; blank lines are skipped but keep the numbers staff see."""
        numbered = []
        for line, text in enumerate(self.cleaned_data["options"].splitlines(), start=1):
            if not text.strip():
                continue
            text_es, _bar, text_en = (part.strip() for part in text.partition("|"))
            position = len(numbered)
            key = self.existing_options[position].external_key if position < len(self.existing_options) else ""
            numbered.append((line, {"text_es": text_es, "text_en": text_en, "external_key": key}))
        errors = option_length_errors(numbered)
        if errors:
            raise forms.ValidationError(errors)
        return [option for _line, option in numbered]

    def service_fields(self):
        data = dict(self.cleaned_data)
        options = data.pop("options")
        data["condition_value"] = data["condition_value"] if data["condition_question"] else ""
        return data, options


class ResponseForm(forms.Form):
    """The fields of the questions shown, one field per question (one per place for rankings)."""

    def __init__(self, *args, questions, goals=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = questions
        self.groups = {}
        for question in questions:
            self.groups[question.pk] = self._add(question, goals)

    def _add(self, question, goals):
        name = field_name(question)
        label = question.text
        kind = question.kind
        common = {"label": label, "required": False, "help_text": question.help}
        if kind == QuestionKind.SINGLE_CHOICE:
            choices = [(o.pk, o.text) for o in question.options.all()]
            self.fields[name] = forms.TypedChoiceField(choices=choices, coerce=int, widget=forms.RadioSelect, **common)
        elif kind == QuestionKind.MULTIPLE_CHOICE:
            choices = [(o.pk, o.text) for o in question.options.all()]
            self.fields[name] = forms.TypedMultipleChoiceField(
                choices=choices, coerce=int, widget=forms.CheckboxSelectMultiple, **common
            )
        elif kind in (QuestionKind.RANKING, QuestionKind.SDG_GOALS):
            if kind == QuestionKind.RANKING:
                choices = [(o.pk, o.text) for o in question.options.all()]
            else:
                choices = [(g.pk, str(g)) for g in goals]
            places = min(question.max_choices or len(choices), len(choices))
            names = []
            for place in range(1, places + 1):
                place_name = f"{name}_{place}"
                self.fields[place_name] = forms.TypedChoiceField(
                    label=_("Place %(place)d") % {"place": place},
                    choices=[("", "—")] + choices,
                    coerce=int,
                    empty_value=None,
                    required=False,
                )
                names.append(place_name)
            return names
        elif kind == QuestionKind.SCALE:
            choices = [(value, str(value)) for value in range(SCALE_MIN, SCALE_MAX + 1)]
            message = _("Choose a value from %(low)d to %(high)d.") % {"low": SCALE_MIN, "high": SCALE_MAX}
            self.fields[name] = forms.TypedChoiceField(
                choices=choices,
                coerce=int,
                empty_value=None,
                widget=forms.RadioSelect,
                error_messages={"invalid_choice": message},
                **common,
            )
        elif kind == QuestionKind.NUMBER:
            self.fields[name] = forms.DecimalField(
                max_digits=14,
                decimal_places=2,
                min_value=question.number_min,
                max_value=question.number_max,
                **common,
            )
        elif kind == QuestionKind.YES_NO:
            self.fields[name] = forms.TypedChoiceField(
                choices=[("yes", _("Yes")), ("no", _("No"))],
                coerce=lambda value: value == "yes",
                empty_value=None,
                widget=forms.RadioSelect,
                **common,
            )
        elif kind == QuestionKind.SHORT_TEXT:
            self.fields[name] = forms.CharField(max_length=500, **common)
        else:
            self.fields[name] = forms.CharField(widget=forms.Textarea(attrs={"rows": 4}), max_length=10000, **common)
        return [name]

    def clean(self):
        cleaned = super().clean()
        for question in self.questions:
            if not question.is_ranked:
                continue
            names = self.groups[question.pk]
            picks = [cleaned.get(name) for name in names if cleaned.get(name) is not None]
            if len(set(picks)) != len(picks):
                message = (
                    _("Each SDG can be ranked only once.")
                    if question.kind == QuestionKind.SDG_GOALS
                    else _("Each option can be ranked only once.")
                )
                self.add_error(names[0], message)
        return cleaned

    def values(self, *, valid_only=True):
        """Return ``{question_id: value}`` for the questions whose fields are free of errors."""
        values = {}
        for question in self.questions:
            names = self.groups[question.pk]
            if any(name in self.errors for name in names):
                continue
            data = self.cleaned_data
            if question.is_ranked:
                values[question.pk] = [data.get(name) for name in names if data.get(name) is not None]
            else:
                value = data.get(names[0])
                values[question.pk] = value if value not in ("", []) else None
        return values

    def blocks(self):
        """Return, per question shown, its bound fields, for the template."""
        return [(question, [self[name] for name in self.groups[question.pk]]) for question in self.questions]


def response_form_initial(questions, stored):
    """Return the form's initial data from saved values."""
    initial = {}
    for question in questions:
        value = stored.get(question.pk)
        if value is None:
            continue
        name = field_name(question)
        if question.is_ranked:
            for place, item in enumerate(value, 1):
                initial[f"{name}_{place}"] = item
        elif question.kind == QuestionKind.YES_NO:
            initial[name] = "yes" if value else "no"
        else:
            initial[name] = value
    return initial


class CommitteeProposalsForm(forms.Form):
    ranking_question = ModelChoiceField(label=_("SDG question"), queryset=None, empty_label=None)
    role_question = ModelChoiceField(label=_("Role question"), queryset=None, required=False)
    top = forms.IntegerField(label=_("Counted when ranked within the first"), min_value=1, max_value=17, initial=3)
    committee = ModelChoiceField(
        label=_("Committee"), queryset=Committee.objects.none(), required=False, empty_label=_("All (how many each)")
    )

    def __init__(self, *args, survey, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["committee"].queryset = Committee.objects.open().select_related("goal").order_by("goal__number")
        self.fields["ranking_question"].queryset = survey.questions.filter(kind=QuestionKind.SDG_GOALS)
        self.fields["role_question"].queryset = survey.questions.filter(
            kind__in=[QuestionKind.SINGLE_CHOICE, QuestionKind.MULTIPLE_CHOICE]
        )


def sdg_goals():
    return list(Goal.objects.order_by("number"))
