"""A generated document: who asked for which data, when, and where the rendering stands."""

from pathlib import PurePosixPath

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from axs_platform.uploads import random_name


def document_upload_to(instance, filename):
    """A random stored name: nobody finds a document by guessing; ``Document.filename`` keeps the one shown."""
    return random_name(f"documents/{instance.requested_at:%Y/%m}", filename)


class Document(models.Model):
    """One rendering job and, once ready, its PDF. Kept for good; asked again, a new one is made."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RENDERING = "rendering", _("Rendering")
        READY = "ready", _("Ready")
        FAILED = "failed", _("Failed")

    IN_PROGRESS = (Status.QUEUED, Status.RENDERING)

    kind = models.CharField(_("kind"), max_length=64)
    title = models.CharField(_("title"), max_length=255)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    target_type = models.ForeignKey(
        ContentType, verbose_name=_("object type"), null=True, blank=True, on_delete=models.PROTECT
    )
    target_id = models.CharField(_("object id"), max_length=64, blank=True)
    params = models.JSONField(_("parameters"), default=dict, blank=True)
    params_key = models.CharField(_("parameters key"), max_length=64, blank=True, editable=False)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.QUEUED)
    # Empty when the platform itself asked (a service keeping a published document current, not a person).
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    requested_at = models.DateTimeField(_("requested"), auto_now_add=True)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    # When the job was last handed to the broker (empty: never, e.g. the broker was down), and the
    # last sign of life of the worker rendering it. The sweep sends again what these show stuck.
    sent_at = models.DateTimeField(_("sent to the queue"), null=True, blank=True)
    heartbeat_at = models.DateTimeField(_("last sign of progress"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    # When a person last tried the job again: it is waiting afresh from then on.
    retried_at = models.DateTimeField(_("tried again"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    error = models.TextField(_("reason of the failure"), blank=True)
    file = models.FileField(_("file"), upload_to=document_upload_to, blank=True)
    filename = models.CharField(_("file name"), max_length=200, blank=True)
    file_size = models.PositiveIntegerField(_("size in bytes"), null=True, blank=True)
    page_count = models.PositiveSmallIntegerField(_("pages"), null=True, blank=True)
    # A copy of personal data (an access export) is erased when its person is anonymized: the file goes, the row
    # stays with its status and times, so the history of the request still reads whole.
    erased_at = models.DateTimeField(_("file erased"), null=True, blank=True)

    class Meta:
        verbose_name = _("generated document")
        verbose_name_plural = _("generated documents")
        ordering = ["-requested_at", "-id"]
        constraints = [
            # A person asking twice for the same document while it renders must not render it twice; the
            # platform's own requests (no requester) likewise. Another person gets a job of their own: each
            # reads only the jobs they asked for. A kind is tied to one model, so the kind and the object id
            # name the data.
            models.UniqueConstraint(
                fields=["kind", "target_id", "language", "params_key", "requested_by"],
                condition=models.Q(status__in=["queued", "rendering"], requested_by__isnull=False),
                name="documents_one_job_in_progress",
            ),
            models.UniqueConstraint(
                fields=["kind", "target_id", "language", "params_key"],
                condition=models.Q(status__in=["queued", "rendering"], requested_by__isnull=True),
                name="documents_one_platform_job_in_progress",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="ready") | ~models.Q(file="") | models.Q(erased_at__isnull=False),
                name="documents_ready_has_a_file",
            ),
        ]
        indexes = [
            models.Index(fields=["target_type", "target_id", "kind", "-requested_at"], name="documents_target_idx")
        ]

    def __str__(self):
        return f"{self.title} ({self.get_status_display()})"

    def get_absolute_url(self):
        return reverse("documents:document-detail", args=[self.pk])

    @property
    def in_progress(self):
        return self.status in self.IN_PROGRESS

    @property
    def file_type(self):
        """Return the stored file's type from its name, as people call it: ``"PDF"``, ``"ZIP"``."""
        name = self.filename or self.file.name or ""
        return PurePosixPath(name).suffix.lstrip(".").upper() or "PDF"

    @property
    def is_pdf(self):
        return self.file_type == "PDF"

    @property
    def last_progress_at(self):
        """When the job last showed it was moving: asked for, tried again, sent, started or rendering."""
        moments = [
            m for m in (self.requested_at, self.retried_at, self.sent_at, self.started_at, self.heartbeat_at) if m
        ]
        return max(moments) if moments else None

    @property
    def is_stalled(self):
        """In progress, but nothing has moved for ``AXS_DOCUMENT_STALLED_SECONDS``: a person may try again."""
        if not self.in_progress or self.last_progress_at is None:
            return False
        waited = (timezone.now() - self.last_progress_at).total_seconds()
        return waited >= settings.AXS_DOCUMENT_STALLED_SECONDS

    @property
    def target(self):
        if self.target_type_id is None:
            return None
        return self.target_type.get_object_for_this_type(pk=self.target_id)
