"""Template tags of the inbox: the header's bell with the unread count, and a follow button for any page."""

from django import template

from .. import selectors
from ..permissions import can_follow

register = template.Library()


@register.inclusion_tag("notifications/bell.html", takes_context=True)
def notification_bell(context):
    """The bell linking to the inbox; its accessible name says how many are unread."""
    request = context.get("request")
    user = getattr(request, "user", None)
    return {"request": request, "unread": selectors.unread_count(user) if user is not None else 0}


@register.inclusion_tag("notifications/follow_button.html", takes_context=True)
def follow_button(context, target):
    """Follow or stop following ``target`` (shown only to those who may, or who already follow it)."""
    request = context["request"]
    following = selectors.follow_of(request.user, target) is not None
    return {
        "request": request,
        "csrf_token": context.get("csrf_token"),
        "target": target,
        "model": target._meta.label_lower,
        "following": following,
        "can_follow": can_follow(request.user, target),
    }
