"""Due diligence: the risk review AMEXCID runs before partnering with an organization.

Only staff and evaluators see it.
"""

import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .organizations import Organization


def evidence_upload_to(instance, filename):
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"companies/due-diligence/{uuid.uuid4().hex}.{extension}"


class RiskQuestion(models.TextChoices):
    SANCTIONS_CORRUPTION = "sanctions_corruption", _("Sanctions lists and records of corruption or fraud")
    LABOUR_HUMAN_RIGHTS = "labour_human_rights", _("Labour and human-rights issues")
    ENVIRONMENT = "environment", _("Environmental violations")
    CONFLICT_OF_INTEREST = "conflict_of_interest", _("Conflicts of interest with AMEXCID or its officials")
    REPUTATION = "reputation", _("Reputational risk")
    MISSION_ALIGNMENT = "mission_alignment", _("Alignment with AMEXCID's mission and the 2030 Agenda")


class Finding(models.TextChoices):
    NOT_CHECKED = "not_checked", _("Not checked yet")
    NO_CONCERN = "no_concern", _("No concern found")
    MINOR_CONCERN = "minor_concern", _("Minor concern")
    SERIOUS_CONCERN = "serious_concern", _("Serious concern")


class RiskRating(models.TextChoices):
    LOW = "low", _("Low")
    MEDIUM = "medium", _("Medium")
    HIGH = "high", _("High")


class Decision(models.TextChoices):
    APPROVED = "approved", _("Approved")
    APPROVED_WITH_CONDITIONS = "approved_with_conditions", _("Approved with conditions")
    REJECTED = "rejected", _("Rejected")


class DueDiligenceReview(models.Model):
    """One review of an organization: the checklist, its evidence, the rating and the decision."""

    organization = models.ForeignKey(
        Organization, verbose_name=_("organization"), on_delete=models.PROTECT, related_name="due_diligence_reviews"
    )
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("started by"), on_delete=models.PROTECT, related_name="+"
    )
    started_at = models.DateTimeField(_("started"), default=timezone.now)
    summary = models.TextField(_("summary of the analysis"), blank=True)
    risk_rating = models.CharField(_("risk rating"), max_length=10, choices=RiskRating.choices, blank=True)
    decision = models.CharField(_("decision"), max_length=30, choices=Decision.choices, blank=True)
    conditions = models.TextField(_("conditions"), blank=True)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewer"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The person who takes the decision."),
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    expires_on = models.DateField(_("valid until"), null=True, blank=True)

    class Meta:
        verbose_name = _("due-diligence review")
        verbose_name_plural = _("due-diligence reviews")
        ordering = ["-started_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(decision="")
                | models.Q(
                    reviewer__isnull=False, decided_at__isnull=False, expires_on__isnull=False, risk_rating__gt=""
                ),
                name="companies_dd_decision_complete",
                violation_error_message=_("A decision needs a reviewer, a date, a risk rating and an expiry date."),
            ),
            models.CheckConstraint(
                condition=~models.Q(decision="approved_with_conditions") | ~models.Q(conditions=""),
                name="companies_dd_conditions_stated",
                violation_error_message=_("An approval with conditions must state the conditions."),
            ),
            models.UniqueConstraint(
                fields=["organization"],
                condition=models.Q(decision=""),
                name="companies_dd_one_open_review",
                violation_error_message=_("This organization already has a review in progress."),
            ),
        ]

    def __str__(self):
        return _("Due diligence of %(organization)s, %(date)s") % {
            "organization": self.organization,
            "date": self.started_at.date().isoformat(),
        }

    def get_absolute_url(self):
        return reverse("companies:due-diligence-detail", args=[self.organization_id, self.pk])

    @property
    def is_decided(self):
        return bool(self.decision)

    @property
    def is_expired(self):
        return (
            self.decision in (Decision.APPROVED, Decision.APPROVED_WITH_CONDITIONS)
            and self.expires_on is not None
            and self.expires_on < timezone.localdate()
        )


class ChecklistAnswer(models.Model):
    """The finding on one risk question of a review."""

    review = models.ForeignKey(
        DueDiligenceReview, verbose_name=_("review"), on_delete=models.PROTECT, related_name="answers"
    )
    question = models.CharField(_("question"), max_length=30, choices=RiskQuestion.choices)
    finding = models.CharField(_("finding"), max_length=20, choices=Finding.choices, default=Finding.NOT_CHECKED)
    notes = models.TextField(_("notes and sources"), blank=True)

    class Meta:
        verbose_name = _("checklist answer")
        verbose_name_plural = _("checklist answers")
        ordering = ["review", "id"]
        constraints = [models.UniqueConstraint(fields=["review", "question"], name="companies_dd_question_once")]

    def __str__(self):
        return f"{self.get_question_display()}: {self.get_finding_display()}"


class Evidence(models.Model):
    """A document that backs a review: a search result, a certificate, a news article."""

    review = models.ForeignKey(
        DueDiligenceReview, verbose_name=_("review"), on_delete=models.PROTECT, related_name="evidence"
    )
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to=evidence_upload_to)
    original_name = models.CharField(_("original file name"), max_length=255)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("uploaded by"), on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("uploaded"), default=timezone.now)

    class Meta:
        verbose_name = _("evidence document")
        verbose_name_plural = _("evidence documents")
        ordering = ["uploaded_at", "id"]

    def __str__(self):
        return self.title
