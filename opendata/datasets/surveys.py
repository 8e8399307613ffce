"""Dataset: the results of closed surveys, in aggregate only.

Counts per option, scale point, yes/no or SDG, and the average of number questions, computed in the
database by ``surveys.selectors.survey_results``. Never a response, a respondent or a written answer:
text questions are left out, named and anonymous surveys alike. In anonymous surveys a survey or a
question answered by fewer than ``MIN_ANONYMOUS_RESPONDENTS`` people is left out: with so few answers a
count tells who answered what. Options naming a proposal that is not published (selection surveys) are
blank.

Texts come in Spanish and in English (``*_en``, the Spanish text where the survey has no English one, as the
pages show it); a yes/no answer is the code ``yes`` or ``no`` in both, as ``votos-nominales`` writes its
answers. The English columns come last, so that the columns published before keep their places.
"""

from django.db.models import Max
from django.utils import timezone

from axs_platform import fragments
from projects.models import Proposal
from surveys.models import TEXT_KINDS, QuestionKind, Survey
from surveys.selectors.results import MIN_ANONYMOUS_RESPONDENTS, results_withheld, survey_results

from ..registry import Dataset, Field, register

PROPOSAL_KEY_PREFIX = "proposal:"  # projects.services.selection.EXTERNAL_KEY


def _published_proposal_keys():
    return {f"{PROPOSAL_KEY_PREFIX}{pk}" for pk in Proposal.objects.published().values_list("pk", flat=True)}


def _english(instance, name):
    """The English text of ``name``, or the Spanish one when there is none (``surveys.models.bilingual``)."""
    return getattr(instance, f"{name}_en") or getattr(instance, f"{name}_es")


def _option_texts(option, published_keys):
    """An option's Spanish and English texts, blank when it names a proposal that is not published."""
    key = option.external_key or ""
    if key.startswith(PROPOSAL_KEY_PREFIX) and key not in published_keys:
        return "", ""
    return option.text_es, _english(option, "text")


def _closed_surveys():
    return Survey.objects.not_archived().filter(published_at__isnull=False, closes_at__lte=timezone.now())


def _surveys():
    return _closed_surveys().order_by("pk")


def _answers_of(question, row, index, published_keys):
    """The answer a row counts, in Spanish and in English, whatever the reader's language."""
    if question.kind in (QuestionKind.SINGLE_CHOICE, QuestionKind.MULTIPLE_CHOICE, QuestionKind.RANKING):
        return _option_texts(row["option"], published_keys)
    if question.kind == QuestionKind.SDG_GOALS:
        answer = str(row["goal"].number)
    elif question.kind == QuestionKind.YES_NO:
        answer = ("yes", "no")[index]  # codes, as votos-nominales' answers; survey_results lists yes, then no
    else:
        answer = row["label"]  # a scale point: a number
    return answer, answer


def _survey_rows(survey):
    respondents, results = survey_results(survey, texts_shown=0)
    if results_withheld(survey, respondents):  # As the results page, the exports and the API withhold them.
        return
    published_keys = _published_proposal_keys()
    for result in results:
        question = result["question"]
        if question.kind in TEXT_KINDS:
            continue
        if survey.is_anonymous and result["answered"] < MIN_ANONYMOUS_RESPONDENTS:
            continue
        common = (survey.pk, survey.title_es, survey.is_anonymous, respondents, question.pk, question.text_es)
        english = (_english(survey, "title"), _english(question, "text"))
        if question.kind == QuestionKind.NUMBER:
            numbers = result.get("numbers") or {}  # absent while nobody has given a number
            yield (
                *common,
                question.kind,
                result["answered"],
                "",
                numbers.get("count", 0),
                None,
                None,
                numbers.get("average"),
                *english,
                "",
            )
            continue
        for index, row in enumerate(result["rows"]):
            answer_es, answer_en = _answers_of(question, row, index, published_keys)
            yield (
                *common,
                question.kind,
                result["answered"],
                answer_es,
                row["count"],
                row["percent"],
                row.get("first") if question.kind in (QuestionKind.RANKING, QuestionKind.SDG_GOALS) else None,
                None,
                *english,
                answer_en,
            )


SURVEY_RESULTS = register(
    Dataset(
        slug="resultados-encuestas",
        title_es="Resultados de encuestas",
        title_en="Survey results",
        description_es=(
            "Los resultados agregados de las encuestas cerradas de la Alianza: cuántas personas u organizaciones "
            "eligieron cada respuesta. Nunca una respuesta individual ni las respuestas escritas."
        ),
        description_en=(
            "The aggregate results of the alliance's closed surveys: how many people or organizations chose each "
            "answer. Never an individual response nor written answers."
        ),
        frequency_es="Ocasional: cuando cierra una encuesta.",
        frequency_en="Occasional: when a survey closes.",
        fields=(
            Field("survey_id", "integer", "Identificador de la encuesta.", "Identifier of the survey."),
            Field("survey_title", "text", "Título de la encuesta (en español).", "Title of the survey (in Spanish)."),
            Field("is_anonymous", "boolean", "Si la encuesta fue anónima.", "Whether the survey was anonymous."),
            Field("respondents", "integer", "Respuestas enviadas a la encuesta.", "Responses submitted to the survey."),
            Field("question_id", "integer", "Identificador de la pregunta.", "Identifier of the question."),
            Field("question", "text", "Pregunta (en español).", "Question (in Spanish)."),
            Field(
                "question_kind",
                "code",
                "Tipo de pregunta.",
                "Kind of question.",
                tuple((code, label) for code, label in QuestionKind.choices if code not in TEXT_KINDS),
            ),
            Field("answered", "integer", "Respuestas a la pregunta.", "Responses that answered the question."),
            Field(
                "answer",
                "text",
                "Respuesta contada: la opción (en español), el número de ODS, el punto de la escala, o los códigos "
                "yes (sí) y no.",
                "Answer counted: the option (in Spanish), the SDG number, the scale point, or the codes yes and no.",
            ),
            Field(
                "count",
                "integer",
                "Cuántas veces se eligió; en preguntas numéricas, cuántos números se dieron.",
                "How many times it was chosen; for number questions, how many numbers were given.",
            ),
            Field(
                "percent",
                "decimal",
                "Porcentaje de quienes respondieron la pregunta.",
                "Percentage of those who answered the question.",
            ),
            Field(
                "first_places",
                "integer",
                "En preguntas de ordenar: veces en primer lugar.",
                "For ranking questions: times in first place.",
            ),
            Field("average", "decimal", "En preguntas numéricas: el promedio.", "For number questions: the average."),
            Field(
                "survey_title_en",
                "text",
                "Título de la encuesta en inglés (el español si no lo tiene).",
                "Title of the survey in English (the Spanish one if it has none).",
            ),
            Field(
                "question_en",
                "text",
                "Pregunta en inglés (la española si no la tiene).",
                "Question in English (the Spanish one if it has none).",
            ),
            Field(
                "answer_en",
                "text",
                "Respuesta contada en inglés: la opción en inglés (la española si no la tiene); el número de ODS, "
                "el punto de la escala, yes o no como en answer.",
                "Answer counted in English: the option in English (the Spanish one if it has none); the SDG number, "
                "the scale point, yes or no as in answer.",
            ),
        ),
        queryset=_surveys,
        rows_of=_survey_rows,
        chunk_size=20,
        last_updated=lambda: _closed_surveys().aggregate(latest=Max("closes_at"))["latest"],
        areas=(fragments.SURVEY_RESULTS, fragments.PUBLIC_PROPOSALS),  # proposals: options name candidate proposals
        # A survey also closes when its date passes, with no service to bump: count the closed ones now.
        version_extra=lambda: str(_closed_surveys().count()),
    )
)
