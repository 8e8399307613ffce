"""The evaluation page says why a service refused, in its own words, rather than marking nothing."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from projects import services
from projects.criteria import Criterion


@pytest.fixture
def evaluation(cast, in_review):
    return services.evaluator_assign(actor=cast.staff, proposal=in_review, evaluator=cast.evaluator)


def _scores(value="4"):
    data = {f"score_{c.value}": value for c in Criterion}
    data["submit_scores"] = "1"
    return data


def _page_says(response, text):
    """The page, as rendered or after its redirect, carries ``text`` in a message and not the generic one."""
    told = [str(message) for message in get_messages(response.wsgi_request)]
    return text in told and "Corrija lo que se señala abajo; no se perdió nada de lo que escribió." not in told


def test_scores_before_the_declaration_say_to_declare_first(client, cast, evaluation):
    client.force_login(cast.evaluator)
    response = client.post(reverse("projects:evaluation", args=[evaluation.pk]), _scores())
    assert _page_says(response, "Declare primero si tiene un conflicto de interés con esta propuesta.")
    assert not evaluation.scores.exists()


def test_scores_sent_to_a_submitted_evaluation_say_it_is_closed(client, cast, evaluation):
    services.conflict_declare(actor=cast.evaluator, evaluation=evaluation, has_conflict=False)
    scores = {c.value: (4, "") for c in Criterion}
    services.scores_save(actor=cast.evaluator, evaluation=evaluation, scores=scores, submit=True)
    client.force_login(cast.evaluator)
    response = client.post(reverse("projects:evaluation", args=[evaluation.pk]), _scores("1"))
    assert _page_says(response, "Esta evaluación está cerrada.")
    assert set(evaluation.scores.values_list("score", flat=True)) == {4}


def test_a_second_declaration_says_it_was_already_made(client, cast, evaluation):
    services.conflict_declare(actor=cast.evaluator, evaluation=evaluation, has_conflict=False)
    client.force_login(cast.evaluator)
    url = reverse("projects:evaluation", args=[evaluation.pk])
    response = client.post(url, {"has_conflict": "yes", "conflict_statement": "Lo pensé mejor."})
    assert _page_says(response, "La declaración ya se hizo.")
    evaluation.refresh_from_db()
    assert evaluation.has_conflict is False


def test_a_score_out_of_range_is_still_marked_beside_its_criterion(client, cast, evaluation):
    services.conflict_declare(actor=cast.evaluator, evaluation=evaluation, has_conflict=False)
    client.force_login(cast.evaluator)
    data = _scores()
    data["score_axs_funds"] = "7"
    response = client.post(reverse("projects:evaluation", args=[evaluation.pk]), data)
    assert response.status_code == 200 and "score_axs_funds" in response.context["scores_form"].errors
    told = [str(message) for message in get_messages(response.wsgi_request)]
    assert told == ["Corrija lo que se señala abajo; no se perdió nada de lo que escribió."]
