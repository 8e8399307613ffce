"""Files built ahead of time: a large dataset (or the IATI activity file) written to storage by a job."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from axs_platform.uploads import random_name


def prebuilt_upload_to(instance, filename):
    return random_name(f"opendata/{instance.name}", filename)


class PrebuiltFile(models.Model):
    """The latest file of one source in one format, and how its last build went.

    ``source_version`` names the data it was built from (``opendata.prebuilt``); when the data's
    version moves on, the file is stale and downloads stream again until a job rebuilds it.
    """

    name = models.CharField(_("source"), max_length=64)
    file_format = models.CharField(_("format"), max_length=8)
    file = models.FileField(_("file"), upload_to=prebuilt_upload_to, blank=True)
    built_at = models.DateTimeField(_("built"), null=True, blank=True)
    row_count = models.PositiveIntegerField(_("rows"), null=True, blank=True)
    file_size = models.PositiveBigIntegerField(_("size in bytes"), null=True, blank=True)
    source_version = models.CharField(_("data version"), max_length=255, blank=True)
    queued_at = models.DateTimeField(_("last sent to the queue"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("failed attempts in a row"), default=0)
    error = models.TextField(_("reason of the last failure"), blank=True)
    failed_at = models.DateTimeField(_("last failure"), null=True, blank=True)

    class Meta:
        verbose_name = _("prebuilt open-data file")
        verbose_name_plural = _("prebuilt open-data files")
        ordering = ["name", "file_format"]
        constraints = [
            models.UniqueConstraint(fields=["name", "file_format"], name="opendata_one_file_per_source_format"),
            models.CheckConstraint(
                condition=models.Q(built_at__isnull=True) | ~models.Q(file=""), name="opendata_built_has_a_file"
            ),
        ]

    def __str__(self):
        return f"{self.name}.{self.file_format}"
