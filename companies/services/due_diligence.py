"""Writes on due-diligence reviews: start, checklist, evidence, decision."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.models import AuditEvent
from audit.services import audit_record, changes_between
from axs_platform import fragments

from ..models import (
    ChecklistAnswer,
    Decision,
    DueDiligenceReview,
    DueDiligenceState,
    Evidence,
    Finding,
    Organization,
    RiskQuestion,
)
from ..permissions import can_run_due_diligence


def check_review_open(review):
    """Refuse any change to a review that has been decided (the page shows this refusal too)."""
    if review.is_decided:
        raise ValidationError(
            _("This review has been decided and can no longer change; start a new review to renew it."),
            code="review_decided",
        )


def _lock_open_review(actor, review):
    if not can_run_due_diligence(actor):
        raise PermissionDenied
    review = DueDiligenceReview.objects.select_for_update().get(pk=review.pk)
    check_review_open(review)
    return review


@transaction.atomic
@fragments.changes(fragments.DIRECTORY)
def review_start(*, actor, organization, request=None):
    """Open a review with every risk question unchecked.

    An organization never reviewed shows "in progress"; one with a decision keeps it (an approval stays in force
    until its date) while the renewal is open, and the renewal's decision replaces it.
    """
    if not can_run_due_diligence(actor):
        raise PermissionDenied
    organization = Organization.objects.select_for_update().get(pk=organization.pk)
    if DueDiligenceReview.objects.filter(organization=organization, decision="").exists():
        raise ValidationError(_("This organization already has a review in progress."), code="review_open")
    review = DueDiligenceReview.objects.create(organization=organization, started_by=actor)
    ChecklistAnswer.objects.bulk_create(ChecklistAnswer(review=review, question=q) for q in RiskQuestion.values)
    if organization.due_diligence_state == DueDiligenceState.NOT_STARTED:
        organization.due_diligence_state = DueDiligenceState.IN_PROGRESS
        organization.save(update_fields=["due_diligence_state", "updated_at"])
    audit_record(actor=actor, action=AuditEvent.Action.CREATED, target=review, request=request)
    return review


@transaction.atomic
@fragments.changes(fragments.DIRECTORY)
def checklist_save(*, actor, review, answers, summary, evidence=None, request=None):
    """Record the finding and notes of each risk question; ``answers`` maps question to (finding, notes).

    ``evidence`` (a dict with ``title`` and ``file``) is attached in the same transaction, so a document
    uploaded from the review page never costs the notes typed beside it.
    """
    review = _lock_open_review(actor, review)
    unknown = set(answers) - set(RiskQuestion.values)
    if unknown:
        raise ValidationError(_("Unknown question."), code="unknown_question")
    changes = {}
    for answer in review.answers.select_for_update():
        if answer.question not in answers:
            continue
        finding, notes = answers[answer.question]
        Finding(finding)
        notes = (notes or "").strip()
        if (answer.finding, answer.notes) != (finding, notes):
            changes[answer.question] = [answer.finding, finding]
            answer.finding, answer.notes = finding, notes
            answer.save(update_fields=["finding", "notes"])
    summary = (summary or "").strip()
    if summary != review.summary:
        changes["summary"] = [review.summary, summary]
        review.summary = summary
        review.save(update_fields=["summary"])
    if changes:
        audit_record(actor=actor, action=AuditEvent.Action.UPDATED, target=review, changes=changes, request=request)
    if evidence:
        evidence_add(actor=actor, review=review, request=request, **evidence)
    return review


@transaction.atomic
@fragments.changes(fragments.DIRECTORY)
def evidence_add(*, actor, review, title, file, request=None):
    """Attach a document to an open review; the form has checked its size and content."""
    review = _lock_open_review(actor, review)
    evidence = Evidence(review=review, title=title.strip(), file=file, original_name=file.name[:255], uploaded_by=actor)
    evidence.full_clean()
    evidence.save()
    audit_record(
        actor=actor,
        action=AuditEvent.Action.UPDATED,
        target=review,
        message=evidence.title,
        request=request,
        changes={"evidence": [None, evidence.original_name]},
    )
    return evidence


@transaction.atomic
@fragments.changes(fragments.DIRECTORY)
def review_decide(*, actor, review, decision, risk_rating, expires_on, conditions="", request=None):
    """Decide a review as its named reviewer; the organization's due-diligence state follows."""
    review = _lock_open_review(actor, review)
    Decision(decision)
    errors = {}
    if review.answers.filter(finding=Finding.NOT_CHECKED).exists():
        errors["decision"] = ValidationError(
            _("Answer every question of the checklist before deciding."), code="checklist_incomplete"
        )
    conditions = (conditions or "").strip()
    if decision == Decision.APPROVED_WITH_CONDITIONS and not conditions:
        errors["conditions"] = ValidationError(_("State the conditions of the approval."), code="conditions_required")
    if expires_on is None or expires_on <= timezone.localdate():
        errors["expires_on"] = ValidationError(
            _("The review must stay valid until a date in the future."), code="expiry_in_past"
        )
    if errors:
        raise ValidationError(errors)
    review.decision = decision
    review.risk_rating = risk_rating
    review.conditions = conditions if decision == Decision.APPROVED_WITH_CONDITIONS else ""
    review.expires_on = expires_on
    review.reviewer = actor
    review.decided_at = timezone.now()
    review.full_clean()
    review.save()
    organization = Organization.objects.select_for_update().get(pk=review.organization_id)
    organization.due_diligence_state = DueDiligenceState(decision)
    organization.due_diligence_expires_on = expires_on
    organization.save(update_fields=["due_diligence_state", "due_diligence_expires_on", "updated_at"])
    audit_record(
        actor=actor,
        action=AuditEvent.Action.TRANSITION,
        target=review,
        changes=changes_between(
            {}, {"decision": decision, "risk_rating": risk_rating, "expires_on": expires_on.isoformat()}
        ),
        message=review.conditions,
        request=request,
    )
    return review
