"""Daily and weekly digests: one e-mail per person and period, in their language and time zone, never twice.

A notification whose kind the person wants in a digest waits (``digest`` empty). Celery beat runs
``digests_due`` every hour, since each person's morning comes at another hour of the world: a person's
digest of a period is due from ``AXS_DIGEST_HOUR`` of its first local day (every day for the daily one,
Mondays for the weekly one) and carries what waited from before that hour.

Exactly once: ``digest_send`` claims the period by inserting the ``Digest`` row (unique per person,
period and first day) in the transaction that marks the notifications and queues the e-mail in the
outbox. A second run, or a concurrent one, finds the row or fails to insert it and sends nothing; the
outbox then sends the message at most once. A person e-mail cannot reach gets the row marked
``no_address`` (logged once per period) and keeps the notifications in the inbox; so does a person
no longer active, who is never e-mailed. A person who opposes newsletters and reminders
(``axs_platform.purposes.REMINDERS``, the privacy app's choice) gets the row marked ``opposed`` and no e-mail.
May touch: this app's models and the outbox (through ``send_email``).
"""

import datetime
import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from axs_platform import purposes
from axs_platform.mail import send_email, site_url

from .models import Digest, Notification, Period
from .services import has_address

logger = logging.getLogger(__name__)


def _digest_hour():
    return int(getattr(settings, "AXS_DIGEST_HOUR", 7))


def period_of(period, now, zone):
    """Return ``(first day, cutoff)`` of the person's current period: the digest is due from the cutoff on."""
    day = now.astimezone(zone).date()
    if period == Period.WEEKLY:
        day -= datetime.timedelta(days=day.weekday())
    return day, datetime.datetime.combine(day, datetime.time(_digest_hour()), tzinfo=zone)


class _NothingToSend(Exception):
    pass


def digest_send(*, person, period, now=None):
    """Send the person's digest of the current period if due and not sent; return the ``Digest`` or None."""
    now = now or timezone.now()
    zone = person.zone
    starts_on, cutoff = period_of(period, now, zone)
    if now < cutoff or Digest.objects.filter(recipient=person, period=period, starts_on=starts_on).exists():
        return None
    try:
        with transaction.atomic():
            digest = Digest.objects.create(
                recipient=person, period=period, starts_on=starts_on, status=Digest.Status.SENT
            )
            waiting = list(
                Notification.objects.select_for_update()
                .filter(recipient=person, delivery=period, digest__isnull=True, created_at__lt=cutoff)
                .order_by("created_at", "pk")
            )
            if not waiting:
                raise _NothingToSend
            Notification.objects.filter(pk__in=[n.pk for n in waiting]).update(digest=digest)
            digest.notification_count = len(waiting)
            if purposes.opposes(person, purposes.REMINDERS):
                # A digest is a periodic e-mail: one who opposes newsletters and reminders keeps the inbox only.
                digest.status = Digest.Status.OPPOSED
            elif person.is_active and has_address(person):
                _mail(person, digest, waiting, zone)
            else:
                digest.status = Digest.Status.NO_ADDRESS
                logger.warning(
                    "Digest %s %s of person %s not sent: %s (%d notifications stay in the inbox).",
                    period,
                    starts_on,
                    person.pk,
                    "no e-mail address" if person.is_active else "inactive",
                    len(waiting),
                )
            digest.save(update_fields=["notification_count", "status"])
    except (_NothingToSend, IntegrityError):
        return None  # nothing waited from before the cutoff, or another run claimed this period
    return digest


def _mail(person, digest, notifications, zone):
    with translation.override(person.preferred_language), timezone.override(zone):
        context = {
            "person": person,
            "digest": digest,
            "notifications": notifications,
            "site_url": site_url(),
            "inbox_url": site_url() + reverse("notifications:inbox"),
            "preferences_url": site_url() + reverse("notifications:preferences"),
        }
        send_email(
            subject=render_to_string("notifications/email/digest_subject.txt", context),
            body=render_to_string("notifications/email/digest_body.txt", context),
            to=[person.email],
            kind=f"notifications.digest.{digest.period}",
        )


def digests_due(*, now=None):
    """Send every daily and weekly digest that is due; return ``{period: digests recorded}``. Safe to run twice."""
    now = now or timezone.now()
    done = {}
    for period in Period.values:
        waiting = Notification.objects.filter(delivery=period, digest__isnull=True, created_at__lt=now)
        # Read whole before sending: each send marks notifications that this query's subquery reads.
        people = list(get_user_model().objects.filter(pk__in=waiting.values("recipient")).order_by("pk"))
        done[period] = sum(1 for person in people if digest_send(person=person, period=period, now=now))
    return done
