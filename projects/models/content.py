"""What a proposal is made of beyond its texts: components and activities, the SDG alignment,
the results matrix (the project's own indicators), the budget and the attachments."""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .proposals import Proposal


class Component(models.Model):
    """A component (a line of work) of the project."""

    proposal = models.ForeignKey(
        Proposal, verbose_name=_("proposal"), on_delete=models.CASCADE, related_name="components"
    )
    position = models.PositiveSmallIntegerField(_("position"), default=1)
    title = models.CharField(_("component"), max_length=255)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("component")
        verbose_name_plural = _("components")
        ordering = ["proposal", "position", "id"]

    def __str__(self):
        return self.title


class Activity(models.Model):
    """An activity of a component, with the months it runs: together they are the schedule."""

    component = models.ForeignKey(
        Component, verbose_name=_("component"), on_delete=models.CASCADE, related_name="activities"
    )
    description = models.CharField(_("activity"), max_length=500)
    starts_on = models.DateField(_("starts"))
    ends_on = models.DateField(_("ends"))

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        ordering = ["component", "starts_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="projects_activity_ends_after_start",
                violation_error_message=_("An activity cannot end before it starts."),
            )
        ]

    def __str__(self):
        return self.description


class AlignedTarget(models.Model):
    """An SDG target the project contributes to, with the global indicators it moves."""

    proposal = models.ForeignKey(
        Proposal, verbose_name=_("proposal"), on_delete=models.CASCADE, related_name="aligned_targets"
    )
    target = models.ForeignKey("sdg.Target", verbose_name=_("target"), on_delete=models.PROTECT, related_name="+")
    indicators = models.ManyToManyField("sdg.Indicator", verbose_name=_("SDG indicators"), related_name="+")

    class Meta:
        verbose_name = _("SDG alignment")
        verbose_name_plural = _("SDG alignment")
        ordering = ["proposal", "target__position"]
        constraints = [
            models.UniqueConstraint(
                fields=["proposal", "target"],
                name="projects_target_once_per_proposal",
                violation_error_message=_("This target is already part of the alignment."),
            )
        ]

    def __str__(self):
        return str(self.target)


class ProjectIndicator(models.Model):
    """A row of the results matrix: an indicator of the objective or of a component."""

    proposal = models.ForeignKey(
        Proposal, verbose_name=_("proposal"), on_delete=models.CASCADE, related_name="indicators"
    )
    component = models.ForeignKey(
        Component,
        verbose_name=_("component"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="indicators",
        help_text=_("Leave empty for an indicator of the general objective."),
    )
    name = models.CharField(_("indicator"), max_length=500)
    unit = models.CharField(_("unit"), max_length=100)
    baseline_value = models.DecimalField(_("baseline"), max_digits=16, decimal_places=2)
    baseline_year = models.PositiveSmallIntegerField(_("baseline year"))
    target_value = models.DecimalField(_("target value"), max_digits=16, decimal_places=2)
    target_year = models.PositiveSmallIntegerField(_("target year"))
    means_of_verification = models.TextField(_("means of verification"))
    sdg_indicator = models.ForeignKey(
        "sdg.Indicator",
        verbose_name=_("linked SDG indicator"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("project indicator")
        verbose_name_plural = _("project indicators")
        ordering = ["proposal", "component__position", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(target_year__gte=models.F("baseline_year")),
                name="projects_indicator_target_after_baseline",
                violation_error_message=_("The target year cannot come before the baseline year."),
            ),
            models.CheckConstraint(
                condition=~models.Q(means_of_verification=""),
                name="projects_indicator_has_means_of_verification",
                violation_error_message=_("Say how the indicator will be verified."),
            ),
        ]

    def __str__(self):
        return self.name


class BudgetLine(models.Model):
    """An amount of the budget for one year, from one source: a consortium member or another funder."""

    proposal = models.ForeignKey(Proposal, verbose_name=_("proposal"), on_delete=models.CASCADE, related_name="budget")
    year = models.PositiveSmallIntegerField(_("year"))
    source_member = models.ForeignKey(
        "projects.ConsortiumMember",
        verbose_name=_("consortium member"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="budget_lines",
    )
    other_source = models.CharField(_("other source"), max_length=255, blank=True)
    concept = models.CharField(_("concept"), max_length=255)
    amount_mxn = models.DecimalField(_("amount (MXN)"), max_digits=14, decimal_places=2)

    class Meta:
        verbose_name = _("budget line")
        verbose_name_plural = _("budget lines")
        ordering = ["proposal", "year", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(amount_mxn__gt=0),
                name="projects_budget_amount_positive",
                violation_error_message=_("The amount must be greater than zero."),
            ),
            models.CheckConstraint(
                condition=models.Q(source_member__isnull=False, other_source="")
                | models.Q(source_member__isnull=True) & ~models.Q(other_source=""),
                name="projects_budget_one_source",
                violation_error_message=_("Choose a consortium member or name another source, not both."),
            ),
        ]

    def __str__(self):
        return f"{self.year} · {self.concept}"

    @property
    def source_name(self):
        return str(self.source_member.organization) if self.source_member_id else self.other_source


def attachment_upload_to(instance, filename):
    """Store attachments under a random name; the page serves them only to those who may read them."""
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"projects/attachments/{uuid.uuid4().hex}.{extension}"


class Attachment(models.Model):
    """A document attached to a proposal (studies, letters of intent, budgets)."""

    proposal = models.ForeignKey(
        Proposal, verbose_name=_("proposal"), on_delete=models.PROTECT, related_name="attachments"
    )
    title = models.CharField(_("title"), max_length=255)
    file = models.FileField(_("file"), upload_to=attachment_upload_to)
    original_name = models.CharField(_("file name"), max_length=255)
    size = models.PositiveIntegerField(_("size"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("uploaded by"), on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("uploaded"), default=timezone.now)
    removed_at = models.DateTimeField(_("removed"), null=True, blank=True)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["proposal", "uploaded_at", "id"]

    def __str__(self):
        return self.title
