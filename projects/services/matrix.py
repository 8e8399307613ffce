"""The evaluation matrix's kept totals (``MatrixTotal``): one proposal's after each change, or all of them.

The evaluation services call ``matrix_total_refresh`` in the transaction of every change to an
evaluation (assigned, withdrawn, declared, scored, submitted). It recounts that proposal's row from its
evaluations (a few rows) under the proposal's lock, so two evaluators submitting at once both count.
``matrix_totals_rebuild`` recounts every row from the evaluations in two grouped queries: after a
migration, the demo, or rows written around the services (the benchmarks' bulk loads).
"""

from django.db import transaction
from django.db.models import Count, Q, Sum

from ..criteria import Criterion
from ..models import Evaluation, EvaluationStatus, MatrixTotal, Proposal, Score

BATCH = 2000


def _counts(evaluations):
    return (
        evaluations.exclude(status=EvaluationStatus.WITHDRAWN)
        .order_by()
        .values("proposal_id")
        .annotate(
            assigned=Count("id"),
            submitted=Count("id", filter=Q(status=EvaluationStatus.SUBMITTED)),
            conflict=Count("id", filter=Q(status=EvaluationStatus.CONFLICT)),
        )
    )


def _sums(scores):
    return (
        scores.filter(evaluation__status=EvaluationStatus.SUBMITTED)
        .order_by()
        .values("evaluation__proposal_id")
        .annotate(**{f"score_{c.value}": Sum("score", filter=Q(criterion=c.value), default=0) for c in Criterion})
    )


def _rows(model, counts, sums):
    by_proposal = {row.pop("evaluation__proposal_id"): row for row in sums}
    return [model(**row, **by_proposal.get(row["proposal_id"], {})) for row in counts]


def matrix_total_refresh(proposal_id):
    """Recount one proposal's row from its evaluations (inside the caller's transaction)."""
    Proposal.objects.select_for_update().filter(pk=proposal_id).values_list("pk").get()
    rows = _rows(
        MatrixTotal,
        _counts(Evaluation.objects.filter(proposal_id=proposal_id)),
        _sums(Score.objects.filter(evaluation__proposal_id=proposal_id)),
    )
    MatrixTotal.objects.filter(proposal_id=proposal_id).delete()
    MatrixTotal.objects.bulk_create(rows)
    return rows[0] if rows else None


@transaction.atomic
def matrix_totals_rebuild(calls=None, *, models=(Evaluation, Score, MatrixTotal)):
    """Recount the rows of every proposal (of ``calls`` if given, call ids); return how many there are.

    ``models`` lets a data migration pass its historical models.
    """
    evaluation_model, score_model, total_model = models
    evaluations, scores = evaluation_model.objects.all(), score_model.objects.all()
    totals = total_model.objects.all()
    if calls is not None:
        evaluations = evaluations.filter(proposal__call__in=calls)
        scores = scores.filter(evaluation__proposal__call__in=calls)
        totals = totals.filter(proposal__call__in=calls)
    rows = _rows(total_model, _counts(evaluations), _sums(scores))
    totals.delete()
    total_model.objects.bulk_create(rows, batch_size=BATCH)
    return len(rows)
