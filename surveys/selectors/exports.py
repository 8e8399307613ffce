"""Responses as rows for CSV and Excel, read in chunks so that memory does not grow with the answers."""

from collections import defaultdict

from django.utils.translation import gettext as _

from companies.models import OrganizationSize, OrganizationType

from ..models import Answer, QuestionKind, Response, ResponseStatus
from .results import survey_questions

CHUNK = 500


def export_header(survey, questions):
    """Name the columns. An anonymous survey's export has no id or time: nothing that orders its rows."""
    header = []
    if survey.is_named:
        header += [_("Response"), _("Submitted on"), _("Organization"), _("Type"), _("Size"), _("Respondent")]
    return header + [f"{index}. {question.text}" for index, question in enumerate(questions, 1)]


def _cell(question, answers, goals_by_pk):
    if not answers:
        return ""
    kind = question.kind
    if kind in (QuestionKind.RANKING, QuestionKind.SDG_GOALS):
        answers = sorted(answers, key=lambda a: a.rank or 0)
        labels = [(a.option.text if a.option_id else str(goals_by_pk[a.goal_id].number)) for a in answers]
        return "; ".join(f"{a.rank}. {label}" for a, label in zip(answers, labels, strict=True))
    if kind in (QuestionKind.SINGLE_CHOICE, QuestionKind.MULTIPLE_CHOICE):
        return "; ".join(a.option.text for a in answers)
    answer = answers[0]
    if kind in (QuestionKind.SCALE, QuestionKind.NUMBER):
        number = answer.number
        return int(number) if number == number.to_integral_value() else float(number)
    if kind == QuestionKind.YES_NO:
        return _("Yes") if answer.boolean else _("No")
    return answer.text


def export_rows(survey, *, chunk=CHUNK):
    """Yield the header, then one row per submitted response, reading ``chunk`` responses at a time."""
    from sdg.models import Goal

    questions = survey_questions(survey)
    goals_by_pk = {goal.pk: goal for goal in Goal.objects.all()}
    options = {option.pk: option for question in questions for option in question.options.all()}
    type_labels, size_labels = dict(OrganizationType.choices), dict(OrganizationSize.choices)
    yield export_header(survey, questions)
    last = 0
    responses = Response.objects.filter(survey=survey, status=ResponseStatus.SUBMITTED).order_by("pk")
    while True:
        batch = list(responses.filter(pk__gt=last).select_related("organization", "respondent")[:chunk])
        if not batch:
            return
        last = batch[-1].pk
        by_response = defaultdict(lambda: defaultdict(list))
        for answer in (
            Answer.objects.filter(response__in=[r.pk for r in batch]).order_by("pk").iterator(chunk_size=2000)
        ):
            if answer.option_id:
                answer.option = options[answer.option_id]
            by_response[answer.response_id][answer.question_id].append(answer)
        for response in batch:
            row = []
            if survey.is_named:
                organization = response.organization
                row += [
                    response.pk,
                    response.submitted_at.isoformat() if response.submitted_at else "",
                    organization.legal_name if organization else "",
                    str(type_labels.get(organization.organization_type, "")) if organization else "",
                    str(size_labels.get(organization.size, "")) if organization else "",
                    response.respondent.email if response.respondent else "",
                ]
            answers = by_response.get(response.pk, {})
            row += [_cell(question, answers.get(question.pk, []), goals_by_pk) for question in questions]
            yield row
