"""The report's SDG ranking honours an anonymous survey's withholding (``surveys.selectors.results_withheld``)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from reports.editions import edition_html
from reports.selectors import priorities_survey
from surveys import services as survey_services
from surveys.models import Survey
from surveys.services import anonymous
from tests.factories import make_member, make_organization, make_staff
from tests.surveys.conftest import build_survey

pytestmark = pytest.mark.django_db

FIRST_SDG = 13  # every respondent puts "Acción por el clima" first


def _period():
    today = timezone.localdate()
    return today - datetime.timedelta(days=30), today + datetime.timedelta(days=30)


def _priorities(staff, *, respondents, anonymous_survey):
    survey = build_survey(staff, purpose="priorities", is_anonymous=anonymous_survey)
    people = [
        make_member(make_organization(actor=staff, legal_name=f"Prioridades {index}, S.A."))
        for index in range(respondents)
    ]
    survey_services.invitations_send(actor=staff, survey=survey)
    q = survey.q
    for person in people:
        invitation = survey.invitations.get(organization__representatives__user=person)
        values = {q["single"].pk: q["single"].options.first().pk, q["sdg"].pk: [FIRST_SDG]}
        extra = {"draft_secret": anonymous.new_secret()} if anonymous_survey else {}
        survey_services.response_save_and_submit(user=person, invitation=invitation, values=values, **extra)
    return survey


def _close(survey):
    Survey.objects.filter(pk=survey.pk).update(closes_at=timezone.now())


def _dashboard(client, staff):
    client.force_login(staff)
    start, end = _period()
    return client.get(reverse("reports:dashboard"), {"start": start, "end": end}).content.decode()


def test_an_open_anonymous_priorities_survey_shows_no_ranking_and_says_why(client):
    staff = make_staff()
    _priorities(staff, respondents=3, anonymous_survey=True)
    data = priorities_survey(*_period())
    assert (data["withheld"], data["ranking"], data["ranking_answered"]) == ("open", [], 0)
    page = _dashboard(client, staff)
    assert "sus respuestas se muestran cuando haya cerrado" in page
    assert "ODS prioritarios elegidos por las organizaciones" not in page
    body = edition_html(*_period())
    assert "sus respuestas se muestran cuando haya cerrado" in body and 'id="table-sdg_ranking"' not in body


def test_a_closed_anonymous_priorities_survey_with_three_respondents_stays_withheld(client):
    staff = make_staff()
    _close(_priorities(staff, respondents=3, anonymous_survey=True))
    data = priorities_survey(*_period())
    assert (data["withheld"], data["ranking"]) == ("few", [])
    assert data["answered"] == 3  # how many answered is no answer: the results page says it too
    page = _dashboard(client, staff)
    assert "la respondieron menos de 5 organizaciones" in page
    assert "ODS prioritarios elegidos por las organizaciones" not in page
    body = edition_html(*_period())
    assert "la respondieron menos de 5 organizaciones" in body and 'id="table-sdg_ranking"' not in body


def test_a_closed_anonymous_priorities_survey_with_five_respondents_shows_its_ranking(client):
    staff = make_staff()
    _close(_priorities(staff, respondents=5, anonymous_survey=True))
    data = priorities_survey(*_period())
    assert data["withheld"] == ""
    assert [(row["order"], row["count"]) for row in data["ranking"]] == [(FIRST_SDG, 5)]
    page = _dashboard(client, staff)
    assert "ODS prioritarios elegidos por las organizaciones" in page
    assert 'id="table-sdg_ranking"' in edition_html(*_period())


def test_a_named_priorities_survey_shows_its_ranking_while_open(client):
    staff = make_staff()
    _priorities(staff, respondents=3, anonymous_survey=False)
    data = priorities_survey(*_period())
    assert data["withheld"] == ""
    assert [(row["order"], row["count"]) for row in data["ranking"]] == [(FIRST_SDG, 3)]
    page = _dashboard(client, staff)
    assert "ODS prioritarios elegidos por las organizaciones" in page
    assert "sus respuestas se muestran" not in page
