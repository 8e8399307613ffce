"""The committee proposals' counts, read from the kept counts, equal a COUNT DISTINCT of the answers."""

import pytest
from django.core.management import call_command
from django.db.models import Count
from django.urls import reverse

from surveys import selectors, services
from surveys.models import Answer, ResultCount
from surveys.services import anonymous
from tests.factories import make_member, make_organization

from .conftest import _committee, build_survey, goal

pytestmark = pytest.mark.django_db

DEPTH = 3  # the SDG question's max_choices in build_survey


def recount(survey, question, top):
    """Per goal, the distinct organizations that ranked it within ``top`` in a submitted response."""
    picks = Answer.objects.filter(
        response__survey=survey,
        response__status="submitted",
        response__organization__isnull=False,
        question=question,
        rank__lte=top,
    )
    rows = picks.values("goal_id").annotate(n=Count("response__organization", distinct=True)).order_by()
    return {row["goal_id"]: row["n"] for row in rows}


def shown(survey, question, top):
    rows = selectors.committee_proposal_counts(survey, ranking_question=question, top=top)
    return {row["committee"].goal_id: row["count"] for row in rows if row["count"]}


def assert_counts_equal_a_recount(survey):
    question = survey.q["sdg"]
    for top in range(1, DEPTH + 2):
        assert shown(survey, question, top) == recount(survey, question, top), top


@pytest.fixture
def committees(staff):
    """An open committee for every SDG, so that every goal's count is shown."""
    return [_committee(staff, number, f"Comité ODS {number}", []) for number in range(1, 18)]


def _sdg(q, *numbers):
    """Complete answers ranking the given SDGs, in that order."""
    return {
        q["single"].pk: q["single"].options.first().pk,
        q["sdg"].pk: [goal(n) for n in numbers],
        q["yes_no"].pk: False,
    }


def _answer(survey, invitation, person, values, *, changed_from=None):
    secret = anonymous.new_secret()
    if changed_from is not None:  # saved first, then changed before submitting: only the submitted answers count
        services.response_save(user=person, invitation=invitation, values=changed_from, draft_secret=secret)
    services.response_save_and_submit(user=person, invitation=invitation, values=values, draft_secret=secret)


def test_several_people_of_one_organization_count_it_once_at_its_best_rank(staff, committees):
    alfa, beta = (make_organization(actor=staff, legal_name=f"{name}, S.A.") for name in ("Alfa", "Beta"))
    people = [make_member(alfa), make_member(alfa), make_member(alfa), make_member(beta)]
    survey = build_survey(staff, response_unit="person")
    services.invitations_send(actor=staff, survey=survey)
    q = survey.q
    answers = [
        (_sdg(q, 5, 7, 9), _sdg(q, 1, 2, 3)),  # Alfa ranks 5 first, 7 second, 9 third
        (_sdg(q, 7, 5, 11), None),  # Alfa again: 7 now first, 5 still first, 11 third
        (_sdg(q, 9, 11), _sdg(q, 9)),  # Alfa: 9 and 11 move up to first and second
        (_sdg(q, 5, 9, 13), None),  # Beta
    ]
    for person, (values, changed_from) in zip(people, answers, strict=True):
        invitation = survey.invitations.get(person=person)
        _answer(survey, invitation, person, values, changed_from=changed_from)
        assert_counts_equal_a_recount(survey)
    assert shown(survey, q["sdg"], 1) == {goal(5): 2, goal(7): 1, goal(9): 1}  # Alfa once, and Beta
    assert shown(survey, q["sdg"], 2) == {goal(5): 2, goal(7): 1, goal(9): 2, goal(11): 1}
    # The command recounts from scratch, to the same counts.
    ResultCount.objects.filter(survey=survey).update(count=0)
    call_command("survey_counts_rebuild", str(survey.pk), stdout=None)
    assert_counts_equal_a_recount(survey)


@pytest.mark.parametrize("is_anonymous", [False, True])
def test_one_response_per_organization_named_or_anonymous(staff, committees, is_anonymous):
    people = [make_member(make_organization(actor=staff, legal_name=f"Empresa {n}, S.A.")) for n in range(5)]
    survey = build_survey(staff, is_anonymous=is_anonymous)
    services.invitations_send(actor=staff, survey=survey)
    q = survey.q
    for n, person in enumerate(people):
        invitation = survey.invitations.get(organization__representatives__user=person)
        _answer(survey, invitation, person, _sdg(q, 1 + n % 4, 2 + n % 5, 10), changed_from=_sdg(q, 17))
        assert_counts_equal_a_recount(survey)
    # An anonymous survey keeps no organization: nobody is proposed.
    assert bool(shown(survey, q["sdg"], DEPTH)) is not is_anonymous


def test_the_page_shows_the_kept_counts(client, staff, committees):
    person = make_member(make_organization(actor=staff, legal_name="Alfa, S.A."))
    survey = build_survey(staff, purpose="priorities")
    services.invitations_send(actor=staff, survey=survey)
    invitation = survey.invitations.get(organization__representatives__user=person)
    _answer(survey, invitation, person, _sdg(survey.q, 4, 6))
    client.force_login(staff)
    url = reverse("surveys:committee-proposals", args=[survey.pk])
    html = client.get(url, {"ranking_question": survey.q["sdg"].pk, "top": 1}).content.decode()
    linked = {c.goal.number for c in committees if f'committee={c.pk}"' in html}
    assert linked == {4}  # only a committee with candidates links to them; SDG 6 was ranked second
    html = client.get(url, {"ranking_question": survey.q["sdg"].pk, "top": 2}).content.decode()
    assert {c.goal.number for c in committees if f'committee={c.pk}"' in html} == {4, 6}
