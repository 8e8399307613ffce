"""The inbox: notifications of events, each person's delivery preferences, follows and digests sent.

A notification is stored in its recipient's language when the event happens (title and body as the
e-mail would say them), so the inbox and the e-mail read the same. Nothing here imports an app above
``notifications``: the followed object is a content type and an id.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .kinds import kind_label


class Delivery(models.TextChoices):
    IMMEDIATE = "immediate", _("E-mail at once")
    DAILY = "daily", _("Daily digest")
    WEEKLY = "weekly", _("Weekly digest")
    INBOX = "inbox", _("Inbox only")


class Period(models.TextChoices):
    DAILY = "daily", _("Daily")
    WEEKLY = "weekly", _("Weekly")


class Notification(models.Model):
    """One event told to one person: what the inbox lists and what the e-mail or digest carries."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="notifications", verbose_name=_("recipient")
    )
    kind = models.CharField(_("kind"), max_length=40)
    title = models.CharField(_("title"), max_length=300)
    body = models.TextField(_("text"), blank=True)
    # The language title and body were written in (the recipient's then): pages mark them with it.
    language = models.CharField(_("language"), max_length=10, default=settings.LANGUAGE_CODE)
    link = models.CharField(_("link"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    read_at = models.DateTimeField(_("read"), null=True, blank=True)
    delivery = models.CharField(_("delivery"), max_length=20, choices=Delivery.choices)
    emailed_at = models.DateTimeField(_("e-mailed"), null=True, blank=True)
    digest = models.ForeignKey(
        "Digest",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="notifications",
        verbose_name=_("digest"),
    )

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["recipient", "-created_at", "-id"], name="notifications_inbox"),
            models.Index(fields=["recipient"], condition=Q(read_at__isnull=True), name="notifications_unread"),
            models.Index(
                fields=["delivery", "created_at"],
                condition=Q(digest__isnull=True, delivery__in=["daily", "weekly"]),
                name="notifications_digest_pending",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("notifications:inbox")

    @property
    def kind_label(self):
        return kind_label(self.kind)

    @property
    def is_read(self):
        return self.read_at is not None


class Preference(models.Model):
    """How one person wants one kind of notification delivered; without a row, the kind's default."""

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notification_preferences",
        verbose_name=_("person"),
    )
    kind = models.CharField(_("kind"), max_length=40)
    delivery = models.CharField(_("delivery"), max_length=20, choices=Delivery.choices)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")
        constraints = [models.UniqueConstraint(fields=["person", "kind"], name="notifications_one_preference_per_kind")]

    def __str__(self):
        return f"{self.person_id} {self.kind}: {self.delivery}"


class Follow(models.Model):
    """A person follows a committee or a proposal: its events reach them too."""

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follows", verbose_name=_("person")
    )
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, verbose_name=_("kind of object"))
    object_id = models.PositiveBigIntegerField(_("object"))
    target = GenericForeignKey("content_type", "object_id")
    created_at = models.DateTimeField(_("since"), default=timezone.now)

    class Meta:
        verbose_name = _("follow")
        verbose_name_plural = _("follows")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["person", "content_type", "object_id"], name="notifications_follow_once")
        ]
        indexes = [models.Index(fields=["content_type", "object_id"], name="notifications_followers")]

    def __str__(self):
        return f"{self.person_id} → {self.content_type_id}:{self.object_id}"


class Digest(models.Model):
    """One digest of one person for one period, claimed before it is sent: the unique row is the once."""

    class Status(models.TextChoices):
        SENT = "sent", _("Sent")
        NO_ADDRESS = "no_address", _("Not sent: the person has no e-mail address")
        OPPOSED = "opposed", _("Not sent: the person opposes newsletters and reminders by e-mail")

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="digests", verbose_name=_("recipient")
    )
    period = models.CharField(_("period"), max_length=10, choices=Period.choices)
    starts_on = models.DateField(_("period starts"))
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    notification_count = models.PositiveIntegerField(_("notifications"), default=0)

    class Meta:
        verbose_name = _("digest")
        verbose_name_plural = _("digests")
        ordering = ["-starts_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "period", "starts_on"], name="notifications_one_digest_per_period"
            )
        ]

    def __str__(self):
        return f"{self.recipient_id} {self.period} {self.starts_on}"
