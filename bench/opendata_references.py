"""Queries whose COPY yields a computed dataset's rows and columns: the bench's honest reference (issue #19).

Most datasets write one file row per row of ``dataset.queryset()``, whose COPY is the reference. Three do
not: a dataset whose rows are computed (``resultados-encuestas``: one row per option, goal, scale point,
yes/no or number question of each closed survey; ``votaciones``: one per candidate of each tally) has a
queryset of other rows, and one whose column is read by a second query (``alineacion-ods``: the SDG
indicators, prefetched) a queryset whose COPY leaves that column out. ``REFERENCES`` gives, per slug, a
queryset of the file's own rows, written with the ORM so that ``bench/opendata_downloads.py`` COPYs its
``query.sql_with_params()`` as for the others. Used by the bench only: the datasets do not change.
"""

from django.db.models import (
    Case,
    CharField,
    DecimalField,
    ExpressionWrapper,
    F,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Cast, Coalesce, Concat, NullIf, Substr

MIN_ANONYMOUS = 5  # opendata.datasets.surveys.MIN_ANONYMOUS_RESPONDENTS
COLUMNS = (
    "r_survey_id",
    "r_survey_title",
    "r_is_anonymous",
    "r_respondents",
    "r_question_id",
    "r_question",
    "r_kind",
    "r_answered",
    "r_answer",
    "r_count",
    "r_percent",
    "r_first",
    "r_average",
    "r_survey_title_en",
    "r_question_en",
    "r_answer_en",
)


def _count(question, value, field="count"):
    """One maintained count (``ResultCount``) of the question, 0 when there is none."""
    from surveys.models import ResultCount

    counts = ResultCount.objects.filter(question=question, value=value).values(field)[:1]
    return Coalesce(Subquery(counts), 0) if field != "total" else Subquery(counts)


def _percent(count):
    return Case(
        When(r_answered__gt=0, then=ExpressionWrapper(count * Value(100.0) / F("r_answered"), DecimalField())),
        default=Value(0.0),
        output_field=DecimalField(),
    )


def _english(name):
    """The English text of ``name``, or the Spanish one when it is blank (as the file writes it)."""
    return Coalesce(NullIf(F(f"{name}_en"), Value("")), F(f"{name}_es"))


def _questions(prefix, surveys):
    """Columns of the survey and question (reached through ``prefix``), and the file's filters.

    In anonymous surveys the file leaves out surveys and questions answered by fewer than 5 respondents:
    the same filter here, on the same maintained counts (exact, not approximated).
    """
    from surveys.models import ResultCount

    respondents = ResultCount.objects.filter(survey=OuterRef(f"{prefix}survey"), question__isnull=True, value="")
    return {
        "filters": Q(**{f"{prefix}survey__in": surveys})
        & (
            Q(**{f"{prefix}survey__is_anonymous": False})
            | Q(r_respondents__gte=MIN_ANONYMOUS, r_answered__gte=MIN_ANONYMOUS)
        ),
        "columns": {
            "r_survey_id": F(f"{prefix}survey_id"),
            "r_survey_title": F(f"{prefix}survey__title_es"),
            "r_is_anonymous": F(f"{prefix}survey__is_anonymous"),
            "r_respondents": Coalesce(Subquery(respondents.values("count")[:1]), 0),
            "r_question_id": F(f"{prefix}pk") if prefix else F("pk"),
            "r_question": F(f"{prefix}text_es"),
            "r_kind": F(f"{prefix}kind"),
            "r_answered": _count(OuterRef(f"{prefix}pk"), ""),
            "r_survey_title_en": _english(f"{prefix}survey__title"),
            "r_question_en": _english(f"{prefix}text"),
        },
    }


def _rows(queryset, prefix, surveys, answer, count, first, average=None, answer_en=None):
    base = _questions(prefix, surveys)
    columns = dict(base["columns"])
    if prefix == "question__":
        columns["r_question_id"] = F("question_id")
    rows = queryset.annotate(**columns).filter(base["filters"])
    rows = rows.annotate(
        r_answer=ExpressionWrapper(answer, CharField()),
        r_answer_en=ExpressionWrapper(answer if answer_en is None else answer_en, CharField()),
        r_count=count,
    ).annotate(
        r_percent=_percent(F("r_count")),
        r_first=ExpressionWrapper(first, IntegerField()) if first is not None else Cast(Value(None), IntegerField()),
        r_average=average if average is not None else Cast(Value(None), DecimalField(max_digits=30, decimal_places=10)),
    )
    return rows.order_by().values(*COLUMNS)


def survey_results(dataset):
    """The file's rows of ``resultados-encuestas``, from the counts ``survey_results`` reads, in one UNION ALL.

    Options: every option of choice and ranking questions (0 when never chosen); SDG goals: those with a
    count; scale: the five points; yes/no: both; number questions: one row with the count and average.
    Not reproduced (columns only, the rows are the same): the order of the rows, and the blank text of an
    option naming an unpublished proposal (the option's text is copied as it is).
    """
    from sdg.models import Goal
    from surveys.models import CHOICE_KINDS, SCALE_MAX, SCALE_MIN, Option, Question, QuestionKind, ResultCount

    surveys = dataset.queryset().order_by().values("pk")
    questions = Question.objects.all()
    option_value = Concat(Value("option:"), Cast(OuterRef("pk"), CharField()))
    options = _rows(
        Option.objects.filter(question__kind__in=CHOICE_KINDS),
        "question__",
        surveys,
        F("text_es"),
        _count(OuterRef("question_id"), option_value),
        Case(When(question__kind=QuestionKind.RANKING, then=_count(OuterRef("question_id"), option_value, "first"))),
        answer_en=_english("text"),
    )
    goal_number = Goal.objects.filter(pk=Cast(Substr(OuterRef("value"), 6), IntegerField())).values("number")[:1]
    goals = _rows(
        ResultCount.objects.filter(question__kind=QuestionKind.SDG_GOALS, value__startswith="goal:", count__gt=0),
        "question__",
        surveys,
        Cast(Subquery(goal_number), CharField()),
        F("count"),
        F("first"),
    )
    points = [
        _rows(
            questions.filter(kind=kind),
            "",
            surveys,
            Value(label),
            _count(OuterRef("pk"), value),
            None,
        )
        for kind, value, label in [
            *((QuestionKind.SCALE, f"scale:{n}", str(n)) for n in range(SCALE_MIN, SCALE_MAX + 1)),
            (QuestionKind.YES_NO, "yes", "yes"),
            (QuestionKind.YES_NO, "no", "no"),
        ]
    ]
    numbers = _rows(
        questions.filter(kind=QuestionKind.NUMBER),
        "",
        surveys,
        Value(""),
        _count(OuterRef("pk"), ""),
        None,
        ExpressionWrapper(_count(OuterRef("pk"), "", "total") / NullIf(F("r_answered"), 0), DecimalField()),
    )
    return options.union(goals, *points, numbers, all=True)


def ballot_results(dataset):
    """The file's rows of ``votaciones``: one per candidate in each closed ballot's frozen tally.

    The rows are the elements of ``Ballot.result["rows"]``, spread by PostgreSQL's ``jsonb_array_elements``
    (a set-returning function: ``Func`` names it, the ORM has no expression of its own for it). Each row
    comes whole as JSON (its candidate, votes, percentages, selected, tied), beside the ballot's columns.
    Not reproduced: the order of candidates by votes and the fixed title of an unpublished candidate.
    """
    from django.db.models import Func, JSONField
    from django.db.models.fields.json import KT, KeyTransform

    return dataset.queryset().values(
        "pk",
        "round__committee_id",
        "title",
        "is_secret",
        "electorate",
        "question",
        "majority",
        "seats",
        "closed_at",
        r_electorate=KT("result__electorate"),
        r_voted=KT("result__voted"),
        r_quorum_met=KT("result__quorum_met"),
        r_row=Func(KeyTransform("rows", "result"), function="jsonb_array_elements", output_field=JSONField()),
    )


def sdg_alignment(dataset):
    """The file's rows of ``alineacion-ods``: one per aligned target, with its SDG indicators' codes joined.

    The dataset's queryset gives the rows but fetches the indicators in a second query (a prefetch, which
    COPY would leave out); here PostgreSQL's ``string_agg`` joins their codes in position order, as the
    file does, grouped by the aligned target (its ``pk``).
    """
    from django.contrib.postgres.aggregates import StringAgg

    return (
        dataset.queryset()
        .values("pk", "proposal_id", "target__goal__number", "target__code")
        .annotate(r_indicators=StringAgg("indicators__code", delimiter="; ", order_by="indicators__position"))
    )


REFERENCES = {
    "resultados-encuestas": survey_results,
    "votaciones": ballot_results,
    "alineacion-ods": sdg_alignment,
}


def reference(dataset):
    """The queryset whose COPY is the dataset's reference: its own rows, or the computed ones above."""
    build = REFERENCES.get(dataset.slug)
    return build(dataset) if build else dataset.queryset()
