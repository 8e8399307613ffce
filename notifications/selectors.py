"""Reads of the inbox: a person's notifications, the unread count (cached per person), follows, preferences."""

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache

from .follows import followable, followable_named
from .kinds import KINDS
from .models import Delivery, Follow, Notification, Preference

UNREAD_SECONDS = 300


def unread_key(user_id):
    return f"notifications:unread:{user_id}"


def unread_count(user):
    """Return how many notifications the person has not read: from the cache, else one indexed count.

    The services move the cached count as notifications arrive and are read; a count a race left
    wrong lasts at most ``UNREAD_SECONDS``, when it is read again from the database.
    """
    if not user.is_authenticated:
        return 0
    key = unread_key(user.pk)
    count = cache.get(key)
    if count is None:
        count = Notification.objects.filter(recipient=user, read_at__isnull=True).count()
        cache.set(key, count, UNREAD_SECONDS)
    return max(count, 0)


def inbox(user, *, kind="", unread_only=False):
    """Return the person's notifications, newest first, of one kind if given."""
    rows = Notification.objects.filter(recipient=user)
    if kind:
        rows = rows.filter(kind=kind)
    if unread_only:
        rows = rows.filter(read_at__isnull=True)
    return rows.order_by("-created_at", "-pk")


def kinds_received(user):
    """Return the kinds the person has notifications of, for the inbox's filter (labels in the active language)."""
    keys = set(Notification.objects.filter(recipient=user).values_list("kind", flat=True).distinct())
    return [(key, kind.label) for key, kind in KINDS.items() if key in keys]


def deliveries(user):
    """Return ``{kind: delivery}`` for every kind: the person's choice, else the default."""
    chosen = dict(Preference.objects.filter(person=user).values_list("kind", "delivery"))
    return {
        key: (Delivery.IMMEDIATE if kind.email_required else chosen.get(key, Delivery.IMMEDIATE))
        for key, kind in KINDS.items()
    }


def follow_of(user, obj):
    """Return the person's follow of ``obj``, or None."""
    if not user.is_authenticated:
        return None
    content_type = ContentType.objects.get_for_model(obj)
    return Follow.objects.filter(person=user, content_type=content_type, object_id=obj.pk).first()


def follows(user):
    """Return the person's follows with what they follow, newest first."""
    return Follow.objects.filter(person=user).select_related("content_type").prefetch_related("target")


def follow_target(user, *, label, object_id):
    """Return ``(target, in_sight)`` for the follow button, or None when there is nothing to answer about.

    None alike for a model that cannot be followed, a missing row, and one the person may not see
    (its app's ``may_see``) unless they still follow it: that one comes back with ``in_sight`` False,
    so they may stop following it without being told what it is.
    """
    entry = followable_named(label)
    if entry is None:
        return None
    target = entry.model._default_manager.filter(pk=object_id).first()
    if target is None:
        return None
    if entry.may_see(user, target):
        return target, True
    if follow_of(user, target) is not None:
        return target, False
    return None


def follows_in_sight(user):
    """Return ``(follows, hidden)``: the follows whose target the person may still see, and how many others.

    A target deleted, or one the person may no longer see (its app's ``may_see``), is only counted,
    never named.
    """
    shown, hidden = [], 0
    for row in follows(user):
        entry = followable(row.target)
        if row.target is None or entry is None or not entry.may_see(user, row.target):
            hidden += 1
        else:
            shown.append(row)
    return shown, hidden
