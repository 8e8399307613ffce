"""The staff list's rows and the count beside each filter value, both counted in the database.

Each filter's counts apply every other filter but its own (the usual faceted search), so a person
sees how many proposals ticking one more value would add. One grouped query per filter, whatever
the number of proposals; labels are read for the values shown only.
"""

from django.contrib.auth import get_user_model
from django.db.models import Avg, Count, Exists, F, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from committees.models import Committee
from companies.models import Organization
from sdg.models import Goal
from search.text import fold

from ..models import AlignedTarget, Call, Evaluation, EvaluationStatus, Proposal, ProposalStatus, Score

PENDING = (EvaluationStatus.ASSIGNED, EvaluationStatus.IN_PROGRESS)
FACETS = ("estado", "convocatoria", "comite", "ods", "organizacion", "evaluador", "evaluacion")
# The calls, lead organizations and evaluators with most proposals shown beside the ones already ticked.
LONG_FACET_LIMIT = 25


def _active_evaluations():
    return Evaluation.objects.filter(proposal=OuterRef("pk")).exclude(status=EvaluationStatus.WITHDRAWN)


def _evaluation_state(state):
    assigned, pending = Exists(_active_evaluations()), Exists(_active_evaluations().filter(status__in=PENDING))
    return {"complete": assigned & ~pending, "pending": pending, "none": ~assigned}[state]


def base_proposals():
    """Every proposal that has been submitted once: a draft never submitted is its consortium's alone.

    Only a never-submitted proposal is a draft; saying so too lets the lists' partial indexes
    (``status <> 'draft'``) serve the order.
    """
    return Proposal.objects.exclude(status=ProposalStatus.DRAFT).exclude(version=0)


def filtered_proposals(criteria, *, without=()):
    """Return the proposals the criteria keep, leaving out the filters named in ``without``."""
    without = {without} if isinstance(without, str) else set(without)
    rows = base_proposals()
    if criteria.estado and "estado" not in without:
        rows = rows.filter(status__in=criteria.estado)
    if criteria.convocatoria and "convocatoria" not in without:
        rows = rows.filter(call_id__in=criteria.convocatoria)
    if criteria.comite and "comite" not in without:
        rows = rows.filter(committee_id__in=criteria.comite)
    if criteria.organizacion and "organizacion" not in without:
        rows = rows.filter(lead_organization_id__in=criteria.organizacion)
    if criteria.ods and "ods" not in without:
        aligned = AlignedTarget.objects.filter(proposal=OuterRef("pk"), target__goal__number__in=criteria.ods)
        rows = rows.filter(Exists(aligned))
    if criteria.evaluador and "evaluador" not in without:
        rows = rows.filter(Exists(_active_evaluations().filter(evaluator_id__in=criteria.evaluador)))
    if criteria.evaluacion and "evaluacion" not in without:
        condition = Q()
        for state in criteria.evaluacion:
            condition |= Q(_evaluation_state(state))
        rows = rows.filter(condition)
    for word in criteria.words:
        # Accents and case ignored: "logistica" finds "Logística" (``UNACCENT`` on SQLite is ``search.text.fold``).
        rows = rows.filter(title__unaccent__icontains=fold(word))
    return rows


def sorted_proposals(criteria):
    """Return the filtered proposals in the asked order, with their lead organization, call and committee."""
    rows = filtered_proposals(criteria).select_related("lead_organization", "call", "committee")
    if criteria.sort == "puntaje":
        score = F("score").desc(nulls_last=True) if criteria.descending else F("score").asc(nulls_last=True)
        submitted = Q(evaluations__status=EvaluationStatus.SUBMITTED)
        mean = Avg("evaluations__scores__score", filter=submitted)
        return rows.annotate(score=mean).order_by(score, "-id" if criteria.descending else "id")
    if criteria.sort == "envio":
        when = F("submitted_at").desc(nulls_last=True) if criteria.descending else F("submitted_at").asc()
        return rows.order_by(when, "-id" if criteria.descending else "id")
    return rows.order_by(*criteria.order_by)


def row_details(proposals):
    """Give a page's proposals their evaluation counts and mean score (two grouped queries)."""
    ids = [p.pk for p in proposals]
    counts = {
        row["proposal_id"]: row
        for row in Evaluation.objects.filter(proposal_id__in=ids)
        .exclude(status=EvaluationStatus.WITHDRAWN)
        .order_by()
        .values("proposal_id")
        .annotate(assigned=Count("id"), submitted=Count("id", filter=Q(status=EvaluationStatus.SUBMITTED)))
    }
    means = dict(
        Score.objects.filter(evaluation__proposal_id__in=ids, evaluation__status=EvaluationStatus.SUBMITTED)
        .order_by()
        .values("evaluation__proposal_id")
        .annotate(mean=Avg("score"))
        .values_list("evaluation__proposal_id", "mean")
    )
    for proposal in proposals:
        row = counts.get(proposal.pk, {})
        proposal.evaluations_assigned = row.get("assigned", 0)
        proposal.evaluations_submitted = row.get("submitted", 0)
        proposal.mean_score = means.get(proposal.pk)
    return proposals


def _choices(counts, labels, selected):
    """Return ``(value, label, count, checked)`` for every value with proposals or ticked."""
    values = [value for value in labels if counts.get(value) or value in selected]
    return [(value, labels[value], counts.get(value, 0), value in selected) for value in values]


def _top(counts, selected):
    top = sorted(counts, key=lambda value: (-counts[value], value))[:LONG_FACET_LIMIT]
    return set(top) | set(selected)


# Filters on columns of the proposal with few values: counted together in one grouped query (a few
# dozen combinations). The lead organization, with hundreds of values, has a grouped query of its own.
COLUMNS = {
    "estado": "status",
    "convocatoria": "call_id",
    "comite": "committee_id",
}


def column_counts(criteria):
    """Return ``(counts per column filter, total)`` from one query grouped by the three columns.

    The database counts the proposals of each combination of status, call and committee that the
    other filters keep; each filter's count sums the combinations its sibling filters accept,
    and the total those all accept (the list's length).
    """
    combos = (
        filtered_proposals(criteria, without=COLUMNS)
        .order_by()
        .values_list(*COLUMNS.values())
        .annotate(n=Count("pk"))
        .values_list(*COLUMNS.values(), "n")
    )
    chosen = {name: getattr(criteria, name) for name in COLUMNS}
    counts = {name: {} for name in COLUMNS}
    total = 0
    for *values, n in combos:
        combo = dict(zip(COLUMNS, values, strict=True))
        refused = [name for name in COLUMNS if chosen[name] and combo[name] not in chosen[name]]
        if not refused:
            total += n
        for name in COLUMNS:
            if not refused or refused == [name]:
                counts[name][combo[name]] = counts[name].get(combo[name], 0) + n
    return counts, total


def facet_counts(criteria):
    """Return ``({filter: [(value, label, count, checked), ...]}, total)`` for the filter form and the list."""
    facets = {}
    columns, total = column_counts(criteria)
    status_counts = columns["estado"]
    facets["estado"] = _choices(status_counts, dict(ProposalStatus.choices), criteria.estado)

    call_counts = columns["convocatoria"]
    # Calls accumulate over the years: the ones with most proposals, and the ticked ones, newest first.
    calls = Call.objects.filter(pk__in=_top(call_counts, criteria.convocatoria)).order_by("-opens_on", "-id")
    facets["convocatoria"] = _choices(call_counts, {c.pk: c.title for c in calls}, criteria.convocatoria)

    committee_counts = columns["comite"]
    committees = Committee.objects.filter(pk__in=set(committee_counts) | criteria.comite).order_by("goal__number")
    facets["comite"] = _choices(committee_counts, {c.pk: c.name for c in committees}, criteria.comite)

    # Grouped by the target's goal id, not its number: one join fewer over every alignment (a third
    # of this query's time at 20,000 proposals); the few goals' numbers are read apart.
    goal_counts = dict(
        AlignedTarget.objects.filter(proposal__in=filtered_proposals(criteria, without="ods"))
        .order_by()
        .values_list("target__goal_id")
        .annotate(n=Count("proposal", distinct=True))
        .values_list("target__goal_id", "n")
    )
    numbers = dict(Goal.objects.filter(pk__in=goal_counts).values_list("pk", "number"))
    sdg_counts = {numbers[goal]: n for goal, n in goal_counts.items()}
    numbers = sorted(set(sdg_counts) | criteria.ods)
    facets["ods"] = _choices(sdg_counts, {n: str(n) for n in numbers}, criteria.ods)

    lead_counts = dict(
        filtered_proposals(criteria, without="organizacion")
        .order_by()
        .values_list("lead_organization_id")
        .annotate(n=Count("pk"))
        .values_list("lead_organization_id", "n")
    )
    shown = _top(lead_counts, criteria.organizacion)
    leads = Organization.objects.filter(pk__in=shown).only("short_name", "legal_name", "is_fictitious")
    labels = {o.pk: str(o) for o in sorted(leads, key=lambda o: (-lead_counts.get(o.pk, 0), str(o)))}
    facets["organizacion"] = _choices(lead_counts, labels, criteria.organizacion)

    # One standing evaluation per evaluator and proposal (``projects_one_evaluation_per_evaluator``): each
    # row is a proposal, so a plain count, hashed, not a DISTINCT that sorts every evaluation.
    evaluator_counts = dict(
        Evaluation.objects.filter(proposal__in=filtered_proposals(criteria, without="evaluador"))
        .exclude(status=EvaluationStatus.WITHDRAWN)
        .order_by()
        .values_list("evaluator_id")
        .annotate(n=Count("pk"))
        .values_list("evaluator_id", "n")
    )
    shown = _top(evaluator_counts, criteria.evaluador)
    people = get_user_model().objects.filter(pk__in=shown).order_by("full_name", "email")
    facets["evaluador"] = _choices(evaluator_counts, {u.pk: u.full_name or u.email for u in people}, criteria.evaluador)

    states = _evaluation_states(criteria, total)
    state_labels = {  # the query line's completa, pendiente, sin-evaluador
        "complete": _("Complete"),
        "pending": _("Pending"),
        "none": _("No evaluator"),
    }
    facets["evaluacion"] = [
        (state, state_labels[state], states[state], state in criteria.evaluacion) for state in state_labels
    ]
    return facets, total


def _evaluation_states(criteria, total):
    """Count proposals by the state of their evaluation: their evaluations grouped by proposal, then counted.

    The database counts over the per-proposal groups, so no row per proposal comes back to Python.
    """
    scope = filtered_proposals(criteria, without="evaluacion")
    if criteria.evaluacion:
        total = scope.count()  # the list's total applied this filter; its counts must not
    counted = (
        Evaluation.objects.filter(proposal__in=scope)
        .exclude(status=EvaluationStatus.WITHDRAWN)
        .order_by()
        .values("proposal_id")
        .annotate(pending=Count("pk", filter=Q(status__in=PENDING)))
        .aggregate(assigned=Count("proposal_id"), waiting=Count("proposal_id", filter=Q(pending__gt=0)))
    )
    assigned, waiting = counted["assigned"], counted["waiting"]
    return {"complete": assigned - waiting, "pending": waiting, "none": total - assigned}
