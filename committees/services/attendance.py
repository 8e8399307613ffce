"""Correcting the attendance list of a session that took place, with the reason, in the audit trail.

The minutes and agreements are left as they are: approved minutes are frozen (a correction of their text
is a new version, ``minutes_start_correction``) and an agreement names who answers for it whether or not
they attended. Once a session's minutes are approved only staff correct its list
(``permissions.can_correct_attendance``); the minutes' PDF then prints the list as corrected, and the
session's history says who corrected it, when and why.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from audit.services import audit_record
from axs_platform import fragments
from axs_platform.errors import field_error

from .. import permissions
from ..models import ATTENDANCE_CORRECTED, Attendance, AttendanceStatus, Session

__all__ = ["ATTENDANCE_CORRECTED", "AUDIT_ACTIONS", "STRUCK", "attendance_correct"]
# The value an audit event gives a row struck from the list (its status before is the other value).
STRUCK = "struck"
AUDIT_ACTIONS = {ATTENDANCE_CORRECTED: gettext_lazy("Attendance list corrected")}


def _row_label(row):
    return f"{row.person.email} · {row.organization}"


@transaction.atomic
@fragments.changes(fragments.COMMITTEES)
def attendance_correct(*, actor, session, reason, statuses=None, struck=(), request=None):
    """Correct a past session's attendance list: statuses put right, rows struck off; return how many changed.

    ``statuses`` maps rows of the session's list to an ``AttendanceStatus`` or '' (nothing recorded);
    ``struck`` lists rows that should never have been on it (a person who was not there for that
    organization). A struck row is removed from the list; who it named, for whom and as what stay in the
    audit event with the reason, which is the list's history.
    """
    permissions.forget_standing(actor)
    session = Session.objects.select_for_update(of=("self",)).get(pk=session.pk)
    if not permissions.can_correct_attendance(actor, session):
        raise PermissionDenied  # among the reasons: a session to come, or cancelled, has no list to correct
    reason = (reason or "").strip()
    if not reason:
        raise field_error("reason", _("Say why the attendance list is corrected."), "reason_required")
    statuses = dict(statuses or {})
    struck_ids = {row.pk for row in struck}
    wanted = struck_ids | {row.pk for row in statuses}
    rows = {
        row.pk: row
        for row in Attendance.objects.select_for_update(of=("self",))
        .filter(session=session, pk__in=wanted)
        .select_related("person", "organization")
    }
    if len(rows) != len(wanted):
        raise ValidationError(_("Only rows of this session's attendance list can be corrected."), code="not_on_list")
    changes = {_row_label(rows[pk]): [rows[pk].status or None, STRUCK] for pk in sorted(struck_ids)}
    for given, status in statuses.items():
        if status and status not in AttendanceStatus.values:
            raise ValueError(f"Unknown attendance status {status!r}")
        row = rows[given.pk]
        if given.pk in struck_ids or row.status == status:
            continue
        changes[_row_label(row)] = [row.status or None, status or None]
        row.status, row.recorded_by = status, actor
        row.save(update_fields=["status", "recorded_by", "updated_at"])
    if not changes:
        raise ValidationError(_("Nothing to correct: the list already says this."), code="nothing_to_correct")
    Attendance.objects.filter(pk__in=struck_ids).delete()
    audit_record(
        actor=actor, action=ATTENDANCE_CORRECTED, target=session, changes=changes, message=reason, request=request
    )
    return len(changes)
