"""Answering: saving partial answers, conditions, validation, submitting once, anonymity."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from surveys import services
from surveys.models import Answer, Response, ResponseStatus, SurveyInvitation
from surveys.services import anonymous

from .conftest import build_survey, goal

pytestmark = pytest.mark.django_db


@pytest.fixture
def invitation(survey, staff, rep_a):
    services.invitations_send(actor=staff, survey=survey)
    return SurveyInvitation.objects.get(survey=survey, organization=rep_a.representations.get().organization)


def complete_values(survey):
    q = survey.q
    return {
        q["single"].pk: q["single"].options.first().pk,
        q["multiple"].pk: [o.pk for o in q["multiple"].options.all()[:2]],
        q["ranking"].pk: [q["ranking"].options.last().pk, q["ranking"].options.first().pk],
        q["sdg"].pk: [goal(4), goal(7), goal(12)],
        q["scale"].pk: 4,
        q["number"].pk: "120",
        q["yes_no"].pk: False,
    }


def test_partial_answers_are_saved_and_found_again(survey, invitation, rep_a):
    q = survey.q
    services.response_save(user=rep_a, invitation=invitation, values={q["scale"].pk: 3})
    response = Response.objects.get(invitation=invitation)
    assert response.status == ResponseStatus.IN_PROGRESS
    assert services.stored_values(response, [q["scale"]]) == {q["scale"].pk: 3}
    services.response_save(user=rep_a, invitation=invitation, values={q["number"].pk: "5"})
    assert Answer.objects.filter(response=response).count() == 2


def test_any_representative_of_the_organization_may_continue_its_response(survey, invitation, rep_a, rep_a2):
    q = survey.q
    services.response_save(user=rep_a, invitation=invitation, values={q["scale"].pk: 3})
    services.response_save(user=rep_a2, invitation=invitation, values={q["scale"].pk: 5})
    response = Response.objects.get(invitation=invitation)
    assert response.respondent == rep_a2
    assert Answer.objects.get(response=response).number == 5


def test_a_representative_of_another_organization_cannot_use_the_link(survey, invitation, rep_b):
    with pytest.raises(PermissionDenied):
        services.response_save(user=rep_b, invitation=invitation, values={})


def test_a_value_outside_the_scale_is_refused_with_a_clear_message(survey, invitation, rep_a):
    with pytest.raises(ValidationError) as error:
        services.response_save(user=rep_a, invitation=invitation, values={survey.q["scale"].pk: 6})
    assert error.value.message_dict == {f"q{survey.q['scale'].pk}": ["Elija un valor del 1 al 5."]}


def test_a_ranking_with_repeats_is_refused(survey, invitation, rep_a):
    option = survey.q["ranking"].options.first()
    with pytest.raises(ValidationError) as error:
        services.response_save(user=rep_a, invitation=invitation, values={survey.q["ranking"].pk: [option.pk] * 2})
    assert list(error.value.message_dict) == [f"q{survey.q['ranking'].pk}"]
    with pytest.raises(ValidationError):
        services.response_save(user=rep_a, invitation=invitation, values={survey.q["sdg"].pk: [goal(4), goal(4)]})


def test_the_database_refuses_two_answers_with_the_same_rank(survey, invitation, rep_a):
    q = survey.q
    response = services.response_save(user=rep_a, invitation=invitation, values={q["sdg"].pk: [goal(4)]})
    with pytest.raises(IntegrityError), transaction.atomic():
        Answer.objects.create(response=response, question=q["sdg"], goal_id=goal(5), rank=1)


def test_an_option_of_another_question_is_refused(survey, invitation, rep_a):
    foreign = survey.q["multiple"].options.first()
    with pytest.raises(ValidationError):
        services.response_save(user=rep_a, invitation=invitation, values={survey.q["single"].pk: foreign.pk})


def test_submitting_without_a_required_answer_names_it_and_keeps_the_rest(survey, invitation, rep_a):
    q = survey.q
    values = complete_values(survey)
    del values[q["single"].pk]
    services.response_save(user=rep_a, invitation=invitation, values=values)
    with pytest.raises(ValidationError) as error:
        services.response_submit(user=rep_a, invitation=invitation)
    assert list(error.value.message_dict) == [f"q{q['single'].pk}"]
    assert error.value.message_dict[f"q{q['single'].pk}"] == ["Esta pregunta es obligatoria."]
    assert Answer.objects.filter(response__invitation=invitation).count() == 10


def test_a_question_shown_by_an_answer_becomes_required_and_disappears_with_it(survey, invitation, rep_a):
    q = survey.q
    services.response_save(user=rep_a, invitation=invitation, values={**complete_values(survey), q["yes_no"].pk: True})
    with pytest.raises(ValidationError) as error:
        services.response_submit(user=rep_a, invitation=invitation)
    assert list(error.value.message_dict) == [f"q{q['long_text'].pk}"]
    services.response_save(user=rep_a, invitation=invitation, values={q["long_text"].pk: "Becas"})
    assert Answer.objects.filter(question=q["long_text"]).count() == 1
    services.response_save(user=rep_a, invitation=invitation, values={q["yes_no"].pk: False})
    assert Answer.objects.filter(question=q["long_text"]).count() == 0
    services.response_submit(user=rep_a, invitation=invitation)


def test_submitting_marks_the_invitation_answered_and_a_second_submission_is_refused(survey, invitation, rep_a):
    services.response_save(user=rep_a, invitation=invitation, values=complete_values(survey))
    response = services.response_submit(user=rep_a, invitation=invitation)
    invitation.refresh_from_db()
    assert response.status == ResponseStatus.SUBMITTED and invitation.responded_at is not None
    with pytest.raises(ValidationError) as error:
        services.response_submit(user=rep_a, invitation=invitation)
    assert error.value.code == "already_submitted"
    with pytest.raises(ValidationError):
        services.response_save(user=rep_a, invitation=invitation, values={survey.q["scale"].pk: 1})


def test_the_database_keeps_one_response_per_invitation(survey, invitation, rep_a):
    services.response_save(user=rep_a, invitation=invitation, values={survey.q["scale"].pk: 1})
    with pytest.raises(IntegrityError), transaction.atomic():
        Response.objects.create(survey=survey, invitation=invitation)


def test_a_closed_survey_accepts_no_answers(survey, invitation, rep_a, staff):
    services.survey_close(actor=staff, survey=survey)
    with pytest.raises(ValidationError) as error:
        services.response_save(user=rep_a, invitation=invitation, values={survey.q["scale"].pk: 1})
    assert error.value.code == "closed"


def test_a_survey_not_open_yet_accepts_no_answers(staff, rep_a):
    survey = build_survey(staff, open_now=False)
    services.invitations_send(actor=staff, survey=survey)
    invitation = survey.invitations.get(organization__representatives__user=rep_a)
    with pytest.raises(ValidationError) as error:
        services.response_save(user=rep_a, invitation=invitation, values={})
    assert error.value.code == "not_open"


def test_an_anonymous_response_keeps_no_link_to_organization_or_person(staff, rep_a, org_b):
    survey = build_survey(staff, is_anonymous=True)
    services.invitations_send(actor=staff, survey=survey)
    invitation = survey.invitations.get(organization__representatives__user=rep_a)
    secret = anonymous.new_secret()
    services.response_save(user=rep_a, invitation=invitation, values=complete_values(survey), draft_secret=secret)
    assert not Response.objects.filter(survey=survey).exists()  # Only an encrypted draft, until submitted.
    services.response_submit(user=rep_a, invitation=invitation, draft_secret=secret)
    response = Response.objects.get(survey=survey)
    assert (response.invitation, response.organization, response.respondent) == (None, None, None)
    assert (response.started_at, response.updated_at, response.submitted_at) == (None, None, None)
    invitation.refresh_from_db()
    assert invitation.responded_at is not None


def test_per_person_surveys_invite_each_representative_with_a_link_of_their_own(staff, rep_a, rep_a2, rep_b):
    survey = build_survey(staff, response_unit="person")
    assert services.invitations_send(actor=staff, survey=survey).sent == 3
    mine = survey.invitations.get(person=rep_a)
    with pytest.raises(PermissionDenied):
        services.response_save(user=rep_a2, invitation=mine, values={})
    assert mine.token != survey.invitations.get(person=rep_a2).token


def test_a_link_with_a_changed_signature_is_not_recognised(invitation):
    from surveys.selectors import invitation_from_token

    assert invitation_from_token(invitation.token) == invitation
    assert invitation_from_token(invitation.token[:-1] + ("0" if invitation.token[-1] != "0" else "1")) is None
    assert invitation_from_token("nonsense") is None


def test_closing_early_keeps_the_closing_after_the_opening(survey, staff):
    services.survey_close(actor=staff, survey=survey)
    survey.refresh_from_db()
    assert survey.closes_at <= timezone.now() + timedelta(seconds=1)
    assert survey.state == "closed"
