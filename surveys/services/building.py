"""Writes that build a survey: the survey itself, sections, questions, options, publishing, closing, copying."""

from datetime import timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone, translation
from django.utils.translation import gettext as _

import search
from audit.models import AuditEvent
from audit.services import audit_record, changes_between, snapshot
from axs_platform import fragments
from axs_platform.dates import implausible_day
from committees.models import MembershipStatus

from .. import permissions, selectors
from ..models import CHOICE_KINDS, SCALE_MAX, SCALE_MIN, Audience, Option, Question, QuestionKind, Section, Survey

SURVEY_FIELDS = [
    "title_es",
    "title_en",
    "description_es",
    "description_en",
    "purpose",
    "committee",
    "audience",
    "response_unit",
    "is_anonymous",
    "opens_at",
    "closes_at",
]
# What may still change once a survey is published: wording and the closing date.
PUBLISHED_EDITABLE = {"title_es", "title_en", "description_es", "description_en", "closes_at"}
QUESTION_FIELDS = [
    "kind",
    "text_es",
    "text_en",
    "help_es",
    "help_en",
    "required",
    "max_choices",
    "scale_min_label_es",
    "scale_min_label_en",
    "scale_max_label_es",
    "scale_max_label_en",
    "condition_question",
    "condition_value",
]
CONDITION_KINDS = (QuestionKind.SINGLE_CHOICE, QuestionKind.MULTIPLE_CHOICE, QuestionKind.YES_NO, QuestionKind.SCALE)
YES_WORDS, NO_WORDS = {"yes", "sí", "si", "true", "1"}, {"no", "false", "0"}


def require(allowed):
    if not allowed:
        raise PermissionDenied


def require_draft(survey):
    if not survey.is_draft:
        raise ValidationError(
            _("This survey is published; its questions can no longer change. Copy it to start a new one."),
            code="published",
        )


def _check_moments(survey):
    moments = {name: implausible_day(getattr(survey, name)) for name in ("opens_at", "closes_at")}
    errors = {name: message for name, message in moments.items() if message}
    if errors:
        raise ValidationError(errors, code="implausible_date")


def _check_audience(actor, survey, chosen_organizations):
    if survey.audience == Audience.COMMITTEE and survey.committee is None:
        raise ValidationError({"committee": _("Choose the committee whose members answer.")}, code="committee_required")
    if survey.audience == Audience.CHOSEN and chosen_organizations is not None and not chosen_organizations:
        raise ValidationError(
            {"chosen_organizations": _("Choose at least one organization.")}, code="organizations_required"
        )
    if not permissions.is_staff_member(actor):
        # A chair's survey belongs to their committee and goes to its members (or some of them).
        require(survey.committee is not None and permissions.can_create_survey(actor, survey.committee))
        if survey.audience == Audience.ALL_MEMBERS:
            raise ValidationError(
                {"audience": _("A committee's survey goes to the committee's members or to some of them.")},
                code="audience_not_allowed",
            )
        if survey.audience == Audience.CHOSEN and chosen_organizations:
            members = set(
                survey.committee.memberships.filter(status=MembershipStatus.ACTIVE).values_list(
                    "organization_id", flat=True
                )
            )
            outsiders = [o for o in chosen_organizations if o.pk not in members]
            if outsiders:
                names = ", ".join(sorted(o.display_name for o in outsiders))
                raise ValidationError(
                    {
                        "chosen_organizations": _("These organizations are not members of the committee: %(names)s.")
                        % {"names": names}
                    },
                    code="not_committee_members",
                )


@transaction.atomic
def survey_create(*, actor, chosen_organizations=None, request=None, **fields):
    """Create a draft survey."""
    require(permissions.can_create_survey(actor, fields.get("committee")))
    survey = Survey(created_by=actor, by_chair=not permissions.is_staff_member(actor), **fields)
    _check_audience(actor, survey, chosen_organizations)
    _check_moments(survey)
    survey.full_clean()
    survey.save()
    search.index(survey)
    if chosen_organizations is not None:
        survey.chosen_organizations.set(chosen_organizations)
    audit_record(
        actor=actor,
        action=AuditEvent.Action.CREATED,
        target=survey,
        request=request,
        changes=changes_between({}, snapshot(survey, SURVEY_FIELDS)),
    )
    return survey


@transaction.atomic
def survey_update(*, actor, survey, chosen_organizations=None, request=None, **fields):
    """Change a survey; once published only its wording and closing date may change."""
    survey = Survey.objects.select_for_update().get(pk=survey.pk)
    require(permissions.can_manage_survey(actor, survey))
    if survey.archived_at:
        raise ValidationError(_("This survey is archived."), code="archived")
    before = snapshot(survey, SURVEY_FIELDS)
    results_shown = "closes_at" in fields and _anonymous_results_shown(survey)  # before the new date applies
    for name, value in fields.items():
        setattr(survey, name, value)
    after = snapshot(survey, SURVEY_FIELDS)
    changed = set(changes_between(before, after))
    if not survey.is_draft:
        if changed - PUBLISHED_EDITABLE:
            raise ValidationError(
                _("Once a survey is published only its wording and closing date can change."), code="published"
            )
        if "closes_at" in changed and survey.closes_at <= timezone.now():
            raise ValidationError({"closes_at": _("Use “Close now” to close the survey.")}, code="closes_in_past")
        if "closes_at" in changed and results_shown:
            message = _(
                "An anonymous survey cannot be reopened once its results have been shown: a new answer "
                "could be told apart. Create a new survey instead."
            )
            raise ValidationError({"closes_at": ValidationError(message, code="reopen_anonymous")})
    else:
        chosen_organizations = (
            chosen_organizations if chosen_organizations is not None else list(survey.chosen_organizations.all())
        )
        _check_audience(actor, survey, chosen_organizations)
    _check_moments(survey)
    survey.full_clean()
    survey.save()
    search.index(survey)
    if survey.is_draft and chosen_organizations is not None:
        survey.chosen_organizations.set(chosen_organizations)
    changes = changes_between(before, after)
    if changes:
        fragments.changed(fragments.SURVEY_RESULTS)  # its title and dates show in the results and the report
        audit_record(actor=actor, action=AuditEvent.Action.UPDATED, target=survey, changes=changes, request=request)
    return survey


def _anonymous_results_shown(survey):
    """Whether an anonymous survey has closed with its answers readable (``selectors.results_withheld``).

    Reopened, each later "answered" mark would single out one organization's answers: the difference between
    the results read before and after it.
    """
    return survey.is_anonymous and not selectors.results_withheld(survey, selectors.respondent_count(survey))


def _locked_draft(actor, survey):
    """Lock a draft its manager is about to change (its sections and questions: what its results page shows)."""
    survey = Survey.objects.select_for_update().get(pk=survey.pk)
    require(permissions.can_manage_survey(actor, survey))
    require_draft(survey)
    fragments.changed(fragments.SURVEY_RESULTS)
    return survey


@transaction.atomic
def section_create(*, actor, survey, title_es, title_en="", description_es="", description_en=""):
    """Add a section at the end of a draft survey."""
    survey = _locked_draft(actor, survey)
    last = survey.sections.aggregate(last=Max("position"))["last"] or 0
    section = Section(
        survey=survey,
        position=last + 1,
        title_es=title_es,
        title_en=title_en,
        description_es=description_es,
        description_en=description_en,
    )
    section.full_clean()
    section.save()
    return section


@transaction.atomic
def section_update(*, actor, section, **fields):
    """Reword a section of a draft survey."""
    _locked_draft(actor, section.survey)
    for name, value in fields.items():
        setattr(section, name, value)
    section.full_clean()
    section.save()
    return section


def condition_matches(question, value):
    """Return whether an answer value (as the respondent form gives it) equals the question's condition."""
    wanted = question.condition_value.strip().lower()
    source = question.condition_question
    if value in (None, "", []):
        return False
    if source.kind == QuestionKind.YES_NO:
        return (wanted in YES_WORDS and value is True) or (wanted in NO_WORDS and value is False)
    if source.kind == QuestionKind.SCALE:
        return str(value) == wanted
    values = value if isinstance(value, (list, tuple)) else [value]
    texts = {option.pk: option.text_es.strip().lower() for option in source.options.all()}
    return any(texts.get(getattr(item, "pk", item)) == wanted for item in values)


def _option_texts(options):
    """The Spanish texts a condition names an option by, as ``condition_matches`` compares them."""
    return {option["text_es"].strip().lower() for option in options}


def _saved_options(question):
    return [
        {"text_es": o.text_es, "text_en": o.text_en, "external_key": o.external_key} for o in question.options.all()
    ]


def _condition_problem(question, source, source_options=None):
    """Return which part of a question's condition on ``source`` can never be met, or ``""``.

    ``"order"``: not an earlier question of the same survey; ``"kind"``: a question no condition can be on;
    ``"value"``: no answer of ``source`` has that value, with its saved options or, about to replace them,
    ``source_options``.
    """
    earlier = (source.section.position, source.position, source.pk) < (
        question.section.position,
        question.position,
        question.pk or 10**12,
    )
    if source.survey_id != question.survey_id or not earlier:
        return "order"
    if source.kind not in CONDITION_KINDS:
        return "kind"
    wanted = question.condition_value.strip().lower()
    if source.kind == QuestionKind.YES_NO:
        valid = wanted in YES_WORDS | NO_WORDS
    elif source.kind == QuestionKind.SCALE:
        valid = wanted.isdigit() and SCALE_MIN <= int(wanted) <= SCALE_MAX
    else:
        valid = wanted in _option_texts(_saved_options(source) if source_options is None else source_options)
    return "" if valid else "value"


def option_length_errors(numbered_options):
    """Return an error for each option, given as ``(line, option)``, whose text is longer than its field holds.

    Cutting it would lose the end the staff member typed without telling them; they shorten it themselves.
    """
    errors = []
    for line, option in numbered_options:
        for name, message in (
            ("text_es", _("The option on line %(line)s is longer than %(limit)s characters; shorten it.")),
            (
                "text_en",
                _("The English text of the option on line %(line)s is longer than %(limit)s characters; shorten it."),
            ),
        ):
            limit = Option._meta.get_field(name).max_length
            if len(option.get(name, "")) > limit:
                errors.append(ValidationError(message % {"line": line, "limit": limit}, code="option_too_long"))
    return errors


def _check_question(question, options):
    errors = {}
    if question.kind in CHOICE_KINDS and len(options) < 2:
        errors["options"] = _("A question of this type needs at least two options.")
    if question.kind not in CHOICE_KINDS and options:
        errors["options"] = _("Only choice and ranking questions have options.")
    if question.kind != QuestionKind.NUMBER and (question.number_min is not None or question.number_max is not None):
        errors["number_min"] = _("Only number questions have a range of numbers accepted.")
    too_long = option_length_errors(enumerate(options, start=1))
    if too_long:
        errors["options"] = too_long
    if question.condition_question_id:
        problem = _condition_problem(question, question.condition_question)
        if problem == "order":
            errors["condition_question"] = _("The condition must be on an earlier question of the same survey.")
        elif problem == "kind":
            errors["condition_question"] = _(
                "A condition can be on a single or multiple choice, yes/no or scale question."
            )
        elif problem == "value":
            errors["condition_value"] = _("This value is not an answer of that question.")
    if errors:
        raise ValidationError(errors, code="invalid_question")


def _check_dependents(question, options):
    """Refuse a change of a question's type or options after which a question shown by its answer never shows."""
    broken = [
        dependent
        for dependent in question.dependent_questions.select_related("section")
        if _condition_problem(dependent, question, options)
    ]
    if broken:
        # A choice question the condition can be on lacks the option; any other type takes or gives no such answer.
        field = "options" if question.kind in CONDITION_KINDS and question.kind in CHOICE_KINDS else "kind"
        message = _(
            "Question “%(question)s” is shown only when this one is answered “%(value)s”; after this change that "
            "answer no longer exists. Change that question's condition first."
        )
        raise ValidationError(
            {
                field: [
                    ValidationError(
                        message % {"question": dependent.text, "value": dependent.condition_value},
                        code="condition_broken",
                    )
                    for dependent in broken
                ]
            }
        )


def _set_options(question, options):
    existing = {option.position: option for option in question.options.all()}
    for position, data in enumerate(options, start=1):
        option = existing.pop(position, None) or Option(question=question, position=position)
        option.text_es = data["text_es"]
        option.text_en = data.get("text_en", "")
        option.external_key = data.get("external_key", "")
        option.full_clean(exclude=["question"])
        option.save()
    for option in existing.values():
        option.delete()


@transaction.atomic
def question_create(*, actor, section, options=(), **fields):
    """Add a question at the end of a section of a draft survey.

    ``options`` is a list of ``{"text_es", "text_en", "external_key"}``; another app (projects, for a
    selection round) puts its own opaque reference in ``external_key`` and reads results back by it.
    """
    survey = _locked_draft(actor, section.survey)
    last = section.questions.aggregate(last=Max("position"))["last"] or 0
    question = Question(survey=survey, section=section, position=last + 1, **fields)
    question.full_clean()
    _check_question(question, list(options))
    question.save()
    _set_options(question, list(options))
    return question


@transaction.atomic
def question_update(*, actor, question, options=None, **fields):
    """Change a question of a draft survey (and, when given, its options)."""
    _locked_draft(actor, question.survey)
    for name, value in fields.items():
        setattr(question, name, value)
    options = list(options) if options is not None else _saved_options(question)
    question.full_clean()
    _check_question(question, options)
    _check_dependents(question, options)
    question.save()
    _set_options(question, options)
    return question


@transaction.atomic
def question_delete(*, actor, question):
    """Remove a question from a draft survey (a draft has no answers)."""
    _locked_draft(actor, question.survey)
    if question.dependent_questions.exists():
        raise ValidationError(_("Other questions are shown depending on this one; change them first."), code="in_use")
    question.delete()


@transaction.atomic
def survey_publish(*, actor, survey, request=None):
    """Publish a draft: its questions are fixed and it opens and closes on its dates."""
    survey = _locked_draft(actor, survey)
    errors = {}
    if not survey.questions.exists():
        errors["__all__"] = _("Add at least one question before publishing.")
    if survey.opens_at is None:
        errors["opens_at"] = _("Say when the survey opens.")
    if survey.closes_at is None:
        errors["closes_at"] = _("Say when the survey closes.")
    elif survey.closes_at <= timezone.now():
        errors["closes_at"] = _("The closing date has passed.")
    message = _(
        "Question “%(question)s” is shown only when “%(source)s” is answered “%(value)s”, which can never happen: "
        "change its condition before publishing."
    )
    broken = [
        ValidationError(
            message
            % {
                "question": question.text,
                "source": question.condition_question.text,
                "value": question.condition_value,
            },
            code="condition_broken",
        )
        for question in survey.questions.filter(condition_question__isnull=False)
        .select_related("section", "condition_question__section")
        .prefetch_related("condition_question__options")
        if _condition_problem(question, question.condition_question)
    ]
    if broken:  # A survey without questions has no condition either.
        errors["__all__"] = broken
    if errors:
        raise ValidationError(errors, code="not_ready")
    survey.published_at = timezone.now()
    survey.save(update_fields=["published_at"])
    search.index(survey)
    audit_record(actor=actor, action=AuditEvent.Action.TRANSITION, target=survey, request=request, message="published")
    return survey


@transaction.atomic
def survey_close(*, actor, survey, request=None):
    """Close an open survey now; answers in progress stay saved but can no longer be submitted."""
    survey = Survey.objects.select_for_update().get(pk=survey.pk)
    require(permissions.can_manage_survey(actor, survey))
    if not survey.is_open:
        raise ValidationError(_("Only an open survey can be closed."), code="not_open")
    survey.closes_at = max(timezone.now(), survey.opens_at + timedelta(seconds=1))
    survey.save(update_fields=["closes_at"])
    search.index(survey)
    fragments.changed(fragments.SURVEY_RESULTS)  # which surveys' results are published (open data)
    audit_record(actor=actor, action=AuditEvent.Action.TRANSITION, target=survey, request=request, message="closed")
    return survey


@transaction.atomic
def survey_copy(*, actor, survey, request=None):
    """Start a new draft from a survey: its sections, questions, options and conditions, without dates."""
    require(permissions.can_manage_survey(actor, survey))
    # Each title in its own language, whatever the language of the page.
    with translation.override("es-mx"):
        title_es = _("%(title)s (copy)") % {"title": survey.title_es}
    with translation.override("en"):
        title_en = _("%(title)s (copy)") % {"title": survey.title_en} if survey.title_en else ""
    copy = Survey.objects.create(
        title_es=title_es,
        title_en=title_en,
        description_es=survey.description_es,
        description_en=survey.description_en,
        purpose=survey.purpose,
        committee=survey.committee,
        audience=survey.audience,
        response_unit=survey.response_unit,
        is_anonymous=survey.is_anonymous,
        copied_from=survey,
        created_by=actor,
        by_chair=not permissions.is_staff_member(actor),
    )
    copy.chosen_organizations.set(survey.chosen_organizations.all())
    search.index(copy)
    question_map = {}
    for section in survey.sections.prefetch_related("questions__options").order_by("position", "id"):
        new_section = Section.objects.create(
            survey=copy,
            position=section.position,
            title_es=section.title_es,
            title_en=section.title_en,
            description_es=section.description_es,
            description_en=section.description_en,
        )
        for question in section.questions.all():
            old_pk = question.pk
            options = list(question.options.all())
            question.pk = None
            question.survey = copy
            question.section = new_section
            question.condition_question = question_map.get(question.condition_question_id)
            question.save()
            question_map[old_pk] = question
            Option.objects.bulk_create(
                Option(
                    question=question,
                    position=o.position,
                    text_es=o.text_es,
                    text_en=o.text_en,
                    external_key=o.external_key,
                )
                for o in options
            )
    audit_record(
        actor=actor, action=AuditEvent.Action.CREATED, target=copy, request=request, message=f"copy of #{survey.pk}"
    )
    return copy


@transaction.atomic
def survey_archive(*, actor, survey, request=None):
    """Archive a survey: it leaves the lists, its responses stay."""
    survey = Survey.objects.select_for_update().get(pk=survey.pk)
    require(permissions.can_manage_survey(actor, survey))
    if survey.is_open:
        raise ValidationError(_("Close the survey before archiving it."), code="open")
    survey.archived_at = timezone.now()
    survey.save(update_fields=["archived_at"])
    search.index(survey)
    fragments.changed(fragments.SURVEY_RESULTS)  # which surveys' results are published (open data)
    audit_record(actor=actor, action=AuditEvent.Action.ARCHIVED, target=survey, request=request)
    return survey
