"""A person's calendar feed: its secret address, created or renewed, with an audit record."""

from django.db import transaction
from django.utils.translation import gettext_lazy

from audit.services import audit_record

from ..models import CalendarFeed
from ..models.sessions import new_feed_token

AUDIT_ACTIONS = {
    "committees.calendar_feed_created": gettext_lazy("Calendar subscription created"),
    "committees.calendar_feed_renewed": gettext_lazy("Calendar subscription renewed"),
}


@transaction.atomic
def calendar_feed_renew(*, person, request=None):
    """Create the person's feed address, or renew it so the previous one stops working; return ``(feed, created)``."""
    feed, created = CalendarFeed.objects.select_for_update().get_or_create(person=person)
    if not created:
        feed.token = new_feed_token()
        feed.save(update_fields=["token"])
    audit_record(
        actor=person,
        action="committees.calendar_feed_created" if created else "committees.calendar_feed_renewed",
        target=feed,
        request=request,
    )
    return feed, created
