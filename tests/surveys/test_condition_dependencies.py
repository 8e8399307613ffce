"""A question shown depending on another's answer keeps an answer that can be given: edits and publishing check it."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from surveys import services
from surveys.models import Option, Question

from .conftest import build_survey

pytestmark = pytest.mark.django_db

FOLLOW_UP = "¿Qué fuente de energía usa?"


@pytest.fixture
def draft(staff):
    """The builder's survey as a draft: "Describa sus acciones" shows on "sí"; a follow-up shows on "Energía"."""
    survey = build_survey(staff, publish=False)
    survey.q["follow_up"] = services.question_create(
        actor=staff,
        section=survey.sections.get(),
        kind="short_text",
        text_es=FOLLOW_UP,
        text_en="Which energy source do you use?",
        condition_question=survey.q["single"],
        condition_value="Energía",
    )
    return survey


def _options(*texts):
    return [{"text_es": text} for text in texts]


def test_a_yes_no_question_others_depend_on_cannot_become_another_kind(staff, draft):
    yes_no = draft.q["yes_no"]
    for kind in ("short_text", "scale"):
        with pytest.raises(ValidationError) as refused:
            services.question_update(actor=staff, question=Question.objects.get(pk=yes_no.pk), kind=kind)
        (error,) = refused.value.error_dict["kind"]
        assert error.code == "condition_broken" and "Describa sus acciones" in error.message
    assert Question.objects.get(pk=yes_no.pk).kind == "yes_no"


def test_renaming_the_option_a_condition_names_is_refused_and_other_changes_are_not(staff, draft):
    single = draft.q["single"]
    with pytest.raises(ValidationError) as refused:
        services.question_update(actor=staff, question=single, options=_options("Educación", "Energía limpia"))
    assert list(refused.value.error_dict) == ["options"]
    assert FOLLOW_UP in refused.value.error_dict["options"][0].messages[0]
    assert list(single.options.values_list("text_es", flat=True)) == ["Educación", "Energía"]

    # Another option renamed, or the question turned to multiple choice: "Energía" can still be answered.
    services.question_update(
        actor=staff, question=single, kind="multiple", options=_options("Educación básica", "energía")
    )
    assert list(single.options.values_list("text_es", flat=True)) == ["Educación básica", "energía"]
    with pytest.raises(ValidationError) as refused:
        services.question_update(actor=staff, question=single, kind="ranking")
    assert list(refused.value.error_dict) == ["kind"] and FOLLOW_UP in refused.value.messages[0]


def test_a_survey_with_a_condition_that_can_never_be_met_is_not_published(staff, draft):
    # Broken before the builder checked the questions that depend on an edited one.
    Option.objects.filter(question=draft.q["single"], text_es="Energía").update(text_es="Energía limpia")
    Question.objects.filter(pk=draft.q["yes_no"].pk).update(kind="short_text")
    with pytest.raises(ValidationError) as refused:
        services.survey_publish(actor=staff, survey=draft)
    errors = refused.value.error_dict["__all__"]
    assert [error.code for error in errors] == ["condition_broken", "condition_broken"]
    messages = [error.message for error in errors]
    assert any(FOLLOW_UP in message and "Energía" in message for message in messages)
    assert any("Describa sus acciones" in message for message in messages)
    draft.refresh_from_db()
    assert draft.is_draft


def _question_post(question, **changes):
    data = {"kind": question.kind, "text_es": question.text_es, "text_en": question.text_en}
    data["options"] = "\n".join(question.options.values_list("text_es", flat=True))
    data.update(changes)
    return data


@pytest.mark.parametrize(
    ("language", "words", "dependent"),
    [
        ("es-mx", "solo se muestra cuando esta se responde", "Describa sus acciones"),
        ("en", "is shown only when this one is answered", "Describe your actions"),
    ],
)
def test_the_question_page_names_the_dependent_question_next_to_the_field_changed(
    client, staff, draft, language, words, dependent
):
    staff.preferred_language = language
    staff.save(update_fields=["preferred_language"])
    client.force_login(staff)
    single, yes_no = draft.q["single"], draft.q["yes_no"]
    response = client.post(
        reverse("surveys:question-update", args=[single.pk]),
        _question_post(single, options="Educación\nEnergía limpia"),
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert list(errors) == ["options"] and words in errors["options"][0]
    page = response.content.decode()
    assert "Energía limpia" in page  # what was typed is kept
    response = client.post(
        reverse("surveys:question-update", args=[yes_no.pk]), _question_post(yes_no, kind="short_text")
    )
    assert list(response.context["form"].errors) == ["kind"]
    assert dependent in response.context["form"].errors["kind"][0]
    assert Question.objects.get(pk=yes_no.pk).kind == "yes_no"


def test_the_publish_button_names_the_question_whose_condition_is_broken(client, staff, draft):
    Option.objects.filter(question=draft.q["single"], text_es="Energía").update(text_es="Energía limpia")
    client.force_login(staff)
    response = client.post(reverse("surveys:survey-publish", args=[draft.pk]), follow=True)
    text = " ".join(str(message) for message in response.context["messages"])
    assert f"La pregunta “{FOLLOW_UP}” solo se muestra cuando “Tipo de acción” se responde “Energía”" in text
    draft.refresh_from_db()
    assert draft.is_draft
