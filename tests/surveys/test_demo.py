"""The demo surveys: the 2016 priorities survey, the Inclusión social selection, an open survey."""

import io

import pytest
from django.core.management import call_command

from accounts.models import User
from surveys import demo as surveys_demo
from surveys import selectors
from surveys.models import Answer, Response, Survey, SurveyInvitation

pytestmark = pytest.mark.django_db


def test_the_priorities_survey_records_61_percent_and_ranks_the_committee_goals_on_top(demo):
    survey = Survey.objects.get(title_es=surveys_demo.PRIORITIES_TITLE)
    assert survey.state == "closed"
    rate = selectors.response_rate(survey)
    assert (rate["recorded"]["total"], rate["recorded"]["answered"], round(rate["recorded"]["rate"])) == (90, 55, 61)
    assert rate["overall"]["answered"] <= 55 <= 90 and rate["overall"]["total"] <= 90
    _respondents, results = selectors.survey_results(survey)
    ranking = selectors.sdg_ranking(results)
    assert {row["goal"].number for row in ranking["rows"][:5]} == {4, 7, 10, 11, 12}


def test_the_selection_survey_chose_two_of_five_candidates(demo):
    survey = Survey.objects.get(title_es=surveys_demo.SELECTION_TITLE)
    question = survey.questions.get()
    rows = selectors.option_results(question)
    assert len(rows) == 5
    assert rows[1]["count"] > rows[2]["count"]  # two clear winners
    assert [row["label"] for row in rows[:2]] == [surveys_demo.CANDIDATES[0][0], surveys_demo.CANDIDATES[2][0]]


def test_representante_has_an_open_survey_waiting(demo):
    person = User.objects.get(email="representante@axs.example")
    pending = list(selectors.pending_invitations_for(person))
    assert [invitation.survey.title_es for invitation in pending] == [surveys_demo.OPEN_TITLE]


def test_loading_the_demo_twice_changes_nothing(demo):
    counts = (
        Survey.objects.count(),
        SurveyInvitation.objects.count(),
        Response.objects.count(),
        Answer.objects.count(),
    )
    call_command("load_demo", stdout=io.StringIO())
    assert counts == (
        Survey.objects.count(),
        SurveyInvitation.objects.count(),
        Response.objects.count(),
        Answer.objects.count(),
    )
