"""Results read from maintained counts: the rows read grow with questions × options, not with answers."""

from collections import defaultdict

from django.db.models import Count
from django.utils.translation import gettext as _

from axs_platform.figures import percent
from committees.models import Committee
from committees.models.committees import OPEN_MEMBERSHIP_STATUSES
from companies.models import OrganizationType
from sdg.models import Goal

from ..models import SCALE_MAX, SCALE_MIN, Answer, Question, QuestionKind, ResponseStatus, ResultCount, SurveyState
from ..models.structure import in_english

TEXTS_SHOWN = 20
# Below this many respondents an anonymous survey's answers can be traced back to those who answered
# (with 1 to 4, "2 chose A" is close to naming them). Open data leaves out such surveys and questions.
MIN_ANONYMOUS_RESPONDENTS = 5
WITHHELD_WHILE_OPEN, WITHHELD_FEW = "open", "few"


def submitted_answers(survey):
    return Answer.objects.filter(response__survey=survey, response__status=ResponseStatus.SUBMITTED)


def respondent_count(survey):
    """How many responses were submitted, from the maintained counts."""
    row = ResultCount.objects.filter(survey=survey, question=None, value="").first()
    return row.count if row else 0


def results_withheld(survey, respondents):
    """Return why an anonymous survey's answers may not be read yet (``"open"``, ``"few"``), or ``""``.

    Its invitations say who has answered, so while it is open two looks at the results either side of
    one invitation turning "answered" give that organization's answers away: they wait for the close.
    After it, below ``MIN_ANONYMOUS_RESPONDENTS`` they stay withheld. A named survey is never withheld.
    """
    if survey.is_named:
        return ""
    if survey.state != SurveyState.CLOSED:
        return WITHHELD_WHILE_OPEN
    return WITHHELD_FEW if respondents < MIN_ANONYMOUS_RESPONDENTS else ""


def survey_questions(survey):
    return list(
        Question.objects.filter(survey=survey)
        .select_related("section", "condition_question")
        .prefetch_related("options")
        .order_by("section__position", "section_id", "position", "id")
    )


def _ranked_rows(rows, depth):
    """Order ranked picks by Borda points: a first place is worth ``depth`` points, the last one 1."""
    for row in rows:
        row["points"] = row["count"] * (depth + 1) - (row["rank_sum"] or 0)
    return sorted(rows, key=lambda row: (-row["points"], -row["first"], row.get("order", 0), str(row["label"])))


def _counts(survey, question=None):
    """The survey's maintained counts (``ResultCount``), by (question id, value)."""
    counts = ResultCount.objects.filter(survey=survey)
    if question is not None:
        counts = counts.filter(question=question)
    return {(count.question_id, count.value): count for count in counts}


def _count_row(count):
    return {
        "count": count.count if count else 0,
        "first": count.first if count else 0,
        "rank_sum": count.rank_sum if count else 0,
    }


def survey_results(survey, *, texts_shown=TEXTS_SHOWN):
    """Return ``(respondents, [per-question result])`` for the submitted responses.

    Counts come from the rows the answer services keep (``surveys.services.counting``): a few rows
    per question, however many answers; only the latest written answers are read from the answers.
    """
    questions = survey_questions(survey)
    counts = _counts(survey)
    respondents = getattr(counts.get((None, "")), "count", 0)
    goals = (
        {goal.pk: goal for goal in Goal.objects.all()}
        if any(q.kind == QuestionKind.SDG_GOALS for q in questions)
        else {}
    )
    results = []
    for question in questions:
        answered = counts.get((question.pk, ""))
        total = answered.count if answered else 0
        result = {"question": question, "answered": total, "rows": [], "kind": question.kind}
        if question.kind in (QuestionKind.SINGLE_CHOICE, QuestionKind.MULTIPLE_CHOICE, QuestionKind.RANKING):
            result["rows"] = [
                {
                    "label": option.text,
                    "option": option,
                    "external_key": option.external_key,
                    "colour": "",
                    **_count_row(counts.get((question.pk, f"option:{option.pk}"))),
                }
                for option in question.options.all()
            ]
            if question.kind == QuestionKind.RANKING:
                result["rows"] = _ranked_rows(result["rows"], question.max_choices or len(result["rows"]))
        elif question.kind == QuestionKind.SDG_GOALS:
            picked = ((goal, counts.get((question.pk, f"goal:{pk}"))) for pk, goal in goals.items())
            result["rows"] = _ranked_rows(
                [
                    {
                        "label": str(goal),
                        "goal": goal,
                        "order": goal.number,
                        "colour": goal.color,
                        **_count_row(count),
                    }
                    for goal, count in picked
                    if count and count.count
                ],
                question.max_choices or len(goals),
            )
        elif question.kind == QuestionKind.SCALE:
            result["rows"] = [
                {"label": str(value), "colour": "", **_count_row(counts.get((question.pk, f"scale:{value}")))}
                for value in range(SCALE_MIN, SCALE_MAX + 1)
            ]
            weighted = sum(int(row["label"]) * row["count"] for row in result["rows"])
            result["average"] = weighted / total if total else None
        elif question.kind == QuestionKind.YES_NO:
            result["rows"] = [
                {"label": _("Yes"), "colour": "#198754", **_count_row(counts.get((question.pk, "yes")))},
                {"label": _("No"), "colour": "#6c757d", **_count_row(counts.get((question.pk, "no")))},
            ]
        elif question.kind == QuestionKind.NUMBER:
            if total:
                result["numbers"] = {
                    "count": total,
                    "average": answered.total / total,
                    "low": answered.low,
                    "high": answered.high,
                }
        else:
            result["texts"] = list(
                submitted_answers(survey)
                .filter(question=question)
                .exclude(text="")
                .order_by("-id")
                .values_list("text", flat=True)[:texts_shown]
            )
        for row in result["rows"]:
            row["percent"] = percent(row["count"], total)
        results.append(result)
    return respondents, results


def sdg_ranking(results):
    """Return the result of the first SDG question among computed results, or None."""
    return next((result for result in results if result["kind"] == QuestionKind.SDG_GOALS), None)


def option_results(question):
    """Return each option's count, first places and points, with its ``external_key``, best first.

    This is how another app (projects, after a selection round) reads back the choice it asked for.
    """
    counts = _counts(question.survey, question)
    rows = [
        {
            "option": option,
            "external_key": option.external_key,
            "label": option.text,
            **_count_row(counts.get((question.pk, f"option:{option.pk}"))),
        }
        for option in question.options.all()
    ]
    if question.kind == QuestionKind.RANKING:
        return _ranked_rows(rows, question.max_choices or len(rows))
    for row in rows:
        row["points"] = row["count"]
    return sorted(rows, key=lambda row: (-row["count"], row["option"].position))


def readable_option_results(question):
    """Return ``(withheld, rows)``: ``results_withheld`` for the question's survey, and ``option_results`` if not.

    Withheld, the rows are empty: another app (a selection round) can neither show nor act on what it may not read.
    """
    withheld = results_withheld(question.survey, respondent_count(question.survey))
    return withheld, [] if withheld else option_results(question)


def crosstab_by_organization_type(question):
    """Return ``(types, rows)``: for each answer value, its count among respondents of each organization type."""
    answers = submitted_answers(question.survey).filter(question=question)
    type_labels = dict(OrganizationType.choices)
    counts = defaultdict(dict)
    key_field = {
        QuestionKind.SCALE: "number",
        QuestionKind.YES_NO: "boolean",
        QuestionKind.SDG_GOALS: "goal_id",
    }.get(question.kind, "option_id")
    for row in answers.values(key_field, "response__organization__organization_type").annotate(n=Count("id")):
        counts[row[key_field]][row["response__organization__organization_type"]] = row["n"]
    types = sorted({t for per_value in counts.values() for t in per_value if t}, key=lambda t: str(type_labels[t]))
    if question.kind == QuestionKind.SCALE:
        values = [(value, str(value)) for value in range(SCALE_MIN, SCALE_MAX + 1)]
        counts = {int(k): v for k, v in counts.items() if k is not None}
    elif question.kind == QuestionKind.YES_NO:
        values = [(True, _("Yes")), (False, _("No"))]
    elif question.kind == QuestionKind.SDG_GOALS:
        values = [(goal.pk, str(goal)) for goal in Goal.objects.filter(pk__in=list(counts))]
    else:
        values = [(option.pk, option.text) for option in question.options.all()]
    rows = [{"label": label, "cells": [counts.get(value, {}).get(t, 0) for t in types]} for value, label in values]
    for row in rows:
        row["total"] = sum(row["cells"])
    return [type_labels[t] for t in types], rows


def _picks(survey, ranking_question, top):
    answers = submitted_answers(survey)
    return answers.filter(question=ranking_question, rank__lte=top, response__organization__isnull=False)


def committee_proposal_counts(survey, *, ranking_question, top=3):
    """For each open committee, how many organizations ranked its SDG in their top ``top``.

    Read from the maintained counts (``surveys.services.counting``): per goal and rank, how many
    organizations rank the goal best there; those up to ``top`` add up to the organizations counted.
    """
    counts = defaultdict(int)
    kept = ResultCount.objects.filter(survey=survey, question=ranking_question, value__startswith="best:", count__gt=0)
    for value, count in kept.values_list("value", "count"):
        _best, goal_id, rank = value.split(":")
        if int(rank) <= top:
            counts[int(goal_id)] += count
    committees = Committee.objects.open().select_related("goal").order_by("goal__number", "name")
    return [{"committee": c, "count": counts[c.goal_id]} for c in committees]


def committee_candidates(survey, committee, *, ranking_question, top=3):
    """The organizations that ranked the committee's SDG in their top ``top``, best rank first: rows to page."""
    return (
        _picks(survey, ranking_question, top)
        .filter(goal_id=committee.goal_id)
        .values(
            "rank",
            "response__organization_id",
            "response__organization__legal_name",
            "response__organization__short_name",
            "response__organization__organization_type",
        )
        .order_by("rank", "response__organization__legal_name", "id")
    )


def describe_candidates(survey, committee, rows, *, role_question=None):
    """Return a page of ``committee_candidates`` as the page shows them: name, type, rank, roles, membership.

    Each comes with the roles it chose (when a role question is given) and whether it already sits
    on the committee, so staff can invite the others in one step. Reads only the page's organizations.
    """
    rows = list(rows)
    organization_ids = {row["response__organization_id"] for row in rows}
    roles = defaultdict(list)
    if role_question is not None and organization_ids:
        english = in_english()
        for row in (
            submitted_answers(survey)
            .filter(question=role_question, response__organization_id__in=organization_ids, option__isnull=False)
            .values("response__organization_id", "option__text_es", "option__text_en")
            .order_by("option__position")
        ):
            label = (english and row["option__text_en"]) or row["option__text_es"]
            roles[row["response__organization_id"]].append(label)
    seated = set(
        committee.memberships.filter(
            status__in=OPEN_MEMBERSHIP_STATUSES, organization_id__in=organization_ids
        ).values_list("organization_id", flat=True)
    )
    type_labels = dict(OrganizationType.choices)
    return [
        {
            "organization_id": row["response__organization_id"],
            "name": row["response__organization__short_name"] or row["response__organization__legal_name"],
            "type": type_labels.get(row["response__organization__organization_type"], ""),
            "rank": row["rank"],
            "roles": roles.get(row["response__organization_id"], []),
            "is_member": row["response__organization_id"] in seated,
        }
        for row in rows
    ]
