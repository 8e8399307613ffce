"""A person's current representation of an organization, listed for staff before a deactivation."""

from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.deactivation import Tie

from .models import Representative


def open_ties(user):
    """List the organization the person speaks for now (at most one), noting whether they are its primary contact."""
    links = Representative.objects.current().filter(user=user).select_related("organization")
    return [
        Tie(
            kind=_("Representation"),
            name=str(link.organization),
            since=timezone.localdate(link.started_at),
            note=_("primary contact; the longest-serving colleague takes over") if link.is_primary_contact else "",
        )
        for link in links
    ]
