"""Staff's writes on the deadline policy and the holiday calendar; open requests' due dates follow at once."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from audit.models import AuditEvent
from audit.services import audit_record, changes_between, snapshot

from ..calendar import due_date_of, holidays_set
from ..models import DeadlinePolicy, Holiday, RightsRequest
from ..permissions import can_handle_requests

POLICY_FIELDS = ["answer_days", "extension_days", "reminder_days", "completion_days"]


def recompute_open_due_dates():
    """Recompute the due date of every open request after the calendar changed."""
    holidays = holidays_set()
    for rights_request in RightsRequest.objects.filter(status__in=RightsRequest.OPEN).prefetch_related("pauses"):
        due = due_date_of(rights_request, holidays)
        if due != rights_request.due_on:
            RightsRequest.objects.filter(pk=rights_request.pk).update(due_on=due)


@transaction.atomic
def policy_update(*, actor, request=None, **fields):
    """Change the terms; requests already received keep the term in force when they arrived."""
    if not can_handle_requests(actor):
        raise PermissionDenied
    policy = DeadlinePolicy.objects.select_for_update().get(pk=DeadlinePolicy.current().pk)
    before = snapshot(policy, POLICY_FIELDS)
    for name in POLICY_FIELDS:
        if name in fields:
            setattr(policy, name, fields[name])
    if policy.answer_days < 1:
        message = _("The term to answer must be at least 1 business day.")
        raise ValidationError({"answer_days": ValidationError(message, code="answer_days_too_short")})
    if policy.extension_days > 10:
        raise ValidationError({"extension_days": _("The law allows one extension of at most 10 business days.")})
    policy.full_clean()
    policy.save()
    changes = changes_between(before, snapshot(policy, POLICY_FIELDS))
    if changes:
        audit_record(actor=actor, action=AuditEvent.Action.UPDATED, target=policy, changes=changes, request=request)
    return policy


@transaction.atomic
def holiday_add(*, actor, day, name, request=None):
    if not can_handle_requests(actor):
        raise PermissionDenied
    if Holiday.objects.filter(day=day).exists():
        raise ValidationError({"day": _("This day is already in the calendar.")}, code="duplicate_holiday")
    holiday = Holiday.objects.create(day=day, name=name.strip())
    audit_record(actor=actor, action=AuditEvent.Action.CREATED, target=holiday, request=request)
    recompute_open_due_dates()
    return holiday


@transaction.atomic
def holiday_remove(*, actor, holiday, request=None):
    """Take a day out of the calendar (entered by mistake); the removal stays in the audit trail."""
    if not can_handle_requests(actor):
        raise PermissionDenied
    audit_record(
        actor=actor,
        action="privacy.holiday_removed",
        target=holiday,
        changes={"day": [str(holiday.day), None], "name": [holiday.name, None]},
        request=request,
    )
    holiday.delete()
    recompute_open_due_dates()
