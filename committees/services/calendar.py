"""A person's calendar feed: its secret address, created, renewed or stopped, with an audit record."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from audit.services import audit_record

from ..models import CalendarFeed
from ..models.sessions import new_feed_token

AUDIT_ACTIONS = {
    "committees.calendar_feed_created": gettext_lazy("Calendar subscription created"),
    "committees.calendar_feed_renewed": gettext_lazy("Calendar subscription renewed"),
    "committees.calendar_feed_stopped": gettext_lazy("Calendar subscription stopped"),
}


@transaction.atomic
def calendar_feed_renew(*, person, request=None):
    """Create the person's feed address, or renew it so the previous one stops working; return ``(feed, created)``.

    Renewing a stopped address publishes the calendar again, at a new address.
    """
    feed, created = CalendarFeed.objects.select_for_update().get_or_create(person=person)
    if not created:
        feed.token = new_feed_token()
        feed.stopped_at = None
        feed.save(update_fields=["token", "stopped_at"])
    audit_record(
        actor=person,
        action="committees.calendar_feed_created" if created else "committees.calendar_feed_renewed",
        target=feed,
        request=request,
    )
    return feed, created


@transaction.atomic
def calendar_feed_stop(*, person, actor=None, request=None):
    """Make the person's feed address stop working, keeping the row its audit events point to; return the feed.

    ``actor`` is the person unless staff stop it for them (by deactivating them).
    """
    feed = CalendarFeed.objects.select_for_update().filter(person=person, stopped_at__isnull=True).first()
    if feed is None:
        raise ValidationError(_("You have no working calendar address to stop."), code="no_calendar_feed")
    feed.stopped_at = timezone.now()
    feed.save(update_fields=["stopped_at"])
    audit_record(actor=actor or person, action="committees.calendar_feed_stopped", target=feed, request=request)
    return feed


def calendar_feed_stop_on_deactivation(sender, *, actor, user, request=None, **kwargs):
    """Stop the working feed of a person being deactivated (``accounts.signals.user_deactivated``).

    An inactive person's feed already answers nothing; stopped, it stays so if they are reactivated.
    """
    if CalendarFeed.objects.filter(person=user, stopped_at__isnull=True).exists():
        calendar_feed_stop(person=user, actor=actor, request=request)
