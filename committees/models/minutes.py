"""Minutes of a session: versions, approval (which freezes a version) and members' comments.

Approved minutes are sealed in the audit chain (``audit.sealing``, registered in ``apps.py``).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .sessions import Session


class MinutesStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    APPROVED = "approved", _("Approved and published")


def minutes_sealed_content(minutes):
    """What approval freezes of a minutes version; its digest goes into the audit chain (``audit.sealing``).

    A plain function over field values, so that the migration that sealed the minutes approved
    before the chain existed computes the same digest from its historical model.
    """
    return {
        "session": minutes.session_id,
        "version": minutes.version,
        "body": minutes.body,
        "status": minutes.status,
        "correction_note": minutes.correction_note,
        "approved_by": minutes.approved_by_id,
        "approved_at": minutes.approved_at,
        "approved_at_session": minutes.approved_at_session_id,
    }


class Minutes(models.Model):
    """One version of a session's minutes (minuta); approved versions are frozen.

    A correction is a new version, approved in turn; the latest approved version is the one in force.
    """

    session = models.ForeignKey(Session, verbose_name=_("session"), on_delete=models.PROTECT, related_name="minutes")
    version = models.PositiveSmallIntegerField(_("version"))
    body = models.TextField(_("text"))
    status = models.CharField(_("status"), max_length=20, choices=MinutesStatus.choices, default=MinutesStatus.DRAFT)
    correction_note = models.CharField(_("what this version corrects"), max_length=255, blank=True)
    drafted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("drafted by"), on_delete=models.PROTECT, related_name="+"
    )
    drafted_at = models.DateTimeField(_("drafted"), default=timezone.now)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("approved by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    approved_at = models.DateTimeField(_("approved"), null=True, blank=True)
    approved_at_session = models.ForeignKey(
        Session,
        verbose_name=_("approved at the session"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("minutes")
        verbose_name_plural = _("minutes")
        ordering = ["session", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["session", "version"], name="committees_minutes_version_once"),
            models.UniqueConstraint(
                fields=["session"],
                condition=models.Q(status="draft"),
                name="committees_minutes_one_draft",
                violation_error_message=_("This session already has minutes in draft."),
            ),
            models.CheckConstraint(
                condition=models.Q(status="draft") | models.Q(approved_by__isnull=False, approved_at__isnull=False),
                name="committees_minutes_approval_complete",
            ),
        ]

    def __str__(self):
        return _("Minutes of %(session)s, version %(version)s") % {"session": self.session, "version": self.version}

    def save(self, *args, **kwargs):
        # Approved minutes are frozen whatever this instance believes: ask the stored row.
        if not self._state.adding and Minutes.objects.filter(pk=self.pk, status=MinutesStatus.APPROVED).exists():
            raise ValidationError(
                _("Approved minutes cannot be changed. Start a correction, which becomes a new version."),
                code="minutes_frozen",
            )
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if self.status == MinutesStatus.APPROVED:
            raise ValidationError(_("Approved minutes cannot be deleted."), code="minutes_frozen")
        return super().delete(*args, **kwargs)

    def sealed_content(self):
        return minutes_sealed_content(self)

    @property
    def is_draft(self):
        return self.status == MinutesStatus.DRAFT


class MinutesComment(models.Model):
    """A member's comment on draft minutes."""

    minutes = models.ForeignKey(Minutes, verbose_name=_("minutes"), on_delete=models.PROTECT, related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("author"), on_delete=models.PROTECT)
    body = models.TextField(_("comment"))
    created_at = models.DateTimeField(_("written"), default=timezone.now)

    class Meta:
        verbose_name = _("comment on minutes")
        verbose_name_plural = _("comments on minutes")
        ordering = ["minutes", "created_at", "id"]

    def __str__(self):
        return f"{self.author} · {self.minutes}"
