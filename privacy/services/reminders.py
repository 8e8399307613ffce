"""Staff are reminded once per due date of each open request close to its legal deadline."""

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.services import audit_record

from ..calendar import holidays_set
from ..deadlines import business_days_between
from ..models import DeadlinePolicy, RightsRequest
from . import notify
from .requests import _locked


def deadlines_remind(*, today=None):
    """Remind staff once per due date of each open request within the policy's reminder days; return how many."""
    today = today or timezone.localdate()
    policy = DeadlinePolicy.current()
    holidays = holidays_set()
    reminded = 0
    candidates = RightsRequest.objects.filter(status__in=RightsRequest.OPEN, due_on__isnull=False)
    for rights_request in candidates.exclude(reminded_for=F("due_on")):
        if business_days_between(today, rights_request.due_on, holidays) > policy.reminder_days:
            continue
        with transaction.atomic():
            locked = _locked(rights_request)
            if locked.reminded_for == locked.due_on or not locked.is_open:
                continue
            locked.reminded_for = locked.due_on
            locked.save(update_fields=["reminded_for"])
            audit_record(
                actor=None,
                action="privacy.reminded",
                target=locked,
                message=_("Due on %(day)s.") % {"day": locked.due_on.strftime("%Y-%m-%d")},
            )
            notify.send_staff_reminder(locked)
        reminded += 1
    return reminded
