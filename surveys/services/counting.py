"""Counts of submitted answers (``ResultCount``), kept in the transaction that submits a response.

Results then read a few rows per question however many answers there are. Every count is written
by ``_add`` under the survey's lock, so two submissions never write the same count at once; and
every count of the survey is rewritten each time, created all at once for every value a question
can take, so that on an anonymous survey neither the counts a submission changed nor their
transaction ids tell which values the latest respondent chose (``surveys.services.anonymous``).
``survey_counts_rebuild`` recounts a survey from its answers (``manage.py survey_counts_rebuild``).

An SDG question also keeps, per goal and rank, how many organizations ranked the goal best at that
rank (``best:<goal id>:<rank>``), over all their submitted responses: the committee proposals add
these up to the rank asked for, instead of counting distinct organizations over every pick.
"""

from collections import defaultdict

from django.db import transaction
from django.db.models import Min

from axs_platform import fragments
from sdg.models import Goal

from ..models import CHOICE_KINDS, SCALE_MAX, SCALE_MIN, Answer, QuestionKind, ResponseStatus, ResultCount, Survey

FIELDS = ("count", "first", "rank_sum", "total", "low", "high")


def value_key(kind, row):
    """Return the ``ResultCount.value`` an answer row counts under, besides the question's respondents."""
    if kind in CHOICE_KINDS:
        return f"option:{row['option_id']}"
    if kind == QuestionKind.SDG_GOALS:
        return f"goal:{row['goal_id']}"
    if kind == QuestionKind.SCALE:
        return f"scale:{int(row['number'])}"
    if kind == QuestionKind.YES_NO:
        return "yes" if row["boolean"] else "no"
    return None


def best_key(goal_id, rank):
    """The ``ResultCount.value`` of the organizations whose best rank of a goal is ``rank``."""
    return f"best:{goal_id}:{rank}"


def _every_key(survey):
    """Every (question id, value) the survey's results show, with each question's kind."""
    kinds, keys = {}, [(None, "")]
    goals = None
    for question in survey.questions.prefetch_related("options"):
        kinds[question.pk] = question.kind
        keys.append((question.pk, ""))
        if question.kind in CHOICE_KINDS:
            keys += [(question.pk, f"option:{option.pk}") for option in question.options.all()]
        elif question.kind == QuestionKind.SDG_GOALS:
            goals = goals if goals is not None else list(Goal.objects.values_list("pk", flat=True))
            keys += [(question.pk, f"goal:{pk}") for pk in goals]
            depth = range(1, (question.max_choices or len(goals)) + 1)
            keys += [(question.pk, best_key(pk, rank)) for pk in goals for rank in depth]
        elif question.kind == QuestionKind.SCALE:
            keys += [(question.pk, f"scale:{n}") for n in range(SCALE_MIN, SCALE_MAX + 1)]
        elif question.kind == QuestionKind.YES_NO:
            keys += [(question.pk, "yes"), (question.pk, "no")]
    return kinds, keys


class _Tally:
    """Counts to add, from answer rows given one response at a time."""

    def __init__(self, kinds):
        self.kinds = kinds
        self.counts = defaultdict(lambda: dict.fromkeys(FIELDS, 0) | {"total": None, "low": None, "high": None})

    def response(self, rows):
        self.counts[(None, "")]["count"] += 1
        for question_id in {row["question_id"] for row in rows}:
            self.counts[(question_id, "")]["count"] += 1
        for row in rows:
            kind = self.kinds[row["question_id"]]
            if kind == QuestionKind.NUMBER and row["number"] is not None:
                self._number(self.counts[(row["question_id"], "")], row["number"])
            key = value_key(kind, row)
            if key is not None:
                count = self.counts[(row["question_id"], key)]
                count["count"] += 1
                count["first"] += row["rank"] == 1
                count["rank_sum"] += row["rank"] or 0

    def best_rank(self, question_id, goal_id, rank, *, before=None):
        """An organization now ranks the goal best at ``rank`` (at ``before`` until now, if it did)."""
        if before is not None:
            if before <= rank:
                return
            self.counts[(question_id, best_key(goal_id, before))]["count"] -= 1
        self.counts[(question_id, best_key(goal_id, rank))]["count"] += 1

    @staticmethod
    def _number(count, number):
        count["total"] = number if count["total"] is None else count["total"] + number
        count["low"] = number if count["low"] is None else min(count["low"], number)
        count["high"] = number if count["high"] is None else max(count["high"], number)


def _add(survey, tally_of, *, start_over=False):
    """Add what ``tally_of(kinds)`` counts to the survey's counts (from zero with ``start_over``)."""
    Survey.objects.select_for_update().filter(pk=survey.pk).first()
    kinds, keys = _every_key(survey)
    if start_over:
        ResultCount.objects.filter(survey=survey).delete()
    stored = {(c.question_id, c.value): c for c in ResultCount.objects.filter(survey=survey)}
    new = [ResultCount(survey=survey, question_id=q, value=v) for q, v in keys if (q, v) not in stored]
    tally = tally_of(kinds)
    changed = []
    for count in [*stored.values(), *new]:
        added = tally.counts.get((count.question_id, count.value))
        if added is None:
            continue
        if count.pk is not None:
            changed.append(count)
        count.count += added["count"]
        count.first += added["first"]
        count.rank_sum += added["rank_sum"]
        if added["total"] is not None:
            count.total = added["total"] + (count.total or 0)
            count.low = added["low"] if count.low is None else min(count.low, added["low"])
            count.high = added["high"] if count.high is None else max(count.high, added["high"])
    ResultCount.objects.bulk_update(changed, FIELDS)
    ResultCount.objects.bulk_create(new)
    fragments.changed(fragments.SURVEY_RESULTS)


ROW_FIELDS = ("question_id", "option_id", "goal_id", "rank", "number", "boolean")


def _as_row(answer):
    return {name: getattr(answer, name) for name in ROW_FIELDS}


def _best_ranks(survey, **filters):
    """Each organization's best rank of each goal in its submitted answers to SDG questions."""
    return (
        Answer.objects.filter(
            response__survey=survey,
            response__status=ResponseStatus.SUBMITTED,
            response__organization__isnull=False,
            question__kind=QuestionKind.SDG_GOALS,
            rank__isnull=False,
            **filters,
        )
        .values("question_id", "goal_id", "response__organization_id")
        .annotate(best=Min("rank"))
        .order_by()
    )


def response_counted(survey, answers, *, response=None):
    """Count one response just submitted, given its answers (saved or not); the caller's transaction.

    A named ``response`` (saved, with its organization) also counts the goals its organization now
    ranks better than in its other submitted responses, if any (a survey answered once per person).
    """

    def tally_of(kinds):
        tally = _Tally(kinds)
        rows = [_as_row(answer) for answer in answers]
        tally.response(rows)
        if response is not None and response.organization_id is not None:
            others = _best_ranks(survey, response__organization=response.organization_id)
            before = {(r["question_id"], r["goal_id"]): r["best"] for r in others.exclude(response=response)}
            for row in rows:
                if kinds[row["question_id"]] == QuestionKind.SDG_GOALS and row["rank"] is not None:
                    key = (row["question_id"], row["goal_id"])
                    tally.best_rank(*key, row["rank"], before=before.get(key))
        return tally

    _add(survey, tally_of)


@transaction.atomic
def survey_counts_rebuild(survey):
    """Recount every submitted answer of the survey from scratch."""

    def tally_of(kinds):
        tally = _Tally(kinds)
        rows = (
            Answer.objects.filter(response__survey=survey, response__status=ResponseStatus.SUBMITTED)
            .order_by("response_id")
            .values("response_id", *ROW_FIELDS)
        )
        current, answers = None, []
        for row in rows.iterator(chunk_size=5000):
            if row["response_id"] != current and answers:
                tally.response(answers)
                answers = []
            current = row["response_id"]
            answers.append(row)
        if answers:
            tally.response(answers)
        # A submitted response without answers still counts among the survey's respondents.
        empty = survey.responses.filter(status=ResponseStatus.SUBMITTED, answers__isnull=True).count()
        tally.counts[(None, "")]["count"] += empty
        for row in _best_ranks(survey).iterator(chunk_size=5000):
            tally.best_rank(row["question_id"], row["goal_id"], row["best"])
        return tally

    _add(survey, tally_of, start_over=True)
