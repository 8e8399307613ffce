"""Which version of the simplified notice a person was shown where they gave their data.

Written only by ``privacy.services.notice_acknowledge`` (the apps below call it through ``axs_platform.notices``).
"""

from functools import reduce
from operator import or_

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .rights import PrivacyNotice, RightsRequest

# Each point of collection and the field that links the record it collected.
TARGETS = {
    "invitation_accept": "invitation",
    "proposal_submit": "proposal_version",
    "survey_answer": "response",
    "rights_request": "rights_request",
    # The profile has no record of its own: the row links the person only (their account is what they gave).
    "profile_update": None,
    "organization_profile": "organization",
    "invitation_send": "invitation",
}


class NoticeAcknowledgement(models.Model):
    """A person was shown this notice version where they gave their data; rows are never changed.

    Each point of collection links the record it collected (the accepted invitation, the submitted version of a
    proposal, the named survey's response, the request, the organization whose profile was saved, the invitation
    sent), so the record says what was given under which text; a
    profile save links the person only (their account is the record).
    Anonymous survey answers are never recorded here: see ``AnonymousNoticeCount``.
    """

    class Point(models.TextChoices):
        INVITATION = "invitation_accept", _("Accepting an invitation to represent an organization")
        PROPOSAL = "proposal_submit", _("Submitting a project proposal")
        SURVEY = "survey_answer", _("Answering a named survey")
        REQUEST = "rights_request", _("Filing a personal data request")
        PROFILE = "profile_update", _("Saving one's profile")
        ORGANIZATION = "organization_profile", _("Saving an organization's profile (its contact details)")
        INVITATION_SEND = "invitation_send", _("Inviting a person to represent an organization")

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="notice_acknowledgements",
        help_text=_("Empty for a personal data request filed without an account: the request names the person."),
    )
    point = models.CharField(_("where the data was given"), max_length=30, choices=Point.choices)
    notice = models.ForeignKey(
        PrivacyNotice,
        verbose_name=_("notice shown"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Empty: the platform's built-in text, shown before staff published a notice."),
    )
    invitation = models.ForeignKey(
        "companies.Invitation",
        verbose_name=_("invitation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    organization = models.ForeignKey(
        "companies.Organization",
        verbose_name=_("organization"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    proposal_version = models.ForeignKey(
        "projects.ProposalVersion",
        verbose_name=_("proposal version submitted"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    response = models.ForeignKey(
        "surveys.Response",
        verbose_name=_("survey response"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    rights_request = models.ForeignKey(
        RightsRequest,
        verbose_name=_("personal data request"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="notice_acknowledgements",
    )
    acknowledged_at = models.DateTimeField(_("when shown"), auto_now_add=True)

    class Meta:
        verbose_name = _("privacy notice shown")
        verbose_name_plural = _("privacy notices shown")
        ordering = ["-acknowledged_at", "-id"]
        constraints = [
            # Each point links exactly its own record, and nothing else (a profile save: no record, the person).
            models.CheckConstraint(
                condition=reduce(
                    or_,
                    (
                        models.Q(
                            point=point, **{f"{field}__isnull": field != own for field in TARGETS.values() if field}
                        )
                        for point, own in TARGETS.items()
                    ),
                ),
                name="privacy_acknowledgement_links_its_record",
            ),
            # Only a request may come without an account (the request itself names the person).
            models.CheckConstraint(
                condition=models.Q(point="rights_request") | models.Q(person__isnull=False),
                name="privacy_acknowledgement_has_person",
            ),
        ]

    def __str__(self):
        return f"{self.get_point_display()}: {self.notice or _('built-in text')}"


class AnonymousNoticeCount(models.Model):
    """How many answers of an anonymous survey were submitted under each notice version; nothing else.

    No person, invitation, response, time or order: only the survey, the version and a count the answer's
    transaction adds one to, under the survey's lock. So it links no answer and no respondent.
    """

    survey = models.ForeignKey("surveys.Survey", verbose_name=_("survey"), on_delete=models.PROTECT, related_name="+")
    notice = models.ForeignKey(
        PrivacyNotice, verbose_name=_("notice shown"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    count = models.PositiveIntegerField(_("answers submitted"), default=0)

    class Meta:
        verbose_name = _("privacy notice shown with anonymous answers")
        verbose_name_plural = _("privacy notices shown with anonymous answers")
        ordering = ["survey", "notice"]
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "notice"],
                condition=models.Q(notice__isnull=False),
                name="privacy_one_count_per_notice",
            ),
            models.UniqueConstraint(
                fields=["survey"], condition=models.Q(notice__isnull=True), name="privacy_one_count_builtin_text"
            ),
        ]

    def __str__(self):
        return f"{self.survey_id}/{self.notice or _('built-in text')}: {self.count}"
