"""What the dashboards read instead of every value: each indicator's approved progress so far.

The rows are derived data: ``services.progress_refresh`` rewrites a project's rows from its
approved reports in the transaction of every step that can change them, and
``manage.py monitoring_refresh_progress`` rewrites them all.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .plan import Implementation, Indicator


class Light(models.TextChoices):
    ON_TRACK = "on_track", _("On track")
    AT_RISK = "at_risk", _("At risk")
    OFF_TRACK = "off_track", _("Off track")
    INACTIVE = "inactive", _("Inactive")


class IndicatorProgress(models.Model):
    """A number or percentage indicator's approved figures so far: their sum, the latest, and its light."""

    indicator = models.OneToOneField(
        Indicator, verbose_name=_("indicator"), primary_key=True, on_delete=models.CASCADE, related_name="progress"
    )
    # The indicator's project, repeated so that the dashboards group the rows without a join.
    implementation = models.ForeignKey(
        Implementation, verbose_name=_("project"), on_delete=models.CASCADE, related_name="+"
    )
    total = models.DecimalField(_("sum of the approved values"), max_digits=20, decimal_places=2)
    latest = models.DecimalField(_("latest approved value"), max_digits=16, decimal_places=2)
    last_number = models.PositiveSmallIntegerField(_("latest approved period"))
    last_ends_on = models.DateField(_("end of the latest approved period"))
    light = models.CharField(_("traffic light"), max_length=20, choices=Light.choices)

    class Meta:
        verbose_name = _("indicator progress")
        verbose_name_plural = _("indicator progress")

    def __str__(self):
        return f"{self.indicator_id}: {self.light}"
