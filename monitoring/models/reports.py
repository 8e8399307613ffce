"""Progress reports: one per period and version, their values, deliveries, evidence and history.

A report goes draft → submitted → approved, or returned with comments → submitted again. An
approved report is frozen; a correction is a new version of the same period, approved in turn.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .plan import Indicator, Milestone, Period


class ReportStatus(models.TextChoices):
    # A context of their own: Spanish agrees with "reporte" (enviado), not with "propuesta" (enviada).
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", pgettext_lazy("progress report", "Submitted")
    RETURNED = "returned", _("Returned with comments")
    APPROVED = "approved", pgettext_lazy("progress report", "Approved")


OPEN_STATUSES = (ReportStatus.DRAFT, ReportStatus.SUBMITTED, ReportStatus.RETURNED)
EDITABLE_STATUSES = (ReportStatus.DRAFT, ReportStatus.RETURNED)
# A period's report is handed in while a version of it waits for a decision or stands approved;
# a returned report (or a draft) is not, so its period can be overdue again.
HANDED_IN_STATUSES = (ReportStatus.SUBMITTED, ReportStatus.APPROVED)


class Report(models.Model):
    """The lead organization's report on one period: values, narrative, deliveries and budget executed."""

    period = models.ForeignKey(Period, verbose_name=_("period"), on_delete=models.PROTECT, related_name="reports")
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    status = models.CharField(
        _("status"), max_length=20, choices=ReportStatus.choices, default=ReportStatus.DRAFT, db_index=True
    )
    achievements = models.TextField(_("achievements"), blank=True)
    difficulties = models.TextField(_("difficulties"), blank=True)
    next_steps = models.TextField(_("next steps"), blank=True)
    budget_executed_mxn = models.DecimalField(
        _("budget executed in the period (MXN)"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    milestones_reached = models.ManyToManyField(
        Milestone, verbose_name=_("milestones reached"), blank=True, related_name="reports"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("started by"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("started"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("approved or returned by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("approved or returned"), null=True, blank=True)
    comments = models.TextField(_("comments on return"), blank=True)

    class Meta:
        verbose_name = _("progress report")
        verbose_name_plural = _("progress reports")
        ordering = ["period__implementation", "period__number", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["period", "version"], name="monitoring_report_version_once"),
            models.UniqueConstraint(
                fields=["period"],
                condition=models.Q(status__in=["draft", "submitted", "returned"]),
                name="monitoring_one_open_report_per_period",
                violation_error_message=_("This period already has a report in progress."),
            ),
            models.CheckConstraint(
                condition=models.Q(decided_by__isnull=True)
                | models.Q(submitted_by__isnull=True)
                | ~models.Q(decided_by=models.F("submitted_by")),
                name="monitoring_nobody_decides_own_report",
                violation_error_message=_("Nobody may approve or return a report they submitted."),
            ),
            models.CheckConstraint(
                condition=~models.Q(status="approved")
                | models.Q(decided_by__isnull=False, decided_at__isnull=False, submitted_at__isnull=False),
                name="monitoring_approved_is_decided",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="returned") | ~models.Q(comments=""),
                name="monitoring_returned_has_comments",
                violation_error_message=_("Say what should change; the reporters will read it."),
            ),
        ]
        # The approval queue (selectors.approval_queue) pages the submitted reports in this order: with the
        # index the database reads the first 25 instead of sorting every submitted report.
        indexes = [
            models.Index(
                fields=["submitted_at", "id"],
                condition=models.Q(status="submitted"),
                name="monitoring_report_queue_idx",
            )
        ]

    def __str__(self):
        return _("Report on period %(number)s, version %(version)s") % {
            "number": self.period.number,
            "version": self.version,
        }

    @property
    def is_editable(self):
        return self.status in EDITABLE_STATUSES


class ReportEvent(models.Model):
    """One step of a report's workflow: who, when, from, to and why."""

    report = models.ForeignKey(Report, verbose_name=_("report"), on_delete=models.PROTECT, related_name="events")
    from_status = models.CharField(_("from"), max_length=20, choices=ReportStatus.choices, blank=True)
    to_status = models.CharField(_("to"), max_length=20, choices=ReportStatus.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("who"), on_delete=models.PROTECT, related_name="+"
    )
    reason = models.TextField(_("why"), blank=True)
    created_at = models.DateTimeField(_("when"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("report step")
        verbose_name_plural = _("report steps")
        ordering = ["report", "created_at", "id"]

    def __str__(self):
        return f"{self.report}: {self.from_status} → {self.to_status}"


class ReportValue(models.Model):
    """The actual value of one indicator in one report, stored in the column its type calls for."""

    report = models.ForeignKey(Report, verbose_name=_("report"), on_delete=models.CASCADE, related_name="values")
    indicator = models.ForeignKey(
        Indicator, verbose_name=_("indicator"), on_delete=models.PROTECT, related_name="values"
    )
    number = models.DecimalField(_("value"), max_digits=16, decimal_places=2, null=True, blank=True)
    yes_no = models.BooleanField(_("achieved"), null=True, blank=True)
    text = models.TextField(_("value"), blank=True)
    disaggregation = models.JSONField(_("disaggregation"), default=dict, blank=True)

    class Meta:
        verbose_name = _("reported value")
        verbose_name_plural = _("reported values")
        ordering = ["report", "indicator__position", "indicator_id"]
        constraints = [
            models.UniqueConstraint(fields=["report", "indicator"], name="monitoring_value_once_per_report"),
            models.CheckConstraint(
                condition=models.Q(number__isnull=False, yes_no__isnull=True, text="")
                | models.Q(number__isnull=True, yes_no__isnull=False, text="")
                | models.Q(number__isnull=True, yes_no__isnull=True) & ~models.Q(text=""),
                name="monitoring_value_has_one_kind",
            ),
        ]

    def __str__(self):
        return f"{self.indicator}: {self.display}"

    @property
    def display(self):
        return value_display(self.number, self.yes_no, self.text)


def value_display(number, yes_no, text):
    """Return what a value shows: its number, else yes or no, else its text (also for rows read with values())."""
    if number is not None:
        return number
    if yes_no is not None:
        return _("Yes") if yes_no else _("No")
    return text


class ContributionDelivery(models.Model):
    """What a consortium member delivered in the period of a report against what it pledged."""

    report = models.ForeignKey(Report, verbose_name=_("report"), on_delete=models.CASCADE, related_name="deliveries")
    contribution = models.ForeignKey(
        "projects.Contribution", verbose_name=_("pledged contribution"), on_delete=models.PROTECT, related_name="+"
    )
    amount_mxn = models.DecimalField(_("delivered (MXN)"), max_digits=14, decimal_places=2, null=True, blank=True)
    note = models.CharField(_("what was delivered"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("contribution delivered")
        verbose_name_plural = _("contributions delivered")
        ordering = ["report", "contribution_id"]
        constraints = [
            models.UniqueConstraint(fields=["report", "contribution"], name="monitoring_delivery_once_per_report"),
            models.CheckConstraint(
                condition=models.Q(amount_mxn__isnull=True) | models.Q(amount_mxn__gte=0),
                name="monitoring_delivery_not_negative",
            ),
        ]

    def __str__(self):
        return f"{self.contribution} · {self.amount_mxn}"


def evidence_upload_to(instance, filename):
    """Store evidence under a random name; it is served only to those who may read the report."""
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"monitoring/evidence/{uuid.uuid4().hex}.{extension}"


class Evidence(models.Model):
    """A file that backs a report's figures (a list of attendance, a photo, a study)."""

    report = models.ForeignKey(Report, verbose_name=_("report"), on_delete=models.PROTECT, related_name="evidence")
    title = models.CharField(_("title"), max_length=255)
    file = models.FileField(_("file"), upload_to=evidence_upload_to)
    original_name = models.CharField(_("file name"), max_length=255)
    size = models.PositiveIntegerField(_("size"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("uploaded by"), on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("uploaded"), default=timezone.now)

    class Meta:
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")
        ordering = ["report", "uploaded_at", "id"]

    def __str__(self):
        return self.title
