"""The shared submit button has one colour, date fields travel as ISO, model choices refuse impossible ids."""

import datetime
import importlib
import inspect

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.template import Context
from django.utils import translation

from axs_platform.forms import DateInput, DateTimeInput, ModelChoiceField, ModelMultipleChoiceField, Submit
from sdg.models import Goal

COLOURS = {"primary", "secondary", "success", "danger", "warning", "info", "light", "dark", "link"}
FORM_MODULES = [
    "accounts.forms",
    "audit.forms",
    "companies.forms",
    "committees.forms",
    "surveys.forms",
    "projects.forms",
    "projects.forms_selection",
    "reports.forms",
]


def colour_classes(html):
    classes = html.split('class="')[1].split('"')[0].split()
    return [c for c in classes if c.removeprefix("btn-").removeprefix("outline-") in COLOURS and c.startswith("btn-")]


def test_a_submit_button_has_exactly_one_colour_class():
    assert colour_classes(Submit("submit", "Save").render(None, Context())) == ["btn-primary"]
    outline = Submit("submit", "Add", css_class="btn-outline-primary").render(None, Context())
    assert colour_classes(outline) == ["btn-outline-primary"]


def test_no_form_helper_of_the_platform_renders_a_button_with_two_colours():
    for module_name in FORM_MODULES:
        source = inspect.getsource(importlib.import_module(module_name))
        crispy_imports = [line for line in source.splitlines() if line.startswith("from crispy_forms.layout import")]
        assert not any("Submit" in line for line in crispy_imports), module_name


def test_date_inputs_render_iso_in_spanish_and_english():
    for language in ("es-mx", "en"):
        with translation.override(language):
            date_html = DateInput().render("on", datetime.date(2026, 3, 9))
            moment_html = DateTimeInput().render("at", datetime.datetime(2026, 3, 9, 17, 5))
        assert 'type="date"' in date_html and 'value="2026-03-09"' in date_html
        assert 'type="datetime-local"' in moment_html and 'value="2026-03-09T17:05"' in moment_html


def _declared_forms():
    for module_name in FORM_MODULES:
        module = importlib.import_module(module_name)
        for name, value in vars(module).items():
            if inspect.isclass(value) and issubclass(value, forms.BaseForm) and value.__module__ == module_name:
                yield f"{module_name}.{name}", value


def test_every_date_field_of_every_form_uses_the_iso_widgets():
    checked = 0
    for name, form_class in _declared_forms():
        for field_name, field in form_class.base_fields.items():
            if isinstance(field, forms.DateTimeField):
                assert isinstance(field.widget, DateTimeInput), f"{name}.{field_name}"
                checked += 1
            elif isinstance(field, forms.DateField):
                assert isinstance(field.widget, DateInput), f"{name}.{field_name}"
                checked += 1
    assert checked >= 10


@pytest.mark.django_db
@pytest.mark.parametrize("value", ["1" * 40, str(2**63), str(-(2**63) - 1)])
def test_model_choice_fields_answer_an_id_no_database_holds_as_an_invalid_choice(value):
    with pytest.raises(ValidationError) as single:
        ModelChoiceField(Goal.objects.all()).clean(value)
    assert single.value.code == "invalid_choice"
    with pytest.raises(ValidationError) as multiple:
        ModelMultipleChoiceField(Goal.objects.all()).clean([value])
    assert multiple.value.code == "invalid_choice"


@pytest.mark.django_db
def test_counts_stored_in_small_integers_refuse_a_forty_digit_number_with_a_message():
    from committees.models import Committee
    from projects.forms_selection import RoundForm
    from surveys.forms import QuestionForm
    from surveys.models import Survey

    round_form = RoundForm({"title": "Ronda", "method": "vote", "seats": "1" * 40}, committee=Committee(pk=1))
    assert not round_form.is_valid() and "seats" in round_form.errors
    question_form = QuestionForm({"kind": "multiple", "text_es": "¿Qué?", "max_choices": "1" * 40}, survey=Survey(pk=1))
    assert not question_form.is_valid() and "max_choices" in question_form.errors
