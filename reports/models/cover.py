"""The logos and images staff put on the report's cover: replaced or removed, never deleted."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from axs_platform.uploads import random_name

from .narrative import _in_english

COVER_FOLDER = "reports/cover"


def cover_upload_to(instance, filename):
    return random_name(COVER_FOLDER, filename)


class CoverImageKind(models.TextChoices):
    LOGO = "logo", _("Logo")
    IMAGE = "image", _("Image")


class CoverImageQuerySet(models.QuerySet):
    def current(self):
        """The images the cover shows now: those neither replaced nor removed."""
        return self.filter(archived_at__isnull=True)


class CoverImage(models.Model):
    """One logo or image of the cover, with its alternative text in Spanish and English.

    Replacing writes a new row that points to the old one; the old row and its file stay (an
    edition published before still shows it). Removing sets ``archived_at``.
    """

    kind = models.CharField(_("kind"), max_length=10, choices=CoverImageKind.choices, default=CoverImageKind.LOGO)
    position = models.PositiveSmallIntegerField(_("position"), default=1)
    file = models.FileField(_("file"), upload_to=cover_upload_to)
    alt_es = models.CharField(_("alternative text (Spanish)"), max_length=255)
    alt_en = models.CharField(_("alternative text (English)"), max_length=255)
    replaces = models.OneToOneField(
        "self",
        verbose_name=_("replaces"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="replaced_by",
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("uploaded by"), on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("uploaded"), default=timezone.now)
    archived_at = models.DateTimeField(_("replaced or removed"), null=True, blank=True)

    objects = CoverImageQuerySet.as_manager()

    class Meta:
        verbose_name = _("cover image")
        verbose_name_plural = _("cover images")
        ordering = ["kind", "position", "id"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(alt_es="") & ~models.Q(alt_en=""), name="reports_cover_image_alt_text"
            )
        ]

    def __str__(self):
        return self.alt

    @property
    def alt(self):
        return self.alt_en if _in_english() else self.alt_es
