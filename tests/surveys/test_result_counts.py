"""The counts kept by the answer services equal a count from scratch of the submitted answers."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db.models import Count, Max, Min, Q, Sum
from django.urls import reverse
from django.utils import timezone

from privacy.models import RetentionRule
from privacy.services.retention import retention_apply
from surveys import selectors, services
from surveys.models import Answer, Response, ResultCount, Survey
from surveys.services import anonymous
from tests.factories import make_member, make_organization

from .conftest import build_survey, goal

pytestmark = pytest.mark.django_db


def recount(survey):
    """Count the survey's submitted answers from scratch, keyed as ``ResultCount`` keys them."""
    answers = Answer.objects.filter(response__survey=survey, response__status="submitted")
    expected = {(None, ""): (Response.objects.filter(survey=survey, status="submitted").count(), 0, 0)}
    for row in answers.values("question_id").annotate(n=Count("response_id", distinct=True)):
        expected[(row["question_id"], "")] = (row["n"], 0, 0)
    grouped = answers.values("question_id", "question__kind", "option_id", "goal_id", "number", "boolean").annotate(
        n=Count("id"), first=Count("id", filter=Q(rank=1)), ranks=Sum("rank")
    )
    for row in grouped:
        kind = row["question__kind"]
        value = {
            "single": f"option:{row['option_id']}",
            "multiple": f"option:{row['option_id']}",
            "ranking": f"option:{row['option_id']}",
            "sdg_goals": f"goal:{row['goal_id']}",
            "scale": f"scale:{int(row['number'] or 0)}",
            "yes_no": "yes" if row["boolean"] else "no",
        }.get(kind)
        if value is not None:
            expected[(row["question_id"], value)] = (row["n"], row["first"], row["ranks"] or 0)
    numbers = answers.filter(question__kind="number").values("question_id")
    for row in numbers.annotate(total=Sum("number"), low=Min("number"), high=Max("number")):
        expected[(row["question_id"], "numbers")] = (row["total"], row["low"], row["high"])
    return expected


def kept(survey):
    counts = {}
    # The organizations' best ranks (``best:``) are checked against a recount in test_committee_counts.
    for c in ResultCount.objects.filter(survey=survey, count__gt=0).exclude(value__startswith="best:"):
        counts[(c.question_id, c.value)] = (c.count, c.first, c.rank_sum)
        if c.total is not None:
            counts[(c.question_id, "numbers")] = (c.total, c.low, c.high)
    return counts


def _submit(survey, person, values, *, secret=""):
    invitation = survey.invitations.get(organization__representatives__user=person)
    services.response_save_and_submit(user=person, invitation=invitation, values=values, draft_secret=secret)


def _values(q, n):
    """A different, complete set of answers for the n-th respondent."""
    single, multiple, ranking = (list(q[k].options.all()) for k in ("single", "multiple", "ranking"))
    return {
        q["single"].pk: single[n % 2].pk,
        q["multiple"].pk: [o.pk for o in multiple[: 1 + n % 3]],
        q["ranking"].pk: [ranking[n % 3].pk, ranking[(n + 1) % 3].pk],
        q["sdg"].pk: [goal(1 + n % 17), goal(1 + (n + 5) % 17)],
        q["scale"].pk: 1 + n % 5,
        q["number"].pk: 10 * n + 3,
        q["yes_no"].pk: n % 2 == 0,
        **({q["long_text"].pk: f"Acciones {n}"} if n % 2 == 0 else {}),
        q["short_text"].pk: f"contacto {n}",
    }


@pytest.mark.parametrize("is_anonymous", [False, True])
def test_the_kept_counts_equal_a_recount_after_each_submission_and_the_retention(staff, is_anonymous):
    people = [make_member(make_organization(actor=staff, legal_name=f"Empresa {n}, S.A.")) for n in range(6)]
    survey = build_survey(staff, is_anonymous=is_anonymous)
    services.invitations_send(actor=staff, survey=survey)
    q = survey.q
    for n, person in enumerate(people):
        if n == 5:  # saved, never submitted: counts nothing
            invitation = survey.invitations.get(organization__representatives__user=person)
            services.response_save(
                user=person, invitation=invitation, values={q["scale"].pk: 5}, draft_secret=anonymous.new_secret()
            )
            continue
        # Saved first, then changed and submitted: only what was submitted counts.
        secret = anonymous.new_secret()
        invitation = survey.invitations.get(organization__representatives__user=person)
        services.response_save(user=person, invitation=invitation, values=_values(q, n + 1), draft_secret=secret)
        _submit(survey, person, _values(q, n), secret=secret)
        assert kept(survey) == recount(survey)
    assert kept(survey)[(None, "")] == (5, 0, 0)
    # The retention removes the drafts of closed surveys, never a submitted answer.
    long_ago = timezone.now() - timedelta(days=400)
    Survey.objects.filter(pk=survey.pk).update(opens_at=long_ago - timedelta(days=9), closes_at=long_ago)
    RetentionRule.objects.update_or_create(kind="closed_survey_drafts", defaults={"keep_days": 30, "active": True})
    retention_apply()
    assert kept(survey) == recount(survey)
    # The command recounts from scratch, to the same counts.
    ResultCount.objects.filter(survey=survey).update(count=0, first=0, rank_sum=0)
    call_command("survey_counts_rebuild", str(survey.pk), stdout=None)
    assert kept(survey) == recount(survey)


def test_results_read_the_kept_counts(staff, survey, rep_a, rep_b):
    services.invitations_send(actor=staff, survey=survey)
    q = survey.q
    _submit(survey, rep_a, _values(q, 0))
    _submit(survey, rep_b, _values(q, 2))
    respondents, results = selectors.survey_results(survey)
    by_kind = {result["kind"]: result for result in results}
    assert respondents == 2
    assert [(row["label"], row["count"]) for row in by_kind["scale"]["rows"]] == [
        ("1", 1), ("2", 0), ("3", 1), ("4", 0), ("5", 0)
    ]  # fmt: skip
    assert by_kind["scale"]["average"] == 2
    assert by_kind["number"]["numbers"] == {"count": 2, "average": 13, "low": 3, "high": 23}
    assert [(row["label"], row["count"]) for row in by_kind["yes_no"]["rows"]] == [("Sí", 2), ("No", 0)]


def test_the_results_page_is_kept_until_a_submission_changes_it(client, staff, survey, rep_a, rep_b):
    services.invitations_send(actor=staff, survey=survey)
    _submit(survey, rep_a, _values(survey.q, 0))
    client.force_login(staff)
    url = reverse("surveys:results", args=[survey.pk])
    assert "1 respuesta enviada." in client.get(url).content.decode()
    _submit(survey, rep_b, _values(survey.q, 2))
    assert "2 respuestas enviadas." in client.get(url).content.decode()
