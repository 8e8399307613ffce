"""What waits on the transparency unit, counted in the database for the staff desk."""

from django.db.models import Count, Q
from django.utils import timezone

from .models import RightsRequest


def staff_counts(*, today=None):
    """Return the open personal data requests past their due date (1 query)."""
    today = today or timezone.localdate()
    counts = RightsRequest.objects.filter(status__in=RightsRequest.OPEN).aggregate(
        overdue=Count("pk", filter=Q(due_on__lt=today))
    )
    return {"requests_overdue": counts["overdue"]}
