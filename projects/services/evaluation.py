"""The evaluation matrix: assigning evaluators, declaring conflicts of interest, scoring, submitting."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.models import AuditEvent
from audit.services import audit_record
from axs_platform import fragments
from axs_platform.dates import implausible_day
from notifications import kinds

from .. import permissions
from ..criteria import Criterion
from ..models import Evaluation, EvaluationStatus, Score
from .common import COMMENT_MAX_LENGTH, locked, notify, refuse_long_text, require
from .matrix import matrix_total_refresh


@transaction.atomic
@fragments.changes(fragments.MATRIX)
def evaluator_assign(*, actor, proposal, evaluator, due_on=None, request=None, today=None):
    """Ask an evaluator to score a proposal, by a due date if given; they are told by e-mail."""
    proposal = locked(proposal)
    require(permissions.can_review(actor, proposal))
    if proposal.status not in permissions.EVALUABLE:
        raise ValidationError(
            _("A proposal that is “%(status)s” is not being evaluated.") % {"status": proposal.get_status_display()},
            code="not_evaluable",
        )
    require(permissions.can_assign_evaluators(actor, proposal))
    if not permissions.is_evaluator(evaluator):
        raise ValidationError(
            {"evaluator": _("Only people with the evaluator role can evaluate.")}, code="not_evaluator"
        )
    if Evaluation.objects.filter(proposal=proposal, evaluator=evaluator).exclude(status="withdrawn").exists():
        raise ValidationError(
            {"evaluator": _("This evaluator is already assigned to this proposal.")}, code="already_assigned"
        )
    if message := implausible_day(due_on):
        raise ValidationError({"due_on": message}, code="implausible_date")
    if due_on is not None and due_on < (today or timezone.localdate()):
        raise ValidationError({"due_on": _("The due date cannot be in the past.")}, code="due_in_past")
    evaluation = Evaluation.objects.create(proposal=proposal, evaluator=evaluator, assigned_by=actor, due_on=due_on)
    matrix_total_refresh(proposal.pk)
    audit_record(
        actor=actor, action="projects.evaluator_assigned", target=proposal, message=str(evaluator), request=request
    )
    notify(
        [evaluator],
        kind=kinds.EVALUATION,
        template="evaluation_assigned",
        context={"proposal": proposal, "evaluation": evaluation},
        link=reverse("projects:evaluation", args=[evaluation.pk]),
    )
    return evaluation


@transaction.atomic
@fragments.changes(fragments.MATRIX)
def evaluator_unassign(*, actor, evaluation, request=None):
    """Withdraw an assignment that has not been submitted; the row stays as history."""
    evaluation = Evaluation.objects.select_for_update(of=("self",)).select_related("proposal").get(pk=evaluation.pk)
    require(permissions.can_review(actor, evaluation.proposal))
    if evaluation.status == EvaluationStatus.SUBMITTED:
        raise ValidationError(_("A submitted evaluation stays in the matrix."), code="already_submitted")
    evaluation.status = EvaluationStatus.WITHDRAWN
    evaluation.save(update_fields=["status"])
    matrix_total_refresh(evaluation.proposal_id)
    audit_record(
        actor=actor,
        action="projects.evaluator_unassigned",
        target=evaluation.proposal,
        message=str(evaluation.evaluator),
    )
    return evaluation


def _own(actor, evaluation):
    evaluation = Evaluation.objects.select_for_update(of=("self",)).select_related("proposal").get(pk=evaluation.pk)
    require(permissions.can_open_evaluation(actor, evaluation))
    if evaluation.status == EvaluationStatus.CONFLICT:
        raise ValidationError(
            _("You declared a conflict of interest with this proposal, so you cannot score it."), code="conflict"
        )
    if evaluation.status in (EvaluationStatus.SUBMITTED, EvaluationStatus.WITHDRAWN):
        raise ValidationError(_("This evaluation is closed."), code="evaluation_closed")
    if evaluation.proposal.status not in permissions.EVALUABLE:
        raise ValidationError(_("This proposal is no longer being evaluated."), code="not_evaluable")
    return evaluation


@transaction.atomic
@fragments.changes(fragments.MATRIX)
def conflict_declare(*, actor, evaluation, has_conflict, statement="", request=None):
    """Declare, before scoring, whether the evaluator has a conflict of interest with the proposal."""
    evaluation = _own(actor, evaluation)
    if evaluation.has_conflict is not None:
        raise ValidationError(_("The declaration was already made."), code="already_declared")
    if has_conflict and not statement.strip():
        raise ValidationError(
            {"conflict_statement": _("Describe the conflict of interest.")}, code="statement_required"
        )
    evaluation.has_conflict = has_conflict
    evaluation.conflict_statement = statement.strip()
    evaluation.declared_at = timezone.now()
    evaluation.status = EvaluationStatus.CONFLICT if has_conflict else EvaluationStatus.IN_PROGRESS
    evaluation.save()
    matrix_total_refresh(evaluation.proposal_id)
    audit_record(
        actor=actor,
        action="projects.conflict_declared" if has_conflict else "projects.no_conflict_declared",
        target=evaluation.proposal,
        message=evaluation.conflict_statement,
        request=request,
    )
    return evaluation


@transaction.atomic
@fragments.changes(fragments.MATRIX)
def scores_save(*, actor, evaluation, scores, overall_comment="", submit=False, request=None):
    """Save scores ``{criterion: (score or None, comment)}``; submitting needs all thirteen."""
    evaluation = _own(actor, evaluation)
    if evaluation.has_conflict is None:
        raise ValidationError(
            _("Declare first whether you have a conflict of interest with this proposal."), code="declare_first"
        )
    errors = {}
    for criterion, (score, _comment) in scores.items():
        if criterion not in Criterion.values:
            raise ValueError(criterion)
        if score is not None and not 0 <= score <= 5:
            errors[f"score_{criterion}"] = _("Scores go from 0 to 5.")
    if submit:
        for criterion in Criterion.values:
            if scores.get(criterion, (None, ""))[0] is None:
                errors.setdefault(f"score_{criterion}", _("Score this criterion before submitting."))
    if errors:
        raise ValidationError(errors, code="scores_invalid")
    refuse_long_text("overall_comment", overall_comment, COMMENT_MAX_LENGTH)
    for criterion, (_score, comment) in scores.items():
        refuse_long_text(f"comment_{criterion}", comment, COMMENT_MAX_LENGTH)
    for criterion, (score, comment) in scores.items():
        if score is None:
            Score.objects.filter(evaluation=evaluation, criterion=criterion).delete()
            continue
        Score.objects.update_or_create(
            evaluation=evaluation, criterion=criterion, defaults={"score": score, "comment": comment.strip()}
        )
    evaluation.overall_comment = overall_comment.strip()
    if submit:
        evaluation.status = EvaluationStatus.SUBMITTED
        evaluation.submitted_at = timezone.now()
        audit_record(
            actor=actor,
            action=AuditEvent.Action.TRANSITION,
            target=evaluation.proposal,
            changes={"evaluation": ["in_progress", "submitted"]},
            request=request,
        )
    evaluation.save()
    matrix_total_refresh(evaluation.proposal_id)
    return evaluation
