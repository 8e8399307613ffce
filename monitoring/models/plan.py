"""The plan of a project in implementation: dates, reporting periods, milestones and indicators.

A project's plan is made once, from its proposal (components, activities, results matrix), by
``services.implementation_start``; later changes to an indicator are revisions with a reason.
"""

import datetime

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _


class Frequency(models.TextChoices):
    QUARTERLY = "quarterly", _("Quarterly")
    HALF_YEARLY = "half_yearly", _("Half-yearly")
    YEARLY = "yearly", _("Yearly")


MONTHS_PER_PERIOD = {Frequency.QUARTERLY: 3, Frequency.HALF_YEARLY: 6, Frequency.YEARLY: 12}
DUE_SOON_DAYS = 30


def overdue_filter(today, path=""):
    """Return the overdue rule as a filter on periods (``path`` leads to them, e.g. ``"periods__"``).

    A period is overdue when its report was due before ``today`` (its end plus the project's grace period,
    kept in ``due_on``) and no version of it is handed in (``has_submission``).
    """
    return models.Q(**{f"{path}due_on__lt": today, f"{path}has_submission": False})


def due_soon_filter(today, path=""):
    """Return the filter of ended periods whose report, not handed in, is due within ``DUE_SOON_DAYS``."""
    return models.Q(
        **{
            f"{path}ends_on__lt": today,
            f"{path}has_submission": False,
            f"{path}due_on__gte": today,
            f"{path}due_on__lte": today + datetime.timedelta(days=DUE_SOON_DAYS),
        }
    )


class Implementation(models.Model):
    """A selected and structured project while it is carried out: its dates and how often it reports."""

    proposal = models.OneToOneField(
        "projects.Proposal", verbose_name=_("project"), on_delete=models.PROTECT, related_name="implementation"
    )
    starts_on = models.DateField(_("starts"))
    ends_on = models.DateField(_("ends"))
    frequency = models.CharField(_("reporting frequency"), max_length=20, choices=Frequency.choices)
    grace_days = models.PositiveSmallIntegerField(
        _("grace period (days)"),
        default=30,
        help_text=_("Days after the end of a period by which its report must be submitted."),
    )
    is_demo = models.BooleanField(_("demonstration data"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("started by"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("started"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("project in implementation")
        verbose_name_plural = _("projects in implementation")
        ordering = ["proposal__title", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gt=models.F("starts_on")),
                name="monitoring_implementation_ends_after_start",
                violation_error_message=_("The implementation must end after it starts."),
            ),
            models.CheckConstraint(
                condition=models.Q(grace_days__lte=180),
                name="monitoring_grace_at_most_180",
                violation_error_message=_("The grace period can be at most 180 days."),
            ),
        ]

    def __str__(self):
        return str(self.proposal)

    def get_absolute_url(self):
        return reverse("monitoring:project", args=[self.pk])


class Period(models.Model):
    """One reporting period; its report is due ``grace_days`` after it ends."""

    implementation = models.ForeignKey(
        Implementation, verbose_name=_("project"), on_delete=models.PROTECT, related_name="periods"
    )
    number = models.PositiveSmallIntegerField(_("period"))
    starts_on = models.DateField(_("starts"))
    ends_on = models.DateField(_("ends"))
    due_on = models.DateField(_("report due"))
    reminded_before_on = models.DateField(_("reminded before the due date"), null=True, blank=True)
    reminded_after_on = models.DateField(_("reminded after the due date"), null=True, blank=True)
    # Kept by services.progress_refresh, so that the lights count periods without reading reports.
    # Handed in: a version of the report is submitted or approved (a returned one does not count).
    has_submission = models.BooleanField(_("report handed in"), default=False, editable=False)
    has_approved_report = models.BooleanField(_("has an approved report"), default=False, editable=False)

    class Meta:
        verbose_name = _("reporting period")
        verbose_name_plural = _("reporting periods")
        ordering = ["implementation", "number"]
        constraints = [
            models.UniqueConstraint(fields=["implementation", "number"], name="monitoring_period_once"),
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")) & models.Q(due_on__gte=models.F("ends_on")),
                name="monitoring_period_dates_in_order",
            ),
        ]
        indexes = [models.Index(fields=["due_on"], name="monitoring_period_due_idx")]

    def __str__(self):
        return _("Period %(number)s (%(start)s – %(end)s)") % {
            "number": self.number,
            "start": date_format(self.starts_on, "SHORT_DATE_FORMAT"),
            "end": date_format(self.ends_on, "SHORT_DATE_FORMAT"),
        }


class Milestone(models.Model):
    """A dated milestone of the plan, from an activity of the proposal, with the organization responsible."""

    implementation = models.ForeignKey(
        Implementation, verbose_name=_("project"), on_delete=models.PROTECT, related_name="milestones"
    )
    activity = models.ForeignKey(
        "projects.Activity",
        verbose_name=_("activity"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    component_title = models.CharField(_("component"), max_length=255, blank=True)
    title = models.CharField(_("milestone"), max_length=500)
    due_on = models.DateField(_("planned date"))
    responsible = models.ForeignKey(
        "companies.Organization", verbose_name=_("responsible organization"), on_delete=models.PROTECT, related_name="+"
    )
    reached_on = models.DateField(_("reached"), null=True, blank=True)

    class Meta:
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        ordering = ["implementation", "due_on", "id"]

    def __str__(self):
        return self.title


class ValueType(models.TextChoices):
    NUMBER = "number", _("Number")
    PERCENTAGE = "percentage", _("Percentage")
    YES_NO = "yes_no", _("Yes/no")
    TEXT = "text", _("Text")


QUANTITATIVE = (ValueType.NUMBER, ValueType.PERCENTAGE)


class Indicator(models.Model):
    """An indicator followed in implementation, taken from a row of the proposal's results matrix."""

    implementation = models.ForeignKey(
        Implementation, verbose_name=_("project"), on_delete=models.PROTECT, related_name="indicators"
    )
    source = models.ForeignKey(
        "projects.ProjectIndicator",
        verbose_name=_("results-matrix row"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    position = models.PositiveSmallIntegerField(_("position"), default=1)
    name = models.CharField(_("indicator"), max_length=500)
    value_type = models.CharField(_("type of value"), max_length=20, choices=ValueType.choices)
    unit = models.CharField(_("unit"), max_length=100, blank=True)
    baseline = models.DecimalField(_("baseline"), max_digits=16, decimal_places=2, null=True, blank=True)
    target = models.DecimalField(_("target"), max_digits=16, decimal_places=2, null=True, blank=True)
    means_of_verification = models.TextField(_("means of verification"))
    sdg_indicator = models.ForeignKey(
        "sdg.Indicator", verbose_name=_("linked SDG indicator"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="+",
    )  # fmt: skip
    disaggregation = models.JSONField(
        _("disaggregation"),
        default=list,
        blank=True,
        help_text=_("Categories the value is split into, such as women and men; empty for none."),
    )

    class Meta:
        verbose_name = _("monitored indicator")
        verbose_name_plural = _("monitored indicators")
        ordering = ["implementation", "position", "id"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(value_type__in=["number", "percentage"])
                | models.Q(baseline__isnull=False, target__isnull=False),
                name="monitoring_quantitative_has_baseline_and_target",
                violation_error_message=_("A number or percentage indicator needs a baseline and a target."),
            ),
            models.CheckConstraint(
                condition=~models.Q(value_type="percentage")
                | models.Q(baseline__gte=0, baseline__lte=100, target__gte=0, target__lte=100),
                name="monitoring_percentage_within_0_100",
                violation_error_message=_("A percentage is between 0 and 100."),
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def is_quantitative(self):
        return self.value_type in QUANTITATIVE

    @property
    def decreases(self):
        """A number indicator whose target is below its baseline: a period may report a fall, a negative value."""
        return (
            self.value_type == ValueType.NUMBER
            and self.baseline is not None
            and self.target is not None
            and self.target < self.baseline
        )


class PeriodTarget(models.Model):
    """The part of an indicator's target planned for one period; the parts add up to the target."""

    indicator = models.ForeignKey(
        Indicator, verbose_name=_("indicator"), on_delete=models.CASCADE, related_name="period_targets"
    )
    period = models.ForeignKey(Period, verbose_name=_("period"), on_delete=models.PROTECT, related_name="+")
    value = models.DecimalField(_("target for the period"), max_digits=16, decimal_places=2)

    class Meta:
        verbose_name = _("target for a period")
        verbose_name_plural = _("targets for periods")
        ordering = ["indicator", "period__number"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "period"], name="monitoring_period_target_once"),
            models.CheckConstraint(condition=models.Q(value__gte=0), name="monitoring_period_target_not_negative"),
        ]

    def __str__(self):
        return f"{self.indicator} · {self.period.number}"


class IndicatorRevision(models.Model):
    """A change to an indicator after its project's first approved report: what changed, who, when and why."""

    indicator = models.ForeignKey(
        Indicator, verbose_name=_("indicator"), on_delete=models.PROTECT, related_name="revisions"
    )
    changes = models.JSONField(_("changes"))
    reason = models.TextField(_("reason"))
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("who"), on_delete=models.PROTECT, related_name="+"
    )
    changed_at = models.DateTimeField(_("when"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("indicator revision")
        verbose_name_plural = _("indicator revisions")
        ordering = ["indicator", "-changed_at", "-id"]
        constraints = [
            models.CheckConstraint(condition=~models.Q(reason=""), name="monitoring_revision_has_reason"),
        ]

    def __str__(self):
        return f"{self.indicator} · {self.changed_at:%Y-%m-%d}"
