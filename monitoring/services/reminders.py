"""Reminders of reports due and overdue, run by Celery beat; each period is reminded once before and once after.

A period whose report is neither submitted nor approved (none yet, a draft, or returned with
comments) is reminded ``REMIND_BEFORE_DAYS`` before its due date and again once it is overdue.
Gaps older than ``REMIND_AFTER_WINDOW_DAYS`` are left to the project page's overdue flag: a
reporter is not woken for a period that closed years ago.
"""

import datetime

from django.db import transaction
from django.db.models import Exists, OuterRef
from django.template.loader import render_to_string
from django.utils import timezone

from axs_platform import purposes
from axs_platform.mail import site_url
from notifications import kinds
from notifications.services import notify_each

from ..models import HANDED_IN_STATUSES, Period, Report
from .common import reporters

REMIND_BEFORE_DAYS = 7
REMIND_AFTER_WINDOW_DAYS = 90


def _tell(implementation, period, template):
    """Tell the reporters (and the project's followers) through their inbox, each in their language."""

    def render(person):
        context = {"person": person, "period": period, "implementation": implementation, "site_url": site_url()}
        return {
            "title": render_to_string(f"monitoring/email/{template}_subject.txt", context).strip(),
            "body": render_to_string(f"monitoring/email/{template}_body.txt", context),
            "link": implementation.get_absolute_url(),
        }

    notify_each(
        reporters(implementation),
        kind=kinds.REPORT,
        render=render,
        about=implementation.proposal,
        purpose=purposes.REMINDERS,  # whoever opposes reminders (privacy), reporter or follower, is left out
    )


@transaction.atomic
def reminders_due(*, today=None):
    """Remind the reporters of periods due soon or overdue; return ``(before, after)`` counts."""
    today = today or timezone.localdate()
    handed_in = Report.objects.filter(period=OuterRef("pk"), status__in=HANDED_IN_STATUSES)
    waiting = (
        Period.objects.select_for_update(skip_locked=True, of=("self",))
        .filter(ends_on__lt=today, due_on__gte=today - datetime.timedelta(days=REMIND_AFTER_WINDOW_DAYS))
        .exclude(Exists(handed_in))
        .select_related("implementation__proposal")
    )
    before = after = 0
    for period in waiting:
        if period.due_on >= today and period.reminded_before_on is None:
            if period.due_on - today <= datetime.timedelta(days=REMIND_BEFORE_DAYS):
                _tell(period.implementation, period, "due_soon")
                period.reminded_before_on = today
                period.save(update_fields=["reminded_before_on"])
                before += 1
        elif period.due_on < today and period.reminded_after_on is None:
            _tell(period.implementation, period, "overdue")
            period.reminded_after_on = today
            period.save(update_fields=["reminded_after_on"])
            after += 1
    return before, after
