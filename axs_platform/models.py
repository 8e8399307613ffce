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

    subject = models.TextField(_("subject"))
    body = models.TextField(_("text body"), blank=True)
    html_body = models.TextField(_("HTML body"), blank=True)
    to = models.JSONField(_("recipients"), default=list)
    # what the message is ("accounts.welcome"), for statistics
    kind = models.CharField(_("kind"), max_length=60, blank=True)
    # stays when retention erases ``to``
    recipient_count = models.PositiveSmallIntegerField(_("number of recipients"), default=0)
    attachments = models.JSONField(_("attachments"), default=list, blank=True)  # [filename, text, mimetype]
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    sent_to_broker_at = models.DateTimeField(_("handed to the queue at"), null=True, blank=True)
    # the next try after a mail server refused
    not_before = models.DateTimeField(_("not before"), null=True, blank=True)
    started_at = models.DateTimeField(_("sending started at"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    error = models.TextField(_("error"), blank=True)
    # recipients, subject and bodies erased (retention)
    erased_at = models.DateTimeField(_("erased at"), null=True, blank=True)

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
