"""Writes of respondents: start a response, save answers (partial ones too), submit.

Named surveys keep a response in progress linked to the invitation. Anonymous surveys keep an
encrypted draft that only the respondent's secret opens, and store a submission apart from the
invitation (``surveys.services.anonymous``).
"""

from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from axs_platform import notices
from sdg.models import Goal

from .. import permissions
from ..models import (
    SCALE_MAX,
    SCALE_MIN,
    TEXT_KINDS,
    Answer,
    QuestionKind,
    Response,
    ResponseStatus,
    Survey,
    SurveyInvitation,
    SurveyState,
)
from . import anonymous, counting
from .building import condition_matches


def field_name(question):
    return f"q{question.pk}"


def _check_can_change(invitation, user):
    survey = invitation.survey
    if not permissions.can_answer(user, invitation):
        raise PermissionDenied
    if invitation.responded_at is not None:
        raise ValidationError(
            _("This survey was already answered through this invitation; answers cannot change after submitting."),
            code="already_submitted",
        )
    state = survey.state
    if state == SurveyState.CLOSED:
        raise ValidationError(_("This survey is closed; answers are no longer accepted."), code="closed")
    if state != SurveyState.OPEN:
        raise ValidationError(_("This survey is not open yet."), code="not_open")


def _lock(invitation):
    return SurveyInvitation.objects.select_for_update(of=("self",)).select_related("survey").get(pk=invitation.pk)


def visible_questions(questions, values):
    """Return the questions shown given the values answered so far (conditions resolved in order)."""
    shown, shown_ids = [], set()
    for question in questions:
        if question.condition_question_id is not None:
            if question.condition_question_id not in shown_ids:
                continue
            if not condition_matches(question, values.get(question.condition_question_id)):
                continue
        shown.append(question)
        shown_ids.add(question.pk)
    return shown


def _plain(limit):
    """A limit as people write it: 0 and 1,500 rather than 0.00 and 1500.00."""
    return number_format(limit.normalize(), force_grouping=True) if limit is not None else ""


def _number_in_range(question, number):
    """Refuse a number outside the question's range (a count of people below 0, say)."""
    low, high = question.number_min, question.number_max
    if (low is not None and number < low) or (high is not None and number > high):
        shown = {"low": _plain(low), "high": _plain(high)}
        if low is not None and high is not None:
            message = _("Enter a number from %(low)s to %(high)s.")
        elif low is not None:
            message = _("Enter a number of at least %(low)s.")
        else:
            message = _("Enter a number of at most %(high)s.")
        raise ValidationError(message % shown, code="out_of_range")
    return number


def _clean_value(question, value):
    """Check one value against the question's rules; return it normalized, or raise ValidationError."""
    kind = question.kind
    if value in (None, "", []):
        return None
    if kind in (QuestionKind.SINGLE_CHOICE, QuestionKind.MULTIPLE_CHOICE, QuestionKind.RANKING):
        options = {option.pk: option for option in question.options.all()}
        items = value if isinstance(value, (list, tuple)) else [value]
        picked = [options.get(getattr(item, "pk", item)) for item in items]
        if None in picked:
            raise ValidationError(_("Choose among the options offered."), code="invalid_option")
        if len({option.pk for option in picked}) != len(picked):
            raise ValidationError(_("Each option can be ranked only once."), code="repeated")
        if question.max_choices and len(picked) > question.max_choices and kind != QuestionKind.SINGLE_CHOICE:
            raise ValidationError(_("Choose at most %(count)d.") % {"count": question.max_choices}, code="too_many")
        return picked[0] if kind == QuestionKind.SINGLE_CHOICE else picked
    if kind == QuestionKind.SDG_GOALS:
        goals = {goal.pk: goal for goal in Goal.objects.all()} if not hasattr(question, "_goals") else question._goals
        picked = [goals.get(getattr(item, "pk", item)) for item in value]
        if None in picked:
            raise ValidationError(_("Choose among the 17 SDGs."), code="invalid_option")
        if len({goal.pk for goal in picked}) != len(picked):
            raise ValidationError(_("Each SDG can be ranked only once."), code="repeated")
        if question.max_choices and len(picked) > question.max_choices:
            raise ValidationError(_("Choose at most %(count)d.") % {"count": question.max_choices}, code="too_many")
        return picked
    if kind == QuestionKind.SCALE:
        number = int(value)
        if not SCALE_MIN <= number <= SCALE_MAX:
            raise ValidationError(
                _("Choose a value from %(low)d to %(high)d.") % {"low": SCALE_MIN, "high": SCALE_MAX},
                code="out_of_scale",
            )
        return number
    if kind == QuestionKind.NUMBER:
        return _number_in_range(question, Decimal(value))
    if kind == QuestionKind.YES_NO:
        return bool(value)
    return str(value).strip() or None


def _answer_rows(response, question, value):
    kind = question.kind
    if kind == QuestionKind.SINGLE_CHOICE:
        return [Answer(response=response, question=question, option=value)]
    if kind == QuestionKind.MULTIPLE_CHOICE:
        return [Answer(response=response, question=question, option=option) for option in value]
    if kind == QuestionKind.RANKING:
        return [Answer(response=response, question=question, option=o, rank=i) for i, o in enumerate(value, 1)]
    if kind == QuestionKind.SDG_GOALS:
        return [Answer(response=response, question=question, goal=g, rank=i) for i, g in enumerate(value, 1)]
    if kind in (QuestionKind.SCALE, QuestionKind.NUMBER):
        return [Answer(response=response, question=question, number=value)]
    if kind == QuestionKind.YES_NO:
        return [Answer(response=response, question=question, boolean=value)]
    return [Answer(response=response, question=question, text=value)]


def stored_values(response, questions):
    """Return ``{question_id: value}`` of a response's saved answers, in the form the services take."""
    by_question = {}
    for answer in response.answers.all() if response else []:
        by_question.setdefault(answer.question_id, []).append(answer)
    values = {}
    for question in questions:
        rows = sorted(by_question.get(question.pk, []), key=lambda a: (a.rank or 0, a.pk or 0))
        if not rows:
            continue
        kind = question.kind
        if kind == QuestionKind.SINGLE_CHOICE:
            values[question.pk] = rows[0].option_id
        elif kind in (QuestionKind.MULTIPLE_CHOICE, QuestionKind.RANKING):
            values[question.pk] = [row.option_id for row in rows]
        elif kind == QuestionKind.SDG_GOALS:
            values[question.pk] = [row.goal_id for row in rows]
        elif kind == QuestionKind.SCALE:
            values[question.pk] = int(rows[0].number)
        elif kind == QuestionKind.NUMBER:
            values[question.pk] = rows[0].number
        elif kind == QuestionKind.YES_NO:
            values[question.pk] = rows[0].boolean
        elif kind in TEXT_KINDS:
            values[question.pk] = rows[0].text
    return values


def _questions(survey):
    return list(
        survey.questions.select_related("section", "condition_question").prefetch_related(
            "options", "condition_question__options"
        )
    )


def in_progress_response(invitation):
    """Return the invitation's response in progress, or None."""
    return Response.objects.filter(invitation=invitation, status=ResponseStatus.IN_PROGRESS).first()


class NotSubmitted(ValidationError):
    """The answers were saved but the response could not be submitted (a required answer is missing)."""


@transaction.atomic
def response_save(*, user, invitation, values, draft_secret="", replace=False):
    """Save the given answers (``{question_id: value}``) of an invitation's response in progress.

    Questions not in ``values`` keep their saved answers; a value of None clears one. Answers to
    questions that the saved answers now hide are removed. Nothing is checked for completeness here.
    An anonymous survey's answers go to the draft that ``draft_secret`` (from the respondent's
    browser) opens; a secret that does not match the invitation starts a new draft, which replaces
    one saved from another browser only with ``replace`` (``anonymous.draft_store``).
    """
    invitation = _lock(invitation)
    _check_can_change(invitation, user)
    questions = _questions(invitation.survey)
    if invitation.survey.is_anonymous:
        merged = _draft_merged(invitation, values, questions, draft_secret)
        _save_draft(invitation, merged, draft_secret, replace=replace)
        return merged
    return _save(invitation, user, values, questions)


def response_submit(*, user, invitation, draft_secret="", notice_shown=None):
    """Submit the response in progress: every required question that is shown must be answered."""
    return response_save_and_submit(
        user=user, invitation=invitation, values={}, draft_secret=draft_secret, notice_shown=notice_shown
    )


def response_save_and_submit(*, user, invitation, values, draft_secret="", notice_shown=None, replace=False):
    """Save the answers and submit them in one transaction, under the invitation's lock.

    Two submissions of the same link at once queue on the lock: the first stores its answers and
    submits them; the second then finds the invitation answered and changes nothing. So what is
    stored is what the person told "Thank you" sent. When a required answer is missing the answers
    are kept and ``NotSubmitted`` says what is missing. ``notice_shown``, the privacy notice version the page
    posted as shown, is recorded with a named response; an anonymous one only counts it per survey and version.
    An anonymous submission from another browser than the one that saved the draft is a whole answer and
    needs no ``replace``; kept as a draft because it is incomplete, it does (``response_save``).
    """
    with transaction.atomic():
        # The survey's lock before the invitation's, in the order reminders and the shuffle take them:
        # a submission adds to the survey's counts (``counting``) and, anonymous, reshuffles its responses.
        Survey.objects.select_for_update().filter(pk=invitation.survey_id).first()
        invitation = _lock(invitation)
        _check_can_change(invitation, user)
        questions = _questions(invitation.survey)
        if invitation.survey.is_anonymous:
            merged = _draft_merged(invitation, values, questions, draft_secret)
            missing = _missing(merged, questions, empty=not merged)
            if not missing:
                notices.acknowledge(point=notices.SURVEY, shown=notice_shown, target=invitation.survey)
                return _submit_anonymous(invitation, merged, questions, draft_secret)
            if values:
                _save_draft(invitation, merged, draft_secret, replace=replace)
        else:
            response = _save(invitation, user, values, questions) if values else in_progress_response(invitation)
            missing = _missing(stored_values(response, questions), questions, empty=response is None)
            if not missing:
                response = _submit(invitation, user, response)
                notices.acknowledge(point=notices.SURVEY, shown=notice_shown, target=response, person=user)
                return response
    raise missing  # After the block: the answers just saved are committed.


def _clean_all(values, questions):
    """Return ``{question_id: cleaned value}``, or raise one ValidationError naming every bad answer."""
    by_id = {question.pk: question for question in questions}
    cleaned, errors = {}, {}
    for question_id, value in values.items():
        question = by_id.get(question_id)
        if question is None:
            raise ValidationError(_("This question is not part of the survey."), code="foreign_question")
        try:
            cleaned[question_id] = _clean_value(question, value)
        except ValidationError as error:
            errors[field_name(question)] = error.messages
    if errors:
        raise ValidationError(errors, code="invalid_answer")
    return cleaned


def _as_stored(value):
    """A cleaned value as ``stored_values`` gives it back: primary keys for options and goals."""
    if isinstance(value, list):
        return [getattr(item, "pk", item) for item in value]
    return getattr(value, "pk", value)


def anonymous_saved_values(invitation, secret, questions):
    """Return what an anonymous respondent saved: their draft, or answers in progress from before drafts.

    Answers saved before drafts were encrypted sit in a response in progress linked to the
    invitation; they are offered once more, and removed as soon as the draft or the submission
    takes them over.
    """
    values = anonymous.draft_values(invitation, secret, questions)
    if not values:
        earlier = in_progress_response(invitation)
        if earlier is not None:
            values = stored_values(earlier, questions)
    return values


def _forget_earlier(invitation):
    Response.objects.filter(invitation=invitation, status=ResponseStatus.IN_PROGRESS).delete()


def _draft_merged(invitation, values, questions, secret):
    """Return the values merged into what the secret's anonymous draft holds, without the questions they hide."""
    cleaned = _clean_all(values, questions)
    merged = anonymous_saved_values(invitation, secret, questions)
    merged.update({key: _as_stored(value) for key, value in cleaned.items()})
    shown = {question.pk for question in visible_questions(questions, merged)}
    return {key: value for key, value in merged.items() if value is not None and key in shown}


def _save_draft(invitation, merged, secret, *, replace):
    anonymous.draft_store(invitation, secret, merged, replace=replace)
    _forget_earlier(invitation)


def _submit_anonymous(invitation, values, questions, secret):
    """Store the answers apart from the invitation, mark it answered, and forget the draft."""
    by_id = {question.pk: question for question in questions}
    rows = []
    for question_id, value in _clean_all(values, questions).items():
        if value is not None:
            rows.extend(_answer_rows(None, by_id[question_id], value))
    anonymous.store_shuffled(invitation.survey, rows)
    counting.response_counted(invitation.survey, rows)
    anonymous.draft_discard(secret)
    _forget_earlier(invitation)
    invitation.responded_at = timezone.now()
    invitation.draft_check = ""
    invitation.save(update_fields=["responded_at", "draft_check"])


def _save(invitation, user, values, questions):
    survey = invitation.survey
    by_id = {question.pk: question for question in questions}
    cleaned = _clean_all(values, questions)
    now = timezone.now()
    response = in_progress_response(invitation)
    if response is None:
        response = Response.objects.create(
            survey=survey, invitation=invitation, status=ResponseStatus.IN_PROGRESS, started_at=now
        )
    merged = stored_values(response, questions)
    merged.update({key: _as_stored(value) for key, value in cleaned.items()})
    shown = {question.pk for question in visible_questions(questions, merged)}
    hidden = [question.pk for question in questions if question.pk not in shown]
    response.answers.filter(question_id__in=list(cleaned) + hidden).delete()
    rows = []
    for question_id, value in cleaned.items():
        if value is not None and question_id in shown:
            rows.extend(_answer_rows(response, by_id[question_id], value))
    Answer.objects.bulk_create(rows)
    response.respondent = user
    response.organization = invitation.organization
    response.updated_at = now
    response.save(update_fields=["respondent", "organization", "updated_at"])
    return response


def _missing(values, questions, *, empty):
    """Return ``NotSubmitted`` naming what a submission of these values lacks, or None."""
    missing = {
        field_name(question): _("This question is required.")
        for question in visible_questions(questions, values)
        if question.required and question.pk not in values
    }
    if missing:
        return NotSubmitted(missing, code="required")
    if empty:
        return NotSubmitted(_("Answer at least one question before submitting."), code="empty")
    return None


def _submit(invitation, user, response):
    now = timezone.now()
    response.status = ResponseStatus.SUBMITTED
    response.respondent = user
    response.submitted_at = now
    response.updated_at = now
    response.save()
    invitation.responded_at = now
    invitation.save(update_fields=["responded_at"])
    counting.response_counted(invitation.survey, response.answers.all(), response=response)
    return response
