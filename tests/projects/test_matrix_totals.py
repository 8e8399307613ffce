"""The evaluation matrix's kept totals equal a recount after every change, and its page reads the same at any size."""

from decimal import Decimal

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from projects import selectors, services
from projects.criteria import Criterion
from projects.models import Evaluation, MatrixTotal, Proposal, Score
from tests.factories import make_evaluator

FIELDS = ["assigned", "submitted", "conflict", *(f"score_{c.value}" for c in Criterion)]


def recount(proposal):
    """The row the matrix should keep for the proposal, counted in Python from its evaluations and scores."""
    standing = [e for e in Evaluation.objects.filter(proposal=proposal) if e.status != "withdrawn"]
    if not standing:
        return None
    submitted = [e.pk for e in standing if e.status == "submitted"]
    row = {
        "assigned": len(standing),
        "submitted": len(submitted),
        "conflict": sum(e.status == "conflict" for e in standing),
    }
    for criterion in Criterion:
        scores = Score.objects.filter(evaluation_id__in=submitted, criterion=criterion.value)
        row[f"score_{criterion.value}"] = sum(score.score for score in scores)
    return row


def kept(proposal):
    return MatrixTotal.objects.filter(proposal=proposal).values(*FIELDS).first()


def test_kept_totals_equal_a_recount_after_every_change(cast, in_review):
    first, second, third = cast.evaluator, make_evaluator(), make_evaluator()

    def check():
        assert kept(in_review) == recount(in_review)

    check()  # no evaluation: no row
    assert kept(in_review) is None
    evaluations = {}
    for evaluator in (first, second, third):  # created (assigned)
        evaluations[evaluator] = services.evaluator_assign(actor=cast.staff, proposal=in_review, evaluator=evaluator)
        check()
    services.conflict_declare(actor=first, evaluation=evaluations[first], has_conflict=False)
    check()
    draft_scores = {c.value: (3, "") for c in Criterion}
    draft_scores["axs_funds"] = (None, "")
    services.scores_save(actor=first, evaluation=evaluations[first], scores=draft_scores)  # saved, not submitted
    check()
    assert kept(in_review)["score_axs_cooperation"] == 0  # a draft's scores do not count
    edited = {c.value: (index % 5, "") for index, c in enumerate(Criterion)}
    services.scores_save(actor=first, evaluation=evaluations[first], scores=edited)  # edited
    check()
    services.scores_save(actor=first, evaluation=evaluations[first], scores=edited, submit=True)  # submitted
    check()
    assert kept(in_review)["submitted"] == 1 and kept(in_review)["score_axs_funds"] == 1  # the seventh criterion: 6 % 5
    services.conflict_declare(actor=second, evaluation=evaluations[second], has_conflict=True, statement="Socio")
    check()
    assert kept(in_review)["conflict"] == 1
    services.evaluator_unassign(actor=cast.staff, evaluation=evaluations[third])  # withdrawn
    check()
    assert kept(in_review)["assigned"] == 2
    again = services.evaluator_assign(actor=cast.staff, proposal=in_review, evaluator=third)  # reassigned
    check()
    services.conflict_declare(actor=third, evaluation=again, has_conflict=False)
    services.scores_save(actor=third, evaluation=again, scores={c.value: (4, "") for c in Criterion}, submit=True)
    check()
    assert kept(in_review) == {
        "assigned": 3,
        "submitted": 2,
        "conflict": 1,
        **{f"score_{c.value}": index % 5 + 4 for index, c in enumerate(Criterion)},
    }
    services.evaluator_unassign(actor=cast.staff, evaluation=evaluations[second])
    check()

    # The page's figures from the kept sums are the ones the scores give: averages and the mean of the totals.
    rows, weights = selectors.evaluation_matrix(in_review.call)
    row = selectors.matrix_details(rows[:50], weights)[0]
    averages = dict(row["averages"])
    assert averages[Criterion.AXS_FUNDS] == Decimal(1 + 4) / 2
    assert row["total"] == sum(Decimal(index % 5 + 4) for index in range(13)) / 2 / 13
    assert row["rank"] == 1 and row["counts"] == {"assigned": 2, "submitted": 2, "conflict": 0}


def test_the_command_recounts_what_was_written_around_the_services(cast, in_review):
    evaluation = services.evaluator_assign(actor=cast.staff, proposal=in_review, evaluator=cast.evaluator)
    services.conflict_declare(actor=cast.evaluator, evaluation=evaluation, has_conflict=False)
    services.scores_save(
        actor=cast.evaluator, evaluation=evaluation, scores={c.value: (2, "") for c in Criterion}, submit=True
    )
    MatrixTotal.objects.filter(proposal=in_review).update(submitted=7, score_axs_funds=99)
    Score.objects.filter(evaluation=evaluation, criterion="axs_funds").update(score=5)
    assert kept(in_review) != recount(in_review)
    call_command("matrix_totals_rebuild", verbosity=0)
    assert kept(in_review) == recount(in_review)
    Evaluation.objects.filter(pk=evaluation.pk).update(status="withdrawn")
    call_command("matrix_totals_rebuild", str(in_review.call_id), verbosity=0)
    assert kept(in_review) is None


def _evaluated_proposals(cast, count, evaluators):
    """``count`` proposals in review in the call, each with three submitted evaluations, written in bulk."""
    now = timezone.now()
    proposals = Proposal.objects.bulk_create(
        Proposal(
            call=cast.call,
            committee=cast.committee,
            lead_organization=cast.lead_org,
            created_by=cast.lead,
            title=f"Propuesta {Proposal.objects.count()}-{n}",
            status="in_review",
            version=1,
        )
        for n in range(count)
    )
    evaluations = Evaluation.objects.bulk_create(
        Evaluation(
            proposal=p, evaluator=e, assigned_by=cast.staff, status="submitted", has_conflict=False, submitted_at=now
        )
        for p in proposals
        for e in evaluators
    )
    Score.objects.bulk_create(
        Score(evaluation=e, criterion=c.value, score=(e.pk + index) % 6)
        for e in evaluations
        for index, c in enumerate(Criterion)
    )
    services.matrix_totals_rebuild([cast.call.pk])


@pytest.mark.parametrize("page", ["", "?page=2"])
def test_the_matrix_page_reads_as_many_queries_at_10_times_the_rows(client, cast, page):
    evaluators = [make_evaluator() for _ in range(3)]
    url = reverse("projects:evaluation-matrix", args=[cast.call.pk]) + page
    client.force_login(cast.staff)
    counts = []
    for size in (8, 72):  # 8 proposals, then 80: two pages of 50
        _evaluated_proposals(cast, size, evaluators)
        cache.clear()
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 200
        counts.append(len(captured))
    assert counts[0] == counts[1]
    body = response.content.decode()
    assert body.count("<tr>") == 1 + (50 if not page else 30)  # the header and the page's rows only
