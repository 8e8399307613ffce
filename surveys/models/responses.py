"""Who is asked (invitations with their own link), what they answered, and when."""

import secrets
import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext_lazy as _

from .structure import Option, Question, Survey

TOKEN_SALT = "surveys.invitation"


def new_nonce():
    return secrets.token_hex(16)


class SurveyInvitation(models.Model):
    """One organization's (or one person's) invitation to a survey, reached through its own link.

    The link carries the invitation's id and an HMAC of its nonce under the site's secret key, so
    the same link can be mailed again in a reminder while a copy of the database opens nothing.
    """

    survey = models.ForeignKey(Survey, verbose_name=_("survey"), on_delete=models.PROTECT, related_name="invitations")
    organization = models.ForeignKey(
        "companies.Organization",
        verbose_name=_("organization"),
        on_delete=models.PROTECT,
        related_name="survey_invitations",
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="survey_invitations",
        help_text=_("For surveys answered once per person."),
    )
    nonce = models.CharField(max_length=32, default=new_nonce, editable=False)
    created_at = models.DateTimeField(_("invited"), default=timezone.now, editable=False)
    sent_at = models.DateTimeField(_("last sent"), null=True, blank=True)
    send_count = models.PositiveSmallIntegerField(_("times sent"), default=0)
    reminder_count = models.PositiveSmallIntegerField(_("reminders"), default=0)
    responded_at = models.DateTimeField(_("answered"), null=True, blank=True)
    # Anonymous surveys: a keyed hash of the secret in the respondent's browser that opens their
    # draft. The draft is found by another keyed hash of it, so no query joins the two.
    draft_check = models.CharField(max_length=64, blank=True, editable=False)
    # Set by the retention of survey contacts: the person was detached, the invitation still counts.
    contact_erased_at = models.DateTimeField(_("contact erased"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("survey invitation")
        verbose_name_plural = _("survey invitations")
        ordering = ["survey", "organization__legal_name", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "organization"],
                condition=models.Q(person__isnull=True, contact_erased_at__isnull=True),
                name="surveys_one_invitation_per_organization",
            ),
            models.UniqueConstraint(
                fields=["survey", "person"],
                condition=models.Q(person__isnull=False),
                name="surveys_one_invitation_per_person",
            ),
            models.CheckConstraint(
                condition=models.Q(contact_erased_at__isnull=True) | models.Q(person__isnull=True),
                name="surveys_erased_contact_has_no_person",
            ),
        ]
        indexes = [models.Index(fields=["survey", "responded_at"], name="surveys_inv_answered_idx")]

    def __str__(self):
        who = self.person.full_name if self.person_id else self.organization
        return f"{self.survey} → {who}"

    def get_absolute_url(self):
        return reverse("surveys:answer", args=[self.token])

    @property
    def token(self):
        digest = salted_hmac(TOKEN_SALT, f"{self.pk}:{self.nonce}", algorithm="sha256").hexdigest()[:32]
        return f"{self.pk}-{digest}"

    def token_matches(self, token):
        return constant_time_compare(self.token, token)

    @property
    def has_responded(self):
        return self.responded_at is not None

    @property
    def has_draft(self):
        return bool(self.draft_check)

    @property
    def contact_erased(self):
        return self.contact_erased_at is not None


class ResponseStatus(models.TextChoices):
    IN_PROGRESS = "in_progress", _("In progress")
    SUBMITTED = "submitted", _("Submitted")


class AnonymousDraft(models.Model):
    """The saved, unsubmitted answers of an anonymous survey, readable only with the respondent's secret.

    Found by a keyed hash of the secret (``lookup``); encrypted with a key derived from the secret
    alone, which the server does not keep. No time, no sequential id, nothing naming the invitation.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    survey = models.ForeignKey(Survey, verbose_name=_("survey"), on_delete=models.PROTECT, related_name="+")
    lookup = models.CharField(max_length=64, unique=True, editable=False)
    sealed = models.BinaryField(editable=False)

    class Meta:
        verbose_name = _("anonymous draft")
        verbose_name_plural = _("anonymous drafts")

    def __str__(self):
        return f"{self.survey} · {self.pk}"


class Response(models.Model):
    """The answers given through one invitation.

    Named surveys: while in progress a response points to its invitation, so that the respondent
    can come back; once submitted it keeps the organization, the person and the times.
    Anonymous surveys: a response exists only once submitted, with no invitation, person, time or
    meaningful id; every submission stores the survey's responses again in a random order, so that
    neither ids, row order nor transaction ids follow the order of the invitations' "answered"
    marks (``surveys.services.anonymous``).
    """

    survey = models.ForeignKey(Survey, verbose_name=_("survey"), on_delete=models.PROTECT, related_name="responses")
    invitation = models.ForeignKey(
        SurveyInvitation,
        verbose_name=_("invitation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="responses",
    )
    organization = models.ForeignKey(
        "companies.Organization",
        verbose_name=_("organization"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="survey_responses",
    )
    respondent = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("answered by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="survey_responses",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=ResponseStatus.choices, default=ResponseStatus.IN_PROGRESS
    )
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    updated_at = models.DateTimeField(_("last saved"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)

    class Meta:
        verbose_name = _("response")
        verbose_name_plural = _("responses")
        ordering = ["survey", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["invitation"],
                condition=models.Q(invitation__isnull=False),
                name="surveys_one_response_per_invitation",
                violation_error_message=_("This invitation already has a response."),
            ),
            models.CheckConstraint(
                condition=models.Q(status="submitted") | models.Q(invitation__isnull=False),
                name="surveys_response_in_progress_has_invitation",
            ),
        ]
        indexes = [models.Index(fields=["survey", "status"], name="surveys_response_status_idx")]

    def __str__(self):
        return f"{self.survey} #{self.pk}"

    @property
    def is_submitted(self):
        return self.status == ResponseStatus.SUBMITTED


class Answer(models.Model):
    """One value of a response to a question; multiple and ranked answers take one row per pick."""

    response = models.ForeignKey(Response, verbose_name=_("response"), on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, verbose_name=_("question"), on_delete=models.PROTECT, related_name="+")
    option = models.ForeignKey(
        Option, verbose_name=_("option"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    goal = models.ForeignKey(
        "sdg.Goal", verbose_name=_("SDG"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    rank = models.PositiveSmallIntegerField(_("rank"), null=True, blank=True)
    number = models.DecimalField(_("number"), max_digits=14, decimal_places=2, null=True, blank=True)
    boolean = models.BooleanField(_("yes or no"), null=True, blank=True)
    text = models.TextField(_("text"), blank=True)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        ordering = ["response", "question", "rank", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["response", "question", "option"],
                condition=models.Q(option__isnull=False),
                name="surveys_answer_option_once",
            ),
            models.UniqueConstraint(
                fields=["response", "question", "goal"],
                condition=models.Q(goal__isnull=False),
                name="surveys_answer_goal_once",
            ),
            models.UniqueConstraint(
                fields=["response", "question", "rank"],
                condition=models.Q(rank__isnull=False),
                name="surveys_answer_rank_once",
            ),
        ]
        indexes = [
            models.Index(fields=["question", "option"], name="surveys_answer_option_idx"),
            models.Index(fields=["question", "goal"], name="surveys_answer_goal_idx"),
        ]

    def __str__(self):
        return f"{self.question_id}: {self.option_id or self.goal_id or self.number or self.boolean or self.text[:30]}"
