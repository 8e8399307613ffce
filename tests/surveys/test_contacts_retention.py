"""Retention of survey contacts: after the survey closes and the term passes, invitations forget their person."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from privacy import services as privacy_services
from privacy.export import personal_data
from surveys import services
from surveys.models import Response, SurveyInvitation
from surveys.permissions import can_answer
from surveys.selectors import response_rate, survey_results

from .conftest import build_survey
from .test_answering import complete_values

pytestmark = pytest.mark.django_db


def _results(survey):
    respondents, questions = survey_results(survey)
    return respondents, repr(questions)


def test_after_the_term_invitations_keep_their_counts_but_no_person(client, staff, rep_a, rep_a2, rep_b):
    survey = build_survey(staff, response_unit="person")
    assert services.invitations_send(actor=staff, survey=survey).sent == 3
    services.response_save_and_submit(
        user=rep_a, invitation=survey.invitations.get(person=rep_a), values=complete_values(survey)
    )
    services.survey_close(actor=staff, survey=survey)
    rate, results = response_rate(survey), _results(survey)
    privacy_services.retention_rule_set(actor=staff, kind="survey_contacts", keep_days=30)

    early = privacy_services.retention_apply(now=timezone.now() + timedelta(days=29))
    assert early.results["survey_contacts"] == 0  # the term has not passed since the survey closed
    run = privacy_services.retention_apply(now=timezone.now() + timedelta(days=31))

    assert run.results["survey_contacts"] == 3
    invitations = SurveyInvitation.objects.filter(survey=survey)
    assert invitations.count() == 3 and not invitations.filter(person__isnull=False).exists()
    assert all(invitation.contact_erased for invitation in invitations)
    assert response_rate(survey) == rate
    assert (rate["overall"]["total"], rate["overall"]["answered"]) == (3, 1)
    assert _results(survey) == results
    assert Response.objects.filter(survey=survey).count() == 1
    # Two people of one organization were invited: both invitations stay, without a person.
    assert invitations.filter(organization=rep_a.representations.get().organization).count() == 2
    # Nothing of this survey leads to the people only invited any more, and their links open nothing.
    for person in (rep_a2, rep_b):
        assert personal_data(person)["surveys.SurveyInvitation"] == []
        assert not any(can_answer(person, invitation) for invitation in invitations)
    client.force_login(staff)
    page = client.get(reverse("surveys:invitation-list", args=[survey.pk])).content.decode()
    assert "Contacto borrado" in page and "Arturo Alfa" not in page and "Bruno Beta" not in page
    assert privacy_services.retention_apply(now=timezone.now() + timedelta(days=31)).results["survey_contacts"] == 0


def test_open_surveys_and_surveys_by_organization_keep_their_invitations(staff, rep_a, rep_b):
    open_survey = build_survey(staff, response_unit="person")
    services.invitations_send(actor=staff, survey=open_survey)
    by_organization = build_survey(staff)
    services.invitations_send(actor=staff, survey=by_organization)
    services.survey_close(actor=staff, survey=by_organization)
    privacy_services.retention_rule_set(actor=staff, kind="survey_contacts", keep_days=1)
    assert privacy_services.retention_apply(now=timezone.now() + timedelta(days=2)).results["survey_contacts"] == 0
    assert open_survey.invitations.filter(person=rep_a).exists()
