"""The demo surveys: the 2016 priorities survey, the Inclusión social selection, an open survey."""

import datetime
import io

import pytest
from django.core.management import call_command

from accounts.models import User
from committees.models import Membership
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
    # The seed names no respondent: the answers held one by one are those of the fictitious participants seated at
    # an installation, beside the 55 the survey recorded.
    respondents = set(Response.objects.filter(survey=survey).values_list("organization__short_name", flat=True))
    seated = set(
        Membership.objects.filter(joined_on__lte="2016-11-04", organization__is_fictitious=True).values_list(
            "organization__short_name", flat=True
        )
    )
    assert respondents == seated and len(respondents) == 17
    assert rate["overall"]["answered"] == 17
    assert not survey.invitations.filter(organization__is_fictitious=False).exists()
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


def test_the_selection_survey_went_to_the_members_of_its_day(demo):
    survey = Survey.objects.get(title_es=surveys_demo.SELECTION_TITLE)
    invited = set(survey.invitations.values_list("organization_id", flat=True))
    # Its fictitious members (the seed does not say who answered, nor how).
    members = set(
        Membership.objects.filter(committee=survey.committee, organization__is_fictitious=True)
        .active_on(datetime.date(2017, 5, 2))
        .values_list("organization_id", flat=True)
    )
    assert invited == members
    assert not survey.invitations.filter(organization__short_name="Microfinanciera Tianguis").exists()
    assert survey.invitations.filter(responded_at__isnull=False).count() == len(surveys_demo.SELECTION_VOTES)


def test_representante_has_an_open_survey_waiting(demo):
    person = User.objects.get(email="representante@axs.example")
    pending = list(selectors.pending_invitations_for(person))
    assert [invitation.survey.title_es for invitation in pending] == [surveys_demo.open_survey().title_es]


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


def test_the_open_survey_goes_to_fictitious_members_only(demo):
    # Inviting a real organization today would say that it still takes part: the seed stops in March 2018.
    invitations = surveys_demo.open_survey().invitations.select_related("organization")
    assert invitations.count() >= 5
    assert all(invitation.organization.is_fictitious for invitation in invitations)
    assert all(invitation.organization.participation_status == "active" for invitation in invitations)


def test_loading_the_demo_on_an_older_demo_removes_the_real_organizations_open_invitations(demo):
    from companies.models import Organization

    survey = surveys_demo.open_survey()
    real = Organization.objects.filter(is_fictitious=False).order_by("legal_name")[:3]
    # As an older demo left them: invited, unanswered, to the survey open today.
    for organization in real:
        SurveyInvitation.objects.create(survey=survey, organization=organization, send_count=1)
    answered = survey.invitations.filter(responded_at__isnull=False).count()
    kept = survey.invitations.filter(organization__is_fictitious=True).count()
    output = io.StringIO()
    call_command("load_demo", stdout=output)
    assert "3 invented invitations of real organizations removed" in output.getvalue()
    assert not survey.invitations.filter(organization__is_fictitious=False).exists()
    assert survey.invitations.count() == kept
    assert survey.invitations.filter(responded_at__isnull=False).count() == answered
    assert surveys_demo.remove_invented_real_invitations() == 0
