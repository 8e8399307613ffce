"""Answering a survey through its pages: save, come back, submit, bad answers, foreign and closed links."""

import pytest
from django.urls import reverse

from surveys import services
from surveys.models import Response, ResponseStatus

from .conftest import build_survey, goal

pytestmark = pytest.mark.django_db


def _answer_post(survey, **extra):
    q = survey.q
    data = {
        f"q{q['single'].pk}": q["single"].options.first().pk,
        f"q{q['sdg'].pk}_1": goal(4),
        f"q{q['sdg'].pk}_2": goal(7),
        f"q{q['yes_no'].pk}": "no",
        f"q{q['scale'].pk}": "4",
    }
    data.update(extra)
    return data


def test_a_representative_answers_saves_comes_back_and_submits(client, staff, survey, rep_a):
    services.invitations_send(actor=staff, survey=survey)
    invitation = survey.invitations.get(organization__short_name="Alfa")
    url = invitation.get_absolute_url()
    assert client.get(url).status_code == 302  # named survey: sign in first
    client.force_login(rep_a)
    assert client.get(url).status_code == 200
    q = survey.q
    response = client.post(url, {f"q{q['scale'].pk}": "4", "save": "1"})
    assert response.status_code == 302
    page = client.get(url).content.decode()
    assert 'value="4" ' in page and "checked" in page
    response = client.post(url, {**_answer_post(survey), "submit": "1"})
    assert response.status_code == 302 and response.url.endswith("/gracias/")
    assert Response.objects.get(invitation=invitation).status == ResponseStatus.SUBMITTED
    assert "Gracias por sus respuestas" in client.get(response.url).content.decode()
    assert client.get(url).status_code == 302  # a reused link goes to the confirmation


def test_bad_answers_get_clear_messages_and_the_good_ones_are_kept(client, staff, survey, rep_a):
    services.invitations_send(actor=staff, survey=survey)
    invitation = survey.invitations.get(organization__short_name="Alfa")
    client.force_login(rep_a)
    q = survey.q
    data = _answer_post(survey, **{f"q{q['scale'].pk}": "9", f"q{q['sdg'].pk}_2": goal(4), "submit": "1"})
    page = client.post(invitation.get_absolute_url(), data).content.decode()
    assert "Elija un valor del 1 al 5." in page
    assert "Cada ODS puede ordenarse una sola vez." in page
    assert "sus demás respuestas se guardaron" in page
    response = Response.objects.get(invitation=invitation)
    assert response.status == ResponseStatus.IN_PROGRESS
    assert response.answers.filter(question=q["single"]).exists()


def test_a_missing_required_answer_is_named_on_submit(client, staff, survey, rep_a):
    services.invitations_send(actor=staff, survey=survey)
    invitation = survey.invitations.get(organization__short_name="Alfa")
    client.force_login(rep_a)
    q = survey.q
    data = _answer_post(survey, **{f"q{q['yes_no'].pk}": "yes", "submit": "1"})
    page = client.post(invitation.get_absolute_url(), data).content.decode()
    assert "Esta pregunta es obligatoria." in page
    assert "Describa sus acciones" in page  # the question the answer “yes” showed


def test_a_foreign_or_broken_link_gets_a_clear_page(client, staff, survey, rep_a, rep_b):
    services.invitations_send(actor=staff, survey=survey)
    invitation = survey.invitations.get(organization__short_name="Alfa")
    client.force_login(rep_b)
    response = client.get(invitation.get_absolute_url())
    assert response.status_code == 403 and "fue enviado a otra organización" in response.content.decode()
    response = client.get(reverse("surveys:answer", args=["12-nonsense"]))
    assert response.status_code == 404 and "no es válido" in response.content.decode()


def test_a_closed_survey_link_says_so(client, staff, survey, rep_a):
    services.invitations_send(actor=staff, survey=survey)
    invitation = survey.invitations.get(organization__short_name="Alfa")
    services.survey_close(actor=staff, survey=survey)
    client.force_login(rep_a)
    assert "está cerrada" in client.get(invitation.get_absolute_url()).content.decode()


def test_an_anonymous_survey_is_answered_without_signing_in(client, staff, rep_a):
    survey = build_survey(staff, is_anonymous=True)
    services.invitations_send(actor=staff, survey=survey)
    invitation = survey.invitations.get(organization__short_name="Alfa")
    response = client.post(invitation.get_absolute_url(), {**_answer_post(survey), "submit": "1"})
    assert response.status_code == 302
    assert Response.objects.get(survey=survey).invitation is None


def test_an_anonymous_draft_is_resumed_only_from_the_browser_that_saved_it(client, staff, rep_a):
    from django.test import Client

    survey = build_survey(staff, is_anonymous=True)
    services.invitations_send(actor=staff, survey=survey)
    invitation = survey.invitations.get(organization__short_name="Alfa")
    url = invitation.get_absolute_url()
    saved = client.post(url, {f"q{survey.q['short_text'].pk}": "Contacto de Alfa"}, follow=True)
    assert "cifradas" in saved.content.decode()  # Saved in this browser, encrypted: say so.
    cookie = client.cookies[f"axs_draft_{invitation.pk}"]
    assert cookie["httponly"] and cookie["path"] == url and len(cookie.value) >= 40
    assert "Contacto de Alfa" in client.get(url).content.decode()
    assert "Contacto de Alfa" not in Client().get(url).content.decode()  # Another browser: nothing to open.
    finished = client.post(url, {**_answer_post(survey), "submit": "1"})
    assert finished.status_code == 302 and finished.cookies[f"axs_draft_{invitation.pk}"].value == ""
    assert Response.objects.filter(survey=survey).count() == 1
