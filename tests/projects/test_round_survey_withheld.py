"""A selection round's survey result honours an anonymous survey's withholding, on its page and at its close."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from projects import services
from projects.models import SelectionMethod
from surveys import services as survey_services
from surveys.models import Answer, Response, Survey
from surveys.selectors import MIN_ANONYMOUS_RESPONDENTS

pytestmark = pytest.mark.django_db


def _survey_round(scene, *, anonymous_survey, picks):
    """A round over the scene's three candidates whose open survey has the answers ``picks`` (option indexes)."""
    now = timezone.now()
    selection_round = services.round_create(
        actor=scene.chair,
        committee=scene.committee,
        title="Encuesta de selección",
        method=SelectionMethod.SURVEY,
        proposals=scene.candidates,
        seats=1,
        survey_opens_at=now - datetime.timedelta(days=2),
        survey_closes_at=now + datetime.timedelta(days=2),
    )
    question = selection_round.survey_question
    survey = question.survey
    if anonymous_survey:
        survey_services.survey_update(actor=scene.staff, survey=survey, is_anonymous=True)
    survey_services.survey_publish(actor=scene.staff, survey=survey)
    options = list(question.options.order_by("position"))
    for pick in picks:
        # Written as an anonymous submission is stored: no invitation, no organization.
        response = Response.objects.create(survey=survey, status="submitted", submitted_at=now)
        Answer.objects.create(response=response, question=question, option=options[pick])
    survey_services.survey_counts_rebuild(survey)
    return selection_round


def _close_survey(selection_round):
    Survey.objects.filter(pk=selection_round.survey_question.survey_id).update(closes_at=timezone.now())


def _page(client, scene, selection_round):
    client.force_login(scene.chair)
    response = client.get(reverse("projects:round-detail", args=[selection_round.pk]))
    assert response.status_code == 200
    return response.content.decode()


def _statuses(scene):
    return [type(p).objects.get(pk=p.pk).status for p in scene.candidates]


def test_the_round_page_shows_no_counts_of_an_open_anonymous_survey(client, scene):
    selection_round = _survey_round(scene, anonymous_survey=True, picks=[2, 2, 0])
    page = _page(client, scene, selection_round)
    assert "sus respuestas se muestran cuando haya cerrado" in page
    assert '<td class="text-end">2</td>' not in page


def test_the_round_page_shows_the_counts_of_an_open_named_survey(client, scene):
    selection_round = _survey_round(scene, anonymous_survey=False, picks=[2, 2, 0])
    page = _page(client, scene, selection_round)
    assert '<td class="text-end">2</td>' in page
    assert "sus respuestas se muestran" not in page


def test_an_anonymous_survey_with_few_respondents_does_not_choose_the_proposals(client, scene):
    selection_round = _survey_round(scene, anonymous_survey=True, picks=[2, 2, 0])
    _close_survey(selection_round)
    page = _page(client, scene, selection_round)
    assert "la respondieron menos de 5 organizaciones" in page
    assert '<td class="text-end">2</td>' not in page
    for chosen, decision in (([], ""), ([scene.candidates[0]], ""), ([], "Lo decidió el comité en sesión.")):
        with pytest.raises(ValidationError) as error:
            services.round_close(actor=scene.chair, selection_round=selection_round, selected=chosen, decision=decision)
        assert error.value.code == "survey_withheld"
    assert _statuses(scene) == ["in_review"] * 3
    services.round_close(
        actor=scene.chair,
        selection_round=selection_round,
        selected=[scene.candidates[0]],
        decision="Lo decidió el comité en la sesión del 3 de diciembre.",
    )
    assert _statuses(scene) == ["selected", "not_selected", "not_selected"]


def test_the_close_form_says_why_the_survey_cannot_choose(client, scene):
    selection_round = _survey_round(scene, anonymous_survey=True, picks=[2, 2, 0])
    _close_survey(selection_round)
    client.force_login(scene.chair)
    response = client.post(reverse("projects:round-close", args=[selection_round.pk]), {"decision": "En sesión."})
    assert response.status_code == 200
    assert "elija las propuestas y registre por qué" in response.content.decode()
    assert "En sesión.</textarea>" in response.content.decode()


def test_an_anonymous_survey_with_enough_respondents_chooses_as_before(client, scene):
    picks = [2] * (MIN_ANONYMOUS_RESPONDENTS - 2) + [0, 1]
    selection_round = _survey_round(scene, anonymous_survey=True, picks=picks)
    _close_survey(selection_round)
    page = _page(client, scene, selection_round)
    assert f'<td class="text-end">{MIN_ANONYMOUS_RESPONDENTS - 2}</td>' in page
    services.round_close(actor=scene.chair, selection_round=selection_round)
    assert _statuses(scene) == ["not_selected", "not_selected", "selected"]
