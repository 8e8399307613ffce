"""Rows the platform as a whole keeps: the outbox of e-mail (axs_platform.outbox sends it)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class OutgoingEmail(models.Model):
    """One message to send, recorded in the transaction that asked for it; sent at most once.

    Its status is the marker that makes the sending task safe to run twice: a worker takes only a
    queued message and marks it as being sent before it talks to the mail server. Once sent, the
    body, alternatives and attachments are emptied (they may carry sign-in links); who it went to,
    its subject and its times stay until the retention rule of sent e-mail erases them
    (``outbox.recipients_erase``): then only its kind, status, times and number of recipients remain.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    subject = models.TextField()
    body = models.TextField(blank=True)
    html_body = models.TextField(blank=True)
    to = models.JSONField(default=list)
    kind = models.CharField(max_length=60, blank=True)  # what the message is ("accounts.welcome"), for statistics
    recipient_count = models.PositiveSmallIntegerField(default=0)  # stays when retention erases ``to``
    attachments = models.JSONField(default=list, blank=True)  # [filename, text, mimetype]
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    attempts = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_to_broker_at = models.DateTimeField(null=True, blank=True)
    not_before = models.DateTimeField(null=True, blank=True)  # the next try after a mail server refused
    started_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    error = models.TextField(blank=True)
    erased_at = models.DateTimeField(null=True, blank=True)  # recipients, subject and bodies erased (retention)

    class Meta:
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mails")
        indexes = [models.Index(fields=["status", "sent_to_broker_at"], name="outgoing_email_due")]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status="sent") | models.Q(sent_at__isnull=False), name="outgoing_email_sent_at"
            )
        ]

    def __str__(self):
        if self.erased_at:
            return f"#{self.pk} {self.kind} ({self.recipient_count})"
        return f"{self.subject} → {', '.join(self.to)}"
