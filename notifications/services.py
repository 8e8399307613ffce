"""Writes of the inbox: ``notify`` (the one way an event reaches a person), read marks, preferences, follows.

Every event that tells a person something goes through ``notify`` (or ``notify_each`` for many people
and the followers of what the event is about), which stores the notification and, as the person
prefers for its kind, queues the e-mail through ``axs_platform.mail.send_email`` at once or leaves it
to the digest (``notifications.digests``). Sign-in links, password resets, invitations to create an
account and the confirmation of a request's e-mail address are not events: their callers e-mail
directly. May touch: this app's models, the outbox (through ``send_email``), the cache's unread counts.
"""

import contextlib
import logging
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from axs_platform import purposes
from axs_platform.mail import send_email, site_url

from . import permissions
from .kinds import KINDS
from .models import Delivery, Follow, Notification, Preference
from .selectors import follows_in_sight, unread_key

logger = logging.getLogger(__name__)


def has_address(person):
    """Return whether e-mail can reach the person (anonymized people keep an ``.invalid`` address)."""
    email = (person.email or "").strip()
    return bool(email) and not email.lower().endswith(".invalid")


def delivery_for(person, kind):
    """Return how the person wants ``kind`` delivered: their preference, else e-mail at once."""
    if KINDS[kind].email_required:
        return Delivery.IMMEDIATE
    chosen = Preference.objects.filter(person=person, kind=kind).values_list("delivery", flat=True).first()
    return chosen or Delivery.IMMEDIATE


def _unread_changed(person_id, delta):
    """Move the person's cached unread count by ``delta`` once the change commits.

    Moved, not dropped, so the next page does not count again; a count not cached stays so and is
    read afresh (one indexed count) by the next page that shows the bell.
    """

    def adjust():
        with contextlib.suppress(ValueError):  # not cached: the next page counts
            cache.incr(unread_key(person_id), delta)

    if delta:
        transaction.on_commit(adjust)


def _path(link):
    parts = urlsplit(link or "")
    return parts.path + (f"?{parts.query}" if parts.query else "") + (f"#{parts.fragment}" if parts.fragment else "")


def _with_footer(body):
    footer = _("Your notifications, and how each kind reaches you: %(url)s") % {
        "url": site_url() + reverse("notifications:preferences")
    }
    return f"{body.rstrip()}\n\n-- \n{footer}\n"


@transaction.atomic
def notify(*, recipient, kind, title, body="", link="", attachments=None, email_address=None):
    """Tell ``recipient`` about an event of ``kind``: store it in their inbox and deliver it as they prefer.

    Call it in the transaction that makes the event, with ``title`` (the e-mail's subject) and ``body``
    (its text) rendered in the recipient's language, e.g. under
    ``translation.override(recipient.preferred_language)``. ``kind`` is a key of ``kinds.KINDS``.
    ``link`` is the page the event concerns (a path or an absolute URL; the inbox keeps the path).
    ``attachments`` (``[filename, content, mimetype]``) go with an immediate e-mail only;
    ``email_address`` replaces the person's address (a request filed under another one).

    As the recipient prefers for the kind (default: e-mail at once), the e-mail is queued now through
    ``axs_platform.mail.send_email`` (sent once the transaction commits), or the notification waits for
    the daily or weekly digest, or stays in the inbox only. A person e-mail cannot reach keeps the
    inbox entry; the skipped e-mail is logged. Returns the ``Notification``.
    """
    if kind not in KINDS:
        raise ValueError(f"Unknown kind of notification: {kind!r} (see notifications.kinds).")
    title = " ".join(str(title).split())[:300]
    delivery = delivery_for(recipient, kind)
    notification = Notification.objects.create(
        recipient=recipient,
        kind=kind,
        title=title,
        body=str(body),
        language=recipient.preferred_language or settings.LANGUAGE_CODE,
        link=_path(link)[:500],
        delivery=delivery,
    )
    _unread_changed(recipient.pk, 1)
    if delivery == Delivery.IMMEDIATE:
        address = email_address or recipient.email
        if email_address or has_address(recipient):
            with translation.override(recipient.preferred_language):
                send_email(
                    subject=title,
                    body=_with_footer(str(body)),
                    to=[address],
                    attachments=attachments,
                    kind=f"notifications.{kind}",
                )
            notification.emailed_at = notification.created_at
            notification.save(update_fields=["emailed_at"])
        else:
            logger.warning(
                "Notification %s: person %s has no e-mail address; inbox only.", notification.pk, recipient.pk
            )
    return notification


def _followers(about, exclude):
    """Yield ``(person, followed object)`` for each follower of ``about`` not in ``exclude``, once each."""
    for target in about:
        if target is None:
            continue
        content_type = ContentType.objects.get_for_model(target)
        rows = (
            Follow.objects.filter(content_type=content_type, object_id=target.pk, person__is_active=True)
            .exclude(person_id__in=exclude)
            .select_related("person")
        )
        for follow in rows:
            if follow.person_id in exclude or not permissions.can_follow(follow.person, target):
                continue
            exclude.add(follow.person_id)
            yield follow.person, target


@transaction.atomic
def notify_each(people, *, kind, render, about=(), purpose=""):
    """Notify each of ``people`` once, then the followers of the objects in ``about`` who are not among them.

    ``render(person)`` is called in the person's language and returns ``notify``'s keyword arguments
    (``title``, ``body``, ``link``, ``attachments``). A follower's text starts by saying what they follow.
    ``purpose`` names the use of personal data the message serves (``axs_platform.purposes.REMINDERS``
    for a reminder): whoever opposes it, follower or not, gets nothing, not even the inbox entry.
    Returns how many people were notified.
    """
    people = list(people)
    followers = list(_followers(about if isinstance(about, list | tuple) else [about], {p.pk for p in people}))
    opposing = (
        purposes.opposing_among(purpose, [p.pk for p in people] + [p.pk for p, _target in followers])
        if purpose
        else set()
    )
    seen = set()
    count = 0
    for person in people:
        if person.pk in seen or person.pk in opposing:
            continue
        seen.add(person.pk)
        with translation.override(person.preferred_language):
            notify(recipient=person, kind=kind, **render(person))
        count += 1
    for person, target in followers:
        if person.pk in opposing:
            continue
        with translation.override(person.preferred_language):
            fields = render(person)
            fields["body"] = _("You follow %(name)s.") % {"name": target} + "\n\n" + fields.get("body", "")
            notify(recipient=person, kind=kind, **fields)
        count += 1
    return count


@transaction.atomic
def notification_mark_read(*, actor, notification):
    """Mark one of the person's notifications read (again: nothing changes)."""
    notification = Notification.objects.select_for_update().get(pk=notification.pk)
    if not permissions.can_read(actor, notification):
        raise PermissionDenied
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
        _unread_changed(actor.pk, -1)
    return notification


@transaction.atomic
def notifications_mark_all_read(*, actor, kind=""):
    """Mark every unread notification of the person read (of one kind if given); return how many."""
    if not permissions.can_use_inbox(actor):
        raise PermissionDenied
    if kind and kind not in KINDS:  # one kind was asked for: never widen an unknown one to every kind
        raise ValidationError(_("Unknown kind of notification."), code="unknown_kind")
    rows = Notification.objects.filter(recipient=actor, read_at__isnull=True)
    if kind:
        rows = rows.filter(kind=kind)
    count = rows.update(read_at=timezone.now())
    _unread_changed(actor.pk, -count)
    return count


@transaction.atomic
def preferences_set(*, actor, deliveries):
    """Store how the person wants each kind delivered (``{kind: delivery}``); refuse what a kind does not allow."""
    if not permissions.can_use_inbox(actor):
        raise PermissionDenied
    errors = {}
    for kind, delivery in deliveries.items():
        if kind not in KINDS:
            errors[kind] = ValidationError(_("Unknown kind of notification."), code="unknown_kind")
        elif delivery not in Delivery.values:
            errors[kind] = ValidationError(_("Choose one of the ways offered."), code="unknown_delivery")
        elif KINDS[kind].email_required and delivery != Delivery.IMMEDIATE:
            errors[kind] = ValidationError(
                _("These notices carry legal deadlines: they are always e-mailed at once."), code="email_required"
            )
    if errors:
        raise ValidationError(errors)
    for kind, delivery in deliveries.items():
        Preference.objects.update_or_create(person=actor, kind=kind, defaults={"delivery": delivery})


@transaction.atomic
def person_forget(*, person):
    """Drop a person's inbox, follows and preferences when they are anonymized; return how many notifications.

    Notifications are the person's copies of events recorded elsewhere (the audit trail, each app's
    history) and carry their name in the greeting; the digests' rows (dates and counts) stay.
    """
    count, _rows = Notification.objects.filter(recipient=person).delete()
    Follow.objects.filter(person=person).delete()
    Preference.objects.filter(person=person).delete()
    transaction.on_commit(lambda: cache.delete(unread_key(person.pk)))
    return count


@transaction.atomic
def follow(*, actor, target):
    """Follow a committee or proposal (once: following again changes nothing); return the follow."""
    if not permissions.can_follow(actor, target):
        raise PermissionDenied
    content_type = ContentType.objects.get_for_model(target)
    row, _created = Follow.objects.get_or_create(person=actor, content_type=content_type, object_id=target.pk)
    return row


@transaction.atomic
def unfollow(*, actor, target):
    """Stop following ``target``; return whether the person followed it. Anybody may stop following."""
    if not permissions.can_use_inbox(actor):
        raise PermissionDenied
    content_type = ContentType.objects.get_for_model(target)
    deleted, _rows = Follow.objects.filter(person=actor, content_type=content_type, object_id=target.pk).delete()
    return bool(deleted)


def unfollow_out_of_sight(*, actor):
    """Stop every follow of the person whose target is gone or out of their sight; return how many."""
    if not permissions.can_use_inbox(actor):
        raise PermissionDenied
    shown, _hidden = follows_in_sight(actor)
    deleted, _rows = Follow.objects.filter(person=actor).exclude(pk__in=[row.pk for row in shown]).delete()
    return deleted
