"""Calls for proposals: a committee's period in which member organizations propose projects."""

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from ..criteria import Criterion


class CallStatus(models.TextChoices):
    """Where a call stands on a given day (not stored: it follows from its dates)."""

    UPCOMING = "upcoming", pgettext_lazy("call for proposals", "Upcoming")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class CallQuerySet(models.QuerySet):
    def open_on(self, day):
        return self.filter(opens_on__lte=day, closes_on__gte=day, archived_at__isnull=True)

    def in_status(self, status, day):
        """Keep the calls that are ``status`` (a ``CallStatus``) on ``day``."""
        if status == CallStatus.OPEN:
            return self.open_on(day)
        if status == CallStatus.UPCOMING:
            return self.filter(opens_on__gt=day)
        return self.filter(closes_on__lt=day)


class Call(models.Model):
    """A call for proposals of one committee, open between two dates, with its evaluation weights."""

    committee = models.ForeignKey(
        "committees.Committee", verbose_name=_("committee"), on_delete=models.PROTECT, related_name="calls"
    )
    title = models.CharField(_("title"), max_length=255)
    guidance = models.TextField(_("guidance"), blank=True, help_text=_("What the committee looks for, and how."))
    opens_on = models.DateField(_("opens on"))
    closes_on = models.DateField(_("closes on"), help_text=_("Proposals can be submitted until the end of this day."))
    weights = models.JSONField(
        _("criterion weights"),
        default=dict,
        blank=True,
        help_text=_("Weight of each criterion in the evaluation's total; missing criteria weigh 1."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("opened by"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    archived_at = models.DateTimeField(_("archived"), null=True, blank=True)

    objects = CallQuerySet.as_manager()

    class Meta:
        verbose_name = _("call for proposals")
        verbose_name_plural = _("calls for proposals")
        ordering = ["-opens_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes_on__gte=models.F("opens_on")),
                name="projects_call_closes_after_opening",
                violation_error_message=_("A call cannot close before it opens."),
            )
        ]
        indexes = [models.Index(fields=["committee", "-opens_on"], name="projects_call_committee_idx")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("projects:call-detail", args=[self.pk])

    def is_open_on(self, day):
        return self.archived_at is None and self.opens_on <= day <= self.closes_on

    @property
    def is_open(self):
        return self.is_open_on(timezone.localdate())

    @property
    def status(self):
        today = timezone.localdate()
        if today < self.opens_on:
            return CallStatus.UPCOMING
        return CallStatus.CLOSED if today > self.closes_on else CallStatus.OPEN

    def weight(self, criterion):
        return Decimal(str(self.weights.get(str(criterion), 1)))

    @property
    def weight_rows(self):
        return [(criterion, self.weight(criterion)) for criterion in Criterion]
