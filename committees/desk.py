"""What waits on staff, chairs and secretaries in the committees, counted in the database for the home desk."""

import datetime

from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy

from .models import Agreement, Minutes, MinutesStatus, Session, SessionStatus
from .models.sessions import OPEN_AGREEMENT_STATUSES

# Held sessions without minutes are counted back this far: older ones are history, not a task.
MINUTES_DUE_DAYS = 90


def sessions_needing_minutes(sessions, *, now=None):
    """Keep the held sessions of the last 90 days with no minutes drafted yet."""
    now = now or timezone.now()
    return sessions.filter(
        status=SessionStatus.SCHEDULED,
        ends_at__lt=now,
        ends_at__gte=now - datetime.timedelta(days=MINUTES_DUE_DAYS),
    ).exclude(Exists(Minutes.objects.filter(session=OuterRef("pk"))))


def sessions_with_draft_minutes(sessions):
    """Keep the sessions whose latest minutes are a draft waiting for approval."""
    return sessions.filter(Exists(Minutes.objects.filter(session=OuterRef("pk"), status=MinutesStatus.DRAFT)))


# The session list's "actas" filter (the home desk's cards link to it; the API takes the same values):
# its label, and how it narrows a list of sessions.
MINUTES_FILTERS = {
    "por-aprobar": (gettext_lazy("Sessions whose minutes wait for approval"), sessions_with_draft_minutes),
    "por-redactar": (gettext_lazy("Sessions held in the last 90 days without minutes"), sessions_needing_minutes),
}


def counts(*, committee_ids=None, today=None):
    """Return minutes to approve, minutes to write and overdue agreements (all, or of some committees): 2 queries."""
    today = today or timezone.localdate()
    sessions = (
        Session.objects.all() if committee_ids is None else Session.objects.filter(committee_id__in=committee_ids)
    )
    session_counts = sessions.aggregate(
        minutes_to_approve=Count("pk", filter=Q(pk__in=sessions_with_draft_minutes(sessions).values("pk"))),
        minutes_to_write=Count("pk", filter=Q(pk__in=sessions_needing_minutes(sessions).values("pk"))),
    )
    agreements = (
        Agreement.objects.all() if committee_ids is None else Agreement.objects.filter(committee_id__in=committee_ids)
    )
    overdue = agreements.aggregate(n=Count("pk", filter=Q(status__in=OPEN_AGREEMENT_STATUSES, due_on__lt=today)))
    return {**session_counts, "agreements_overdue": overdue["n"]}
