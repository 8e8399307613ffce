"""Answering a survey records the privacy notice version shown: with the person on a named survey, and on an
anonymous one only a count per survey and version that links no answer and no respondent."""

import pytest

from privacy.models import AnonymousNoticeCount, NoticeAcknowledgement
from surveys import services
from surveys.models import Response
from tests.privacy.notice_shown import FIELD, publish, shown_on

from .conftest import build_survey, goal

pytestmark = pytest.mark.django_db


def _answers(survey, button="submit"):
    q = survey.q
    return {
        f"q{q['single'].pk}": q["single"].options.first().pk,
        f"q{q['sdg'].pk}_1": goal(4),
        f"q{q['yes_no'].pk}": "no",
        button: "1",
    }


def test_a_named_answer_records_the_version_shown_with_the_person_and_the_response(client, staff, survey, rep_a):
    services.invitations_send(actor=staff, survey=survey)
    invitation = survey.invitations.get(organization__short_name="Alfa")
    shown = publish("Aviso de la encuesta")
    client.force_login(rep_a)
    page = client.get(invitation.get_absolute_url()).content.decode()
    assert "Aviso de la encuesta" in page
    value = shown_on(page, "answer-form")
    publish("Aviso posterior")
    saved = client.post(invitation.get_absolute_url(), {**_answers(survey, "save"), FIELD: value})
    assert saved.status_code == 302 and not NoticeAcknowledgement.objects.exists(), "saving is not answering"
    assert client.post(invitation.get_absolute_url(), {**_answers(survey), FIELD: value}).status_code == 302
    acknowledgement = NoticeAcknowledgement.objects.get()
    assert acknowledgement.point == "survey_answer" and acknowledgement.person == rep_a
    assert acknowledgement.notice == shown and acknowledgement.response == Response.objects.get(survey=survey)
    assert not AnonymousNoticeCount.objects.exists()


def test_an_anonymous_answer_leaves_only_a_count_per_survey_and_version(client, staff, rep_a, rep_b, rep_c):
    survey = build_survey(staff, is_anonymous=True)
    services.invitations_send(actor=staff, survey=survey)
    first = publish("Primera versión")
    for short_name, person in (("Alfa", rep_a), ("Beta", rep_b)):
        client.force_login(person)  # signed in or not, nothing is linked to the person
        invitation = survey.invitations.get(organization__short_name=short_name)
        value = shown_on(client.get(invitation.get_absolute_url()).content.decode(), "answer-form")
        assert client.post(invitation.get_absolute_url(), {**_answers(survey), FIELD: value}).status_code == 302
    second = publish("Segunda versión")
    invitation = survey.invitations.get(organization__short_name="Gamma")
    client.logout()
    value = shown_on(client.get(invitation.get_absolute_url()).content.decode(), "answer-form")
    assert client.post(invitation.get_absolute_url(), {**_answers(survey), FIELD: value}).status_code == 302
    assert Response.objects.filter(survey=survey).count() == 3
    assert not NoticeAcknowledgement.objects.exists()
    counts = {row.notice: row.count for row in AnonymousNoticeCount.objects.filter(survey=survey)}
    assert counts == {first: 2, second: 1}
    # Nothing in the count could join it to a response, an invitation, a person or a moment.
    fields = {field.name for field in AnonymousNoticeCount._meta.concrete_fields}
    assert fields == {"id", "survey", "notice", "count"}


def test_an_anonymous_answer_under_the_built_in_text_is_counted_without_a_version(client, staff, rep_a):
    survey = build_survey(staff, is_anonymous=True)
    services.invitations_send(actor=staff, survey=survey)
    invitation = survey.invitations.get(organization__short_name="Alfa")
    value = shown_on(client.get(invitation.get_absolute_url()).content.decode(), "answer-form")
    assert value == ""
    assert client.post(invitation.get_absolute_url(), {**_answers(survey), FIELD: value}).status_code == 302
    assert AnonymousNoticeCount.objects.get(survey=survey).notice is None
    assert AnonymousNoticeCount.objects.get(survey=survey).count == 1
