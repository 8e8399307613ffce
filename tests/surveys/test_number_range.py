"""A number question may bound its answers (0 refuses a negative count of people); the builder offers 0 at first."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from surveys import services
from surveys.forms import QuestionForm, ResponseForm
from surveys.models import SurveyInvitation

from .conftest import build_survey

pytestmark = pytest.mark.django_db


@pytest.fixture
def bounded(staff, org_a, org_b, org_c):
    survey = build_survey(staff, publish=False)
    services.question_update(actor=staff, question=survey.q["number"], number_min=0, number_max=1500)
    services.survey_publish(actor=staff, survey=survey)
    return survey


@pytest.fixture
def invitation(bounded, staff, rep_a):
    services.invitations_send(actor=staff, survey=bounded)
    return SurveyInvitation.objects.get(survey=bounded, organization=rep_a.representations.get().organization)


def test_an_answer_outside_the_range_is_refused_in_the_persons_language(bounded, invitation, rep_a):
    number = bounded.q["number"]
    for typed in ("-5", "1500.01"):
        with translation.override("es-mx"), pytest.raises(ValidationError) as error:
            services.response_save(user=rep_a, invitation=invitation, values={number.pk: typed})
        assert error.value.message_dict[f"q{number.pk}"] == ["Escriba un número de 0 a 1,500."]
    with translation.override("en"), pytest.raises(ValidationError) as error:
        services.response_save(user=rep_a, invitation=invitation, values={number.pk: "-1"})
    assert error.value.message_dict[f"q{number.pk}"] == ["Enter a number from 0 to 1,500."]
    services.response_save(user=rep_a, invitation=invitation, values={number.pk: "0"})
    services.response_save(user=rep_a, invitation=invitation, values={number.pk: "1500"})


def test_one_bound_alone_is_said_alone(staff, org_a):
    survey = build_survey(staff, publish=False)
    question = services.question_update(actor=staff, question=survey.q["number"], number_min=0)
    with translation.override("es-mx"), pytest.raises(ValidationError) as error:
        services.answering._number_in_range(question, -3)
    assert error.value.messages == ["Escriba un número mayor o igual a 0."]


def test_the_builder_refuses_a_reversed_range_and_a_range_on_other_kinds(staff, org_a):
    survey = build_survey(staff, publish=False)
    with translation.override("es-mx"), pytest.raises(ValidationError) as error:
        services.question_update(actor=staff, question=survey.q["number"], number_min=10, number_max=5)
    assert "El número máximo aceptado no puede ser menor que el mínimo." in error.value.messages
    with pytest.raises(ValidationError) as error:
        services.question_update(actor=staff, question=survey.q["scale"], number_min=0)
    assert "number_min" in error.value.message_dict


def test_a_new_question_starts_refusing_negatives_and_the_answer_field_says_its_range(bounded, staff):
    assert QuestionForm(survey=bounded).initial["number_min"] == 0
    assert QuestionForm(survey=bounded, question=bounded.q["number"]).initial["number_min"] == 0
    field = ResponseForm(questions=[bounded.q["number"]]).fields[f"q{bounded.q['number'].pk}"]
    attrs = field.widget.attrs
    assert (attrs["min"], attrs["max"]) == (0, 1500)


def test_a_range_typed_on_the_builder_page_is_kept(client, staff, org_a):
    survey = build_survey(staff, publish=False)
    client.force_login(staff)
    number = survey.q["number"]
    url = reverse("surveys:question-update", args=[number.pk])
    data = {"kind": "number", "text_es": "Empleados", "number_min": "0", "number_max": "-1"}
    page = client.post(url, data).content.decode()
    assert "El número máximo aceptado no puede ser menor que el mínimo." in page and 'value="-1"' in page
    data["number_max"] = "250"
    assert client.post(url, data).status_code == 302
    number.refresh_from_db()
    assert (number.number_min, number.number_max) == (0, 250)
