"""Where the deadline arithmetic meets the database: the holidays staff keep, and each request's due date."""

from .deadlines import due_date
from .models import DeadlinePolicy, Holiday


def holidays_set():
    """Return every non-working day staff recorded, as a set of dates."""
    return set(Holiday.objects.values_list("day", flat=True))


def due_date_of(rights_request, holidays=None):
    """Return a request's due date from its term, extension and pauses (``None`` while paused)."""
    pauses = [(p.asked_on, p.completed_on) for p in rights_request.pauses.all()] if rights_request.pk else []
    return due_date(
        received_on=rights_request.received_on,
        business_days=rights_request.term_days,
        extension_days=rights_request.extension_days,
        holidays=holidays_set() if holidays is None else holidays,
        pauses=pauses,
    )


def completion_due_of(asked_on, holidays=None):
    """Return the last day a person asked on ``asked_on`` to complete a request may do so (policy's business days)."""
    return due_date(
        received_on=asked_on,
        business_days=DeadlinePolicy.current().completion_days,
        holidays=holidays_set() if holidays is None else holidays,
    )
