"""Minutes: drafts, corrections as new versions, approval (which publishes them) and comments."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.models import AuditEvent
from audit.services import audit_record
from axs_platform import fragments
from axs_platform.errors import field_error

from .. import permissions
from ..models import (
    Minutes,
    MinutesComment,
    MinutesStatus,
)
from ..search_kinds import index_session
from . import notifications
from .sessions import _locked_session, _require


def minutes_refusal(session):
    """Return why no minutes can be written of the session yet (a ValidationError), or None when they can."""
    if session.is_cancelled:
        return ValidationError(_("This session was cancelled; it has no minutes."), code="cancelled")
    if session.is_upcoming:
        return ValidationError(_("Minutes are written once the session takes place."), code="session_not_held")
    return None


def _latest_minutes(session):
    return Minutes.objects.select_for_update().filter(session=session).order_by("-version").first()


@transaction.atomic
@fragments.changes(fragments.COMMITTEES)
def minutes_save_draft(*, actor, session, body, correction_note="", request=None):
    """Write or rewrite the draft minutes. Approved minutes are frozen: a correction is a new version."""
    permissions.forget_standing(actor)
    session = _locked_session(session)
    _require(permissions.can_record_session_outcome(actor, session))
    refusal = minutes_refusal(session)
    if refusal is not None:
        raise refusal
    if not body.strip():
        raise field_error("body", _("Write the minutes."), "empty")
    latest = _latest_minutes(session)
    if latest is not None and not latest.is_draft:
        raise ValidationError(
            _("Approved minutes cannot be edited. Start a correction, which becomes a new version once approved."),
            code="minutes_frozen",
        )
    if latest is None:
        minutes = Minutes.objects.create(session=session, version=1, body=body, drafted_by=actor)
        audit_record(actor=actor, action=AuditEvent.Action.CREATED, target=minutes, request=request)
        return minutes
    before = latest.body
    latest.body = body
    latest.correction_note = correction_note or latest.correction_note
    latest.drafted_by = actor
    latest.drafted_at = timezone.now()
    latest.save()
    if before != body:
        audit_record(
            actor=actor,
            action=AuditEvent.Action.UPDATED,
            target=latest,
            changes={"body": [before, body]},
            request=request,
        )
    return latest


@transaction.atomic
@fragments.changes(fragments.COMMITTEES)
def minutes_start_correction(*, actor, session, body, correction_note, request=None):
    """Open a new draft version of approved minutes, saying what it corrects."""
    permissions.forget_standing(actor)
    session = _locked_session(session)
    _require(permissions.can_record_session_outcome(actor, session))
    latest = _latest_minutes(session)
    if latest is None or latest.is_draft:
        raise ValidationError(_("There are no approved minutes to correct."), code="nothing_to_correct")
    if not correction_note.strip():
        raise field_error("correction_note", _("Say what the correction is about."), "reason_required")
    if not body.strip():
        raise field_error("body", _("Write the minutes."), "empty")
    minutes = Minutes.objects.create(
        session=session,
        version=latest.version + 1,
        body=body,
        correction_note=correction_note.strip(),
        drafted_by=actor,
    )
    audit_record(
        actor=actor, action=AuditEvent.Action.CREATED, target=minutes, message=minutes.correction_note, request=request
    )
    return minutes


@transaction.atomic
@fragments.changes(fragments.COMMITTEES)
def minutes_approve(*, actor, minutes, approved_at_session=None, request=None):
    """Approve draft minutes (the chair, or at a later session); they are frozen and sent to members."""
    permissions.forget_standing(actor)
    minutes = Minutes.objects.select_for_update(of=("self",)).select_related("session__committee").get(pk=minutes.pk)
    session = minutes.session
    _require(permissions.can_approve_minutes(actor, session))
    if not minutes.is_draft:
        raise ValidationError(_("These minutes are already approved."), code="minutes_frozen")
    if session.is_cancelled:
        raise ValidationError(_("This session was cancelled; it has no minutes."), code="cancelled")
    if session.is_upcoming:
        raise ValidationError(_("Minutes are approved once the session takes place."), code="session_not_held")
    if approved_at_session is not None and (
        approved_at_session.committee_id != session.committee_id or approved_at_session.starts_at <= session.starts_at
    ):
        raise field_error("approved_at_session", _("Choose a later session of the same committee."), "wrong_session")
    if approved_at_session is not None and (approved_at_session.is_cancelled or approved_at_session.is_upcoming):
        raise field_error(
            "approved_at_session",
            _("Choose a session that took place: a cancelled session or one still to come approved nothing."),
            "session_not_held",
        )
    minutes.status = MinutesStatus.APPROVED
    minutes.approved_by = actor
    minutes.approved_at = timezone.now()
    minutes.approved_at_session = approved_at_session
    minutes.save()
    index_session(session)
    audit_record(
        actor=actor,
        action=AuditEvent.Action.TRANSITION,
        target=minutes,
        changes={"status": [MinutesStatus.DRAFT, MinutesStatus.APPROVED]},
        request=request,
        seal=True,  # The approved text's digest joins the audit chain.
    )
    notifications.notify_minutes_published(minutes)
    return minutes


@transaction.atomic
@fragments.changes(fragments.COMMITTEES)
def minutes_comment(*, actor, minutes, body, request=None):
    """Comment, as a member, on draft minutes."""
    permissions.forget_standing(actor)
    minutes = Minutes.objects.select_for_update(of=("self",)).select_related("session").get(pk=minutes.pk)
    _require(permissions.can_comment_on_minutes(actor, minutes.session))
    if not minutes.is_draft:
        raise ValidationError(_("Approved minutes take no more comments."), code="minutes_frozen")
    if not body.strip():
        raise field_error("body", _("Write your comment."), "empty")
    comment = MinutesComment.objects.create(minutes=minutes, author=actor, body=body.strip())
    audit_record(actor=actor, action=AuditEvent.Action.CREATED, target=comment, request=request)
    return comment


def minutes_approve_draft(*, actor, session, approved_at_session=None, request=None):
    """Approve the session's draft minutes, or refuse when it has none."""
    draft = Minutes.objects.filter(session=session, status=MinutesStatus.DRAFT).order_by("-version").first()
    if draft is None:
        raise ValidationError(_("There are no draft minutes to approve."), code="no_draft")
    return minutes_approve(actor=actor, minutes=draft, approved_at_session=approved_at_session, request=request)
