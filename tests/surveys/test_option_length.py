"""An option longer than its field holds is refused with the line it is on, never cut short."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from surveys import services
from surveys.forms import QuestionForm

from .conftest import window

pytestmark = pytest.mark.django_db

LONG = "Fortalecer " + "a" * 300


@pytest.fixture
def draft(staff):
    survey = services.survey_create(actor=staff, title_es="Borrador", audience="all_members", **window())
    services.section_create(actor=staff, survey=survey, title_es="Uno")
    return survey


def _typed(long_line):
    return f"Educación | Education\n\n{long_line}\nEnergía | Energy"


def test_form_refuses_a_long_spanish_option_naming_its_line(draft):
    typed = _typed(f"{LONG} | Strengthen")
    form = QuestionForm(data={"kind": "single", "text_es": "¿Qué?", "options": typed}, survey=draft)
    assert not form.is_valid()
    assert form.errors["options"] == ["La opción de la línea 3 pasa de 300 caracteres; acórtela."]
    assert form["options"].value() == typed


def test_form_refuses_a_long_english_option_in_english(draft):
    form = QuestionForm(
        data={"kind": "single", "text_es": "¿Qué?", "options": _typed(f"Fortalecer | {LONG}")}, survey=draft
    )
    with translation.override("en"):
        assert not form.is_valid()
        assert form.errors["options"] == [
            "The English text of the option on line 3 is longer than 300 characters; shorten it."
        ]


def test_form_accepts_an_option_of_exactly_the_limit(draft):
    exact = "a" * 300
    form = QuestionForm(data={"kind": "single", "text_es": "¿Qué?", "options": f"{exact} | {exact}\nB"}, survey=draft)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["options"][0]["text_es"] == exact


def test_builder_page_keeps_the_long_option_and_saves_nothing(client, staff, draft):
    client.force_login(staff)
    typed = _typed(LONG)
    response = client.post(
        reverse("surveys:question-create", args=[draft.sections.get().pk]),
        {"kind": "single", "text_es": "¿Qué?", "options": typed},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "La opción de la línea 3 pasa de 300 caracteres" in page
    assert LONG in page
    assert not draft.questions.exists()


def test_service_refuses_a_long_option_on_the_options_field(staff, draft):
    options = [{"text_es": "Educación"}, {"text_es": LONG}]
    with pytest.raises(ValidationError) as caught:
        services.question_create(
            actor=staff, section=draft.sections.get(), kind="single", text_es="¿Qué?", options=options
        )
    assert caught.value.error_dict["options"][0].code == "option_too_long"
    assert caught.value.message_dict == {"options": ["La opción de la línea 2 pasa de 300 caracteres; acórtela."]}
    assert not draft.questions.exists()


def test_service_refuses_a_long_option_when_changing_a_question(staff, draft):
    question = services.question_create(
        actor=staff,
        section=draft.sections.get(),
        kind="single",
        text_es="¿Qué?",
        options=[{"text_es": "Educación"}, {"text_es": "Energía"}],
    )
    with pytest.raises(ValidationError) as caught:
        services.question_update(
            actor=staff, question=question, options=[{"text_es": "Educación"}, {"text_es": "E", "text_en": LONG}]
        )
    assert caught.value.error_dict["options"][0].code == "option_too_long"
    assert [o.text_es for o in question.options.all()] == ["Educación", "Energía"]
