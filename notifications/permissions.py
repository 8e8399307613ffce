"""Who may read a notification and who may follow what: plain predicates for views and services.

Which committee or proposal a person may follow is the owning app's rule, registered in
``notifications.follows``; staff may follow anything that can be followed.
"""

from axs_platform.permissions import is_staff_member

from .follows import followable


def can_use_inbox(user):
    """Every active person signed in has an inbox."""
    return bool(user.is_authenticated and user.is_active)


def can_read(user, notification):
    """A notification is its recipient's alone."""
    return can_use_inbox(user) and notification.recipient_id == user.pk


def can_follow(user, obj):
    """Return whether ``user`` may follow ``obj``: what they may see; staff anything, others as its app says."""
    entry = followable(obj)
    if entry is None or not can_use_inbox(user):
        return False
    if not entry.may_see(user, obj):
        return False
    return is_staff_member(user) or bool(entry.may_follow(user, obj))
