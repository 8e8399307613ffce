"""What waits on staff in the registry, counted in the database for the home desk."""

from django.db.models import Count
from django.utils import timezone

from .models import Organization
from .selectors import EXPIRING, due_diligence_filter, open_invitations


def staff_counts(*, today=None):
    """Return the due-diligence reviews expiring within 60 days and the invitations not accepted (2 queries)."""
    today = today or timezone.localdate()
    expiring = Organization.objects.filter(due_diligence_filter(EXPIRING, today=today)).aggregate(n=Count("pk"))
    pending = open_invitations().aggregate(n=Count("pk"))
    return {"due_diligence_expiring": expiring["n"], "invitations_pending": pending["n"]}
