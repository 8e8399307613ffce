"""Writes on sessions: scheduling, changing and cancelling them, their agenda, documents and attendance."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

import search
from audit.models import AuditEvent
from audit.services import audit_record, changes_between, snapshot
from axs_platform import fragments
from axs_platform.dates import DatePrecision, implausible_day
from axs_platform.errors import field_error

from .. import permissions
from ..models import (
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Committee,
    MinutesStatus,
    Session,
    SessionDocument,
    SessionKind,
    SessionStatus,
)
from ..search_kinds import index_session
from . import notifications

SESSION_FIELDS = [
    "title",
    "title_en",
    "starts_at",
    "ends_at",
    "date_precision",
    "time_known",
    "place",
    "video_url",
    "description",
    "is_public",
    "reported_attendance",
]
# A change to any field but who may see it and the reported figure is news for the invitees' calendars:
# a new SEQUENCE and an e-mail.
CALENDAR_FIELDS = set(SESSION_FIELDS) - {"is_public", "reported_attendance"}


def _require(allowed):
    if not allowed:
        raise PermissionDenied


def _check_schedule(fields, *, check_past=True):
    starts_at, ends_at = fields.get("starts_at"), fields.get("ends_at")
    for name, moment in (("starts_at", starts_at), ("ends_at", ends_at)):
        if message := implausible_day(moment):
            raise field_error(name, message, "implausible_date")
    if check_past and starts_at is not None and starts_at <= timezone.now():
        raise field_error(
            "starts_at",
            _("A session cannot be scheduled in the past. Choose a date and time from now on."),
            "session_in_past",
        )
    upcoming = starts_at is not None and starts_at > timezone.now()
    exact = fields.get("date_precision", DatePrecision.DAY) == DatePrecision.DAY and fields.get("time_known", True)
    if upcoming and not exact:
        # Invitations and calendars need the hour; only a session that took place may lack it.
        raise field_error(
            "time_known",
            _("A session to come needs its exact date and its start and end time."),
            "upcoming_without_hour",
        )
    if starts_at and ends_at and ends_at <= starts_at:
        raise field_error("ends_at", _("The session must end after it starts."), "ends_before_start")
    if not (fields.get("place") or "").strip() and not (fields.get("video_url") or "").strip():
        raise ValidationError(_("Give a place or a video link, or both."), code="no_place")


@transaction.atomic
@fragments.changes(fragments.COMMITTEES)
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
    index_session(session)
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
@fragments.changes(fragments.COMMITTEES)
def session_update(*, actor, session, request=None, **fields):
    """Change a session; when its date, place or title changes, invitees get the new calendar entry."""
    permissions.forget_standing(actor)
    session = _locked_session(session)
    _require(permissions.can_manage_session(actor, session))
    if session.is_cancelled:
        raise ValidationError(_("This session was cancelled; it cannot be changed."), code="cancelled")
    before = snapshot(session, SESSION_FIELDS)
    moved = "starts_at" in fields and fields["starts_at"] != session.starts_at
    # Whether it was recorded as held or scheduled and then held, a session whose start has passed took place:
    # its attendance, minutes and agreements belong to that moment.
    if moved and not session.is_upcoming and fields["starts_at"] > timezone.now():
        raise field_error(
            "starts_at",
            _(
                "This session already took place; its date can only be corrected to another past moment. "
                "Schedule a new one instead."
            ),
            "held_session_to_future",
        )
    merged = {
        name: fields.get(name, getattr(session, name))
        for name in ("starts_at", "ends_at", "date_precision", "time_known", "place", "video_url")
    }
    # Only a session still to come is being scheduled; the date of one that took place is a record, corrected
    # to another past moment (never to one to come, above).
    _check_schedule(merged, check_past=moved and session.is_upcoming)
    for name, value in fields.items():
        setattr(session, name, value)
    changes = changes_between(before, snapshot(session, SESSION_FIELDS))
    calendar_changed = bool(CALENDAR_FIELDS & set(changes))
    if calendar_changed:
        session.sequence += 1
    session.full_clean()
    session.save()
    index_session(session)
    if changes:
        audit_record(actor=actor, action=AuditEvent.Action.UPDATED, target=session, changes=changes, request=request)
    if calendar_changed and session.is_upcoming:
        notifications.notify_session(session, event=notifications.CHANGE)
    return session


@transaction.atomic
@fragments.changes(fragments.COMMITTEES)
def session_cancel(*, actor, session, reason, request=None):
    """Cancel an upcoming session and send invitees the cancellation for their calendars."""
    permissions.forget_standing(actor)
    session = _locked_session(session)
    _require(permissions.can_manage_session(actor, session))
    if session.is_cancelled:
        raise ValidationError(_("This session is already cancelled."), code="cancelled")
    if not session.is_upcoming:
        raise ValidationError(_("A session that has already started cannot be cancelled."), code="session_started")
    if session.minutes.filter(status=MinutesStatus.APPROVED).exists():
        raise ValidationError(
            _("This session's minutes are approved: it took place and cannot be cancelled."), code="minutes_approved"
        )
    if not reason.strip():
        raise field_error("reason", _("Say why the session is cancelled."), "reason_required")
    session.status = SessionStatus.CANCELLED
    session.sequence += 1
    session.save(update_fields=["status", "sequence", "updated_at"])
    index_session(session)
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
@fragments.changes(fragments.COMMITTEES)
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
    search.index(item.session)
    audit_record(
        actor=actor,
        action=AuditEvent.Action.CREATED,
        target=item,
        changes=changes_between({}, snapshot(item, ["position", "title", "notes"])),
        request=request,
    )
    return item


@transaction.atomic
@fragments.changes(fragments.COMMITTEES)
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
    search.index(item.session)
    changes = changes_between(before, snapshot(item, ["title", "notes"]))
    if changes:
        audit_record(actor=actor, action=AuditEvent.Action.UPDATED, target=item, changes=changes, request=request)
    return item


@transaction.atomic
@fragments.changes(fragments.COMMITTEES)
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
@fragments.changes(fragments.COMMITTEES)
def document_add(*, actor, session, title, file, request=None):
    """Attach a document to a session."""
    permissions.forget_standing(actor)
    session = _locked_session(session)
    _require(permissions.can_manage_session(actor, session) or permissions.can_record_session_outcome(actor, session))
    # Before the session is fine (the convocation's annexes, papers for the agenda); a cancelled one takes nothing.
    if session.is_cancelled:
        raise ValidationError(_("This session was cancelled; it cannot be changed."), code="cancelled")
    document = SessionDocument(
        session=session,
        title=title.strip(),
        file=file,
        original_name=getattr(file, "name", "")[:255],
        uploaded_by=actor,
    )
    document.full_clean()
    document.save()
    search.index(document)
    audit_record(actor=actor, action=AuditEvent.Action.CREATED, target=document, request=request)
    return document


@transaction.atomic
@fragments.changes(fragments.COMMITTEES)
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


def attendance_refusal(session):
    """Return why the session's attendance cannot be recorded (a ValidationError), or None when it can.

    Once the minutes are approved, the list they were approved with changes only by a correction, with its
    reason (``attendance.attendance_correct``; staff alone then), never by recording it again.
    """
    if session.is_cancelled:
        return ValidationError(_("This session was cancelled; it has no attendance."), code="cancelled")
    if session.is_upcoming:
        return ValidationError(_("Attendance is recorded once the session takes place."), code="session_not_held")
    if session.minutes.filter(status=MinutesStatus.APPROVED).exists():
        return ValidationError(
            _(
                "The minutes of this session are approved: its attendance list can no longer be recorded, "
                "only corrected by AMEXCID staff, giving the reason."
            ),
            code="minutes_approved",
        )
    return None


@transaction.atomic
@fragments.changes(fragments.COMMITTEES)
def attendance_record(*, actor, session, entries, other=None, request=None):
    """Record who was present, excused or absent; ``entries`` maps people to an AttendanceStatus or ''.

    Everybody listed must be entitled to attend (a representative of a current member, for a
    committee session); the whole list is refused otherwise, naming who is not. ``other`` is a
    (person, status) pair given apart from the list (by e-mail); it may not contradict the list.
    """
    permissions.forget_standing(actor)
    session = _locked_session(session)
    _require(permissions.can_record_session_outcome(actor, session))
    refusal = attendance_refusal(session)
    if refusal is not None:
        raise refusal
    if other is not None:
        person, status = other
        if person in entries:
            raise field_error(
                "other_email",
                _("This person is already on the list; record their attendance in their own row."),
                "already_listed",
            )
        entries = {**entries, person: status}
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
