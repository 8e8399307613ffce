"""Writes on sessions: scheduling, agenda, documents, attendance, minutes and agreements."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.models import AuditEvent
from audit.services import audit_record, changes_between, snapshot
from axs_platform.errors import field_error
from companies.models import Organization

from .. import permissions, selectors
from ..models import (
    AgendaItem,
    Agreement,
    AgreementStatus,
    Attendance,
    AttendanceStatus,
    Committee,
    Membership,
    MembershipStatus,
    Minutes,
    MinutesComment,
    MinutesStatus,
    Session,
    SessionDocument,
    SessionKind,
    SessionStatus,
)
from . import notifications

SESSION_FIELDS = [
    "title",
    "starts_at",
    "ends_at",
    "place",
    "video_url",
    "description",
    "is_public",
    "reported_attendance",
]
# A change to one of these is news for the invitees' calendars: a new SEQUENCE and an e-mail.
CALENDAR_FIELDS = {"title", "starts_at", "ends_at", "place", "video_url", "description"}
AGREEMENT_FIELDS = ["description", "responsible_organization", "responsible_person", "due_on", "status", "follow_up"]


def _require(allowed):
    if not allowed:
        raise PermissionDenied


def _check_schedule(fields, *, check_past=True):
    starts_at, ends_at = fields.get("starts_at"), fields.get("ends_at")
    if check_past and starts_at is not None and starts_at <= timezone.now():
        raise field_error(
            "starts_at",
            _("A session cannot be scheduled in the past. Choose a date and time from now on."),
            "session_in_past",
        )
    if starts_at and ends_at and ends_at <= starts_at:
        raise field_error("ends_at", _("The session must end after it starts."), "ends_before_start")
    if not (fields.get("place") or "").strip() and not (fields.get("video_url") or "").strip():
        raise ValidationError(_("Give a place or a video link, or both."), code="no_place")


@transaction.atomic
def session_schedule(*, actor, committee=None, kind=SessionKind.COMMITTEE, request=None, **fields):
    """Schedule a session of a committee, or (staff) a plenary or the session of chairs; invite by e-mail.

    A session whose start has passed is recorded as held, so its attendance and minutes can follow;
    nobody is invited to it. The committee's secretary may record such sessions, not schedule new ones.
    """
    permissions.forget_standing(actor)
    if committee is not None:
        committee = Committee.objects.select_for_update().get(pk=committee.pk)
        kind = SessionKind.COMMITTEE
    elif kind == SessionKind.COMMITTEE:
        raise field_error("committee", _("Choose the committee."), "committee_required")
    starts_at = fields.get("starts_at")
    took_place = starts_at is not None and starts_at <= timezone.now()
    if not took_place and not permissions.can_schedule_session(actor, committee):
        _require(permissions.can_record_past_session(actor, committee))
        raise field_error(
            "starts_at",
            _("Only a session that already took place can be recorded here; the chair schedules upcoming ones."),
            "session_not_held_yet",
        )
    _require(permissions.can_record_past_session(actor, committee))
    _check_schedule(fields, check_past=False)
    status = SessionStatus.HELD if took_place else SessionStatus.SCHEDULED
    session = Session(kind=kind, committee=committee, created_by=actor, status=status, **fields)
    session.full_clean()
    session.save()
    audit_record(
        actor=actor,
        action=AuditEvent.Action.CREATED,
        target=session,
        changes=changes_between({}, snapshot(session, SESSION_FIELDS)),
        request=request,
    )
    if not took_place:
        notifications.notify_session(session, event=notifications.INVITATION)
    return session


def _locked_session(session):
    return Session.objects.select_for_update(of=("self",)).select_related("committee").get(pk=session.pk)


@transaction.atomic
def session_update(*, actor, session, request=None, **fields):
    """Change a session; when its date, place or title changes, invitees get the new calendar entry."""
    permissions.forget_standing(actor)
    session = _locked_session(session)
    _require(permissions.can_manage_session(actor, session))
    if session.is_cancelled:
        raise ValidationError(_("This session was cancelled; it cannot be changed."), code="cancelled")
    before = snapshot(session, SESSION_FIELDS)
    moved = "starts_at" in fields and fields["starts_at"] != session.starts_at
    merged = {name: fields.get(name, getattr(session, name)) for name in ("starts_at", "ends_at", "place", "video_url")}
    _check_schedule(merged, check_past=moved)
    for name, value in fields.items():
        setattr(session, name, value)
    changes = changes_between(before, snapshot(session, SESSION_FIELDS))
    calendar_changed = bool(CALENDAR_FIELDS & set(changes))
    if calendar_changed:
        session.sequence += 1
    session.full_clean()
    session.save()
    if changes:
        audit_record(actor=actor, action=AuditEvent.Action.UPDATED, target=session, changes=changes, request=request)
    if calendar_changed and session.is_upcoming:
        notifications.notify_session(session, event=notifications.CHANGE)
    return session


@transaction.atomic
def session_cancel(*, actor, session, reason, request=None):
    """Cancel an upcoming session and send invitees the cancellation for their calendars."""
    permissions.forget_standing(actor)
    session = _locked_session(session)
    _require(permissions.can_manage_session(actor, session))
    if session.is_cancelled:
        raise ValidationError(_("This session is already cancelled."), code="cancelled")
    if not session.is_upcoming:
        raise ValidationError(_("A session that has already started cannot be cancelled."), code="session_started")
    if not reason.strip():
        raise field_error("reason", _("Say why the session is cancelled."), "reason_required")
    session.status = SessionStatus.CANCELLED
    session.sequence += 1
    session.save(update_fields=["status", "sequence", "updated_at"])
    audit_record(
        actor=actor,
        action=AuditEvent.Action.TRANSITION,
        target=session,
        changes={"status": [SessionStatus.SCHEDULED, SessionStatus.CANCELLED]},
        message=reason.strip(),
        request=request,
    )
    notifications.notify_session(session, event=notifications.CANCELLATION)
    return session


@transaction.atomic
def agenda_item_add(*, actor, session, title, notes="", request=None):
    """Add an item at the end of a session's agenda."""
    permissions.forget_standing(actor)
    session = _locked_session(session)
    _require(permissions.can_manage_session(actor, session))
    if session.is_cancelled:
        raise ValidationError(_("This session was cancelled; it cannot be changed."), code="cancelled")
    position = (session.agenda.aggregate(last=Max("position"))["last"] or 0) + 1
    item = AgendaItem(session=session, position=position, title=title.strip(), notes=notes)
    item.full_clean()
    item.save()
    audit_record(
        actor=actor,
        action=AuditEvent.Action.CREATED,
        target=item,
        changes=changes_between({}, snapshot(item, ["position", "title", "notes"])),
        request=request,
    )
    return item


@transaction.atomic
def agenda_item_update(*, actor, item, title, notes="", request=None):
    """Reword an agenda item."""
    permissions.forget_standing(actor)
    session = _locked_session(item.session)
    _require(permissions.can_manage_session(actor, session))
    if session.is_cancelled:
        raise ValidationError(_("This session was cancelled; it cannot be changed."), code="cancelled")
    item = AgendaItem.objects.get(pk=item.pk, session=session)
    before = snapshot(item, ["title", "notes"])
    item.title, item.notes = title.strip(), notes
    item.full_clean()
    item.save(update_fields=["title", "notes"])
    changes = changes_between(before, snapshot(item, ["title", "notes"]))
    if changes:
        audit_record(actor=actor, action=AuditEvent.Action.UPDATED, target=item, changes=changes, request=request)
    return item


@transaction.atomic
def agenda_item_move(*, actor, item, direction, request=None):
    """Swap an agenda item with the one before (``up``) or after (``down``) it."""
    permissions.forget_standing(actor)
    session = _locked_session(item.session)
    _require(permissions.can_manage_session(actor, session))
    if session.is_cancelled:
        raise ValidationError(_("This session was cancelled; it cannot be changed."), code="cancelled")
    if direction not in ("up", "down"):
        raise ValidationError(_("Move an item up or down."), code="bad_direction")
    item = AgendaItem.objects.get(pk=item.pk, session=session)
    neighbours = session.agenda.exclude(pk=item.pk)
    neighbour = (
        neighbours.filter(position__lt=item.position).order_by("-position").first()
        if direction == "up"
        else neighbours.filter(position__gt=item.position).order_by("position").first()
    )
    if neighbour is None:
        return item
    old, new = item.position, neighbour.position
    # Positions are unique per session: park the item at 0 while its neighbour takes its place.
    AgendaItem.objects.filter(pk=item.pk).update(position=0)
    AgendaItem.objects.filter(pk=neighbour.pk).update(position=old)
    AgendaItem.objects.filter(pk=item.pk).update(position=new)
    item.position = new
    audit_record(
        actor=actor, action=AuditEvent.Action.UPDATED, target=item, changes={"position": [old, new]}, request=request
    )
    return item


@transaction.atomic
def document_add(*, actor, session, title, file, request=None):
    """Attach a document to a session."""
    permissions.forget_standing(actor)
    session = _locked_session(session)
    _require(permissions.can_manage_session(actor, session) or permissions.can_record_session_outcome(actor, session))
    document = SessionDocument(
        session=session,
        title=title.strip(),
        file=file,
        original_name=getattr(file, "name", "")[:255],
        uploaded_by=actor,
    )
    document.full_clean()
    document.save()
    audit_record(actor=actor, action=AuditEvent.Action.CREATED, target=document, request=request)
    return document


@transaction.atomic
def attendance_confirm(*, actor, session, response, request=None):
    """Let a member say beforehand whether they will attend."""
    permissions.forget_standing(actor)
    session = _locked_session(session)
    if session.is_cancelled or not session.is_upcoming:
        raise ValidationError(_("Attendance can only be confirmed for upcoming sessions."), code="not_upcoming")
    organization = permissions.attendance_organization(actor, session)
    if organization is None:
        raise PermissionDenied
    attendance, _created = Attendance.objects.select_for_update().get_or_create(
        session=session, person=actor, defaults={"organization": organization}
    )
    before = attendance.response
    attendance.response = response
    attendance.organization = organization
    attendance.save()
    audit_record(
        actor=actor,
        action=AuditEvent.Action.UPDATED,
        target=attendance,
        changes={"response": [before or None, response]},
        request=request,
    )
    return attendance


@transaction.atomic
def attendance_record(*, actor, session, entries, request=None):
    """Record who was present, excused or absent; ``entries`` maps people to an AttendanceStatus or ''.

    Everybody listed must be entitled to attend (a representative of a current member, for a
    committee session); the whole list is refused otherwise, naming who is not.
    """
    permissions.forget_standing(actor)
    session = _locked_session(session)
    _require(permissions.can_record_session_outcome(actor, session))
    if session.is_cancelled:
        raise ValidationError(_("This session was cancelled; it has no attendance."), code="cancelled")
    if session.starts_at.date() > timezone.localdate():
        raise ValidationError(_("Attendance is recorded once the session takes place."), code="session_not_held")
    resolved = []
    for person, status in entries.items():
        if status and status not in AttendanceStatus.values:
            raise ValueError(f"Unknown attendance status {status!r}")
        organization = permissions.attendance_organization(person, session)
        if organization is None:
            raise ValidationError(
                _("%(person)s is not a member of this committee and cannot be recorded as attending.")
                % {"person": person.full_name or person.email},
                code="not_a_member",
            )
        resolved.append((person, organization, status))
    existing = {a.person_id: a for a in Attendance.objects.select_for_update().filter(session=session)}
    changes = {}
    for person, organization, status in resolved:
        attendance = existing.get(person.pk)
        if attendance is None:
            if not status:
                continue
            attendance = Attendance(session=session, person=person, organization=organization)
        elif attendance.status == status:
            continue
        changes[person.email] = [attendance.status or None, status or None]
        attendance.status = status
        attendance.recorded_by = actor
        attendance.save()
    if changes:
        audit_record(
            actor=actor,
            action=AuditEvent.Action.UPDATED,
            target=session,
            changes=changes,
            message=_("Attendance recorded."),
            request=request,
        )
    return len(changes)


def _latest_minutes(session):
    return Minutes.objects.select_for_update().filter(session=session).order_by("-version").first()


@transaction.atomic
def minutes_save_draft(*, actor, session, body, correction_note="", request=None):
    """Write or rewrite the draft minutes. Approved minutes are frozen: a correction is a new version."""
    permissions.forget_standing(actor)
    session = _locked_session(session)
    _require(permissions.can_record_session_outcome(actor, session))
    if not body.strip():
        raise field_error("body", _("Write the minutes."), "empty")
    if session.starts_at.date() > timezone.localdate():
        raise ValidationError(_("Minutes are written once the session takes place."), code="session_not_held")
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
def minutes_approve(*, actor, minutes, approved_at_session=None, request=None):
    """Approve draft minutes (the chair, or at a later session); they are frozen and sent to members."""
    permissions.forget_standing(actor)
    minutes = Minutes.objects.select_for_update(of=("self",)).select_related("session__committee").get(pk=minutes.pk)
    session = minutes.session
    _require(permissions.can_approve_minutes(actor, session))
    if not minutes.is_draft:
        raise ValidationError(_("These minutes are already approved."), code="minutes_frozen")
    if approved_at_session is not None and (
        approved_at_session.committee_id != session.committee_id or approved_at_session.starts_at <= session.starts_at
    ):
        raise field_error("approved_at_session", _("Choose a later session of the same committee."), "wrong_session")
    minutes.status = MinutesStatus.APPROVED
    minutes.approved_by = actor
    minutes.approved_at = timezone.now()
    minutes.approved_at_session = approved_at_session
    minutes.save()
    audit_record(
        actor=actor,
        action=AuditEvent.Action.TRANSITION,
        target=minutes,
        changes={"status": [MinutesStatus.DRAFT, MinutesStatus.APPROVED]},
        request=request,
    )
    notifications.notify_minutes_published(minutes)
    return minutes


@transaction.atomic
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


def _check_agreement(session, fields):
    organization = fields.get("responsible_organization")
    person = fields.get("responsible_person")
    if organization is None and person is None:
        raise ValidationError(
            _("An agreement needs someone responsible: choose an organization, a person, or both."),
            code="no_responsible",
        )
    if (
        organization is not None
        and session.kind == SessionKind.COMMITTEE
        and not Membership.objects.filter(
            committee_id=session.committee_id, organization=organization, status=MembershipStatus.ACTIVE
        ).exists()
    ):
        raise field_error(
            "responsible_organization",
            _("The responsible organization must be a current member of the committee."),
            "responsible_not_member",
        )
    if isinstance(organization, Organization) and organization.is_archived:
        raise field_error("responsible_organization", _("This organization is archived."), "archived_organization")
    if person is not None and not selectors.agreement_people(session, organization).filter(pk=person.pk).exists():
        if organization is not None:
            message = _("%(person)s does not represent %(organization)s; choose one of its representatives.") % {
                "person": person.full_name,
                "organization": organization,
            }
            raise field_error("responsible_person", message, "responsible_person_not_of_organization")
        message = _("%(person)s does not represent an organization that can answer for this agreement.") % {
            "person": person.full_name
        }
        raise field_error("responsible_person", message, "responsible_person_not_member")


@transaction.atomic
def agreement_create(*, actor, session, request=None, **fields):
    """Record an agreement taken at a session."""
    permissions.forget_standing(actor)
    session = _locked_session(session)
    _require(permissions.can_record_session_outcome(actor, session))
    if session.is_cancelled:
        raise ValidationError(_("This session was cancelled; it has no agreements."), code="cancelled")
    _check_agreement(session, fields)
    agreement = Agreement(session=session, committee=session.committee, created_by=actor, **fields)
    agreement.full_clean()
    agreement.save()
    audit_record(
        actor=actor,
        action=AuditEvent.Action.CREATED,
        target=agreement,
        changes=changes_between({}, snapshot(agreement, AGREEMENT_FIELDS)),
        request=request,
    )
    return agreement


@transaction.atomic
def agreement_update(*, actor, agreement, request=None, **fields):
    """Follow an agreement up: its status, notes, due date or who answers for it."""
    permissions.forget_standing(actor)
    agreement = Agreement.objects.select_for_update(of=("self",)).select_related("session").get(pk=agreement.pk)
    _require(permissions.can_record_session_outcome(actor, agreement.session))
    organization = fields.get("responsible_organization", agreement.responsible_organization)
    person = fields.get("responsible_person", agreement.responsible_person)
    if (getattr(organization, "pk", None), getattr(person, "pk", None)) != (
        agreement.responsible_organization_id,
        agreement.responsible_person_id,
    ):
        _check_agreement(agreement.session, {"responsible_organization": organization, "responsible_person": person})
    before = snapshot(agreement, AGREEMENT_FIELDS)
    for name, value in fields.items():
        setattr(agreement, name, value)
    if agreement.status == AgreementStatus.DONE and agreement.completed_on is None:
        agreement.completed_on = timezone.localdate()
    elif agreement.status != AgreementStatus.DONE:
        agreement.completed_on = None
    agreement.full_clean()
    agreement.save()
    changes = changes_between(before, snapshot(agreement, AGREEMENT_FIELDS))
    if changes:
        audit_record(actor=actor, action=AuditEvent.Action.UPDATED, target=agreement, changes=changes, request=request)
    return agreement
