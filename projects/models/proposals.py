"""The proposal, its consortium and the history of its life: transitions, versions and comments."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from axs_platform.dates import date_precision_field

from ..criteria import Criterion
from .calls import Call


class ProposalStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    RETURNED = "returned", _("Returned for changes")
    IN_REVIEW = "in_review", _("In committee review")
    DECLINED = "declined", _("Declined")
    SELECTED = "selected", _("Selected")
    NOT_SELECTED = "not_selected", _("Not selected")
    STRUCTURING = "structuring", _("Structuring")
    STRUCTURED = "structured", _("Structured")
    IN_IMPLEMENTATION = "in_implementation", _("In implementation")
    CLOSED = "closed", _("Closed")
    WITHDRAWN = "withdrawn", _("Withdrawn")


EDITABLE_BY_PROPOSER = (ProposalStatus.DRAFT, ProposalStatus.RETURNED)
PUBLISHABLE = (ProposalStatus.STRUCTURED, ProposalStatus.IN_IMPLEMENTATION, ProposalStatus.CLOSED)
PROJECT_STATUSES = (ProposalStatus.STRUCTURING,) + PUBLISHABLE


def _is_english(language):
    return (language or get_language() or "").startswith("en")


def _criterion_field(criterion):
    return models.TextField(criterion.label, blank=True)


class ProposalQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published_at__isnull=False, status__in=PUBLISHABLE)


class Proposal(models.Model):
    """A project proposal to a committee in a call, led by one organization of its consortium."""

    call = models.ForeignKey(Call, verbose_name=_("call"), on_delete=models.PROTECT, related_name="proposals")
    committee = models.ForeignKey(
        "committees.Committee",
        verbose_name=_("committee"),
        on_delete=models.PROTECT,
        related_name="proposals",
        help_text=_("The call's committee, kept here for the committee's lists."),
    )
    lead_organization = models.ForeignKey(
        "companies.Organization",
        verbose_name=_("lead organization"),
        on_delete=models.PROTECT,
        related_name="led_proposals",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("started by"), on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(
        _("status"), max_length=20, choices=ProposalStatus.choices, default=ProposalStatus.DRAFT, db_index=True
    )
    title = models.CharField(_("title"), max_length=255)
    summary = models.TextField(_("summary"), blank=True)
    # The public's English: staff write them beside the IATI data (iati.services.publication_update), once published.
    title_en = models.CharField(_("title (English)"), max_length=255, blank=True)
    summary_en = models.TextField(_("summary (English)"), blank=True)
    problem = models.TextField(_("problem"), blank=True, help_text=_("The shared understanding of the problem."))
    causes = models.TextField(_("causes"), blank=True)
    effects = models.TextField(_("effects"), blank=True)
    purpose = models.TextField(_("purpose"), blank=True, help_text=_("The higher end the project contributes to."))
    general_objective = models.TextField(_("general objective"), blank=True)
    international_cooperation = models.TextField(
        _("international-cooperation component"),
        blank=True,
        help_text=_("Who cooperates from abroad, or with whom abroad, and how."),
    )
    replication_countries = models.JSONField(
        _("countries of replication"), default=list, blank=True, help_text=_("Central America and the Caribbean.")
    )
    axs_cooperation = _criterion_field(Criterion.AXS_COOPERATION)
    axs_replicability = _criterion_field(Criterion.AXS_REPLICABILITY)
    axs_consortium = _criterion_field(Criterion.AXS_CONSORTIUM)
    axs_business_synergy = _criterion_field(Criterion.AXS_BUSINESS_SYNERGY)
    axs_sdg_impact = _criterion_field(Criterion.AXS_SDG_IMPACT)
    axs_financial = _criterion_field(Criterion.AXS_FINANCIAL)
    axs_funds = _criterion_field(Criterion.AXS_FUNDS)
    sust_economic = _criterion_field(Criterion.SUST_ECONOMIC)
    sust_institutional = _criterion_field(Criterion.SUST_INSTITUTIONAL)
    sust_technological = _criterion_field(Criterion.SUST_TECHNOLOGICAL)
    sust_environmental = _criterion_field(Criterion.SUST_ENVIRONMENTAL)
    sust_sociocultural = _criterion_field(Criterion.SUST_SOCIOCULTURAL)
    sust_political = _criterion_field(Criterion.SUST_POLITICAL)
    version = models.PositiveIntegerField(_("versions submitted"), default=0)
    created_at = models.DateTimeField(_("started"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)
    submitted_at = models.DateTimeField(_("last submitted"), null=True, blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)

    objects = ProposalQuerySet.as_manager()

    class Meta:
        verbose_name = _("project proposal")
        verbose_name_plural = _("project proposals")
        ordering = ["-updated_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(published_at__isnull=True)
                | models.Q(status__in=["structured", "in_implementation", "closed"]),
                name="projects_proposal_published_only_when_structured",
                violation_error_message=_("Only structured projects can be published."),
            ),
            models.CheckConstraint(
                condition=models.Q(status="draft") | models.Q(status="withdrawn") | models.Q(version__gte=1),
                name="projects_proposal_submitted_has_version",
            ),
        ]
        indexes = [
            # The lists filter on a call or a committee (and perhaps a status) and show the latest
            # changed first: each index serves the filter and the ORDER BY, so a page reads its 50
            # rows instead of sorting every proposal. Drafts are never listed to reviewers.
            models.Index(fields=["call", "status", "-updated_at", "-id"], name="projects_prop_call_idx"),
            models.Index(fields=["committee", "status", "-updated_at", "-id"], name="projects_prop_committee_idx"),
            models.Index(fields=["lead_organization", "-updated_at"], name="projects_prop_lead_idx"),
            models.Index(
                fields=["call", "-updated_at", "-id"],
                condition=~models.Q(status="draft"),
                name="projects_prop_call_list_idx",
            ),
            models.Index(
                fields=["committee", "-updated_at", "-id"],
                condition=~models.Q(status="draft"),
                name="projects_prop_comm_list_idx",
            ),
            models.Index(
                fields=["-updated_at", "-id"], condition=~models.Q(status="draft"), name="projects_prop_list_idx"
            ),
            # The published projects (``ProposalQuerySet.published``): the public list's order and count,
            # and the open data's "last updated", each read from a small index of those alone.
            models.Index(
                fields=["-published_at", "-id"],
                condition=models.Q(published_at__isnull=False, status__in=PUBLISHABLE),
                name="projects_prop_published_idx",
            ),
            models.Index(
                fields=["updated_at"],
                condition=models.Q(published_at__isnull=False, status__in=PUBLISHABLE),
                name="projects_prop_pub_upd_idx",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("projects:proposal-detail", args=[self.pk])

    def get_public_url(self):
        return reverse("projects:project-detail", args=[self.pk])

    def public_title(self, language=None):
        """Return the title the public reads in ``language`` (the active one by default): English when given."""
        return self.title_en if self.title_en and _is_english(language) else self.title

    def public_title_language(self, language=None):
        """Return the language ``public_title`` is written in: Spanish when the English one is missing."""
        return "en" if self.title_en and _is_english(language) else "es"

    def public_summary(self, language=None):
        """Return the summary the public reads in ``language`` (the active one by default): English when given."""
        return self.summary_en if self.summary_en and _is_english(language) else self.summary

    def public_summary_language(self, language=None):
        """Return the language ``public_summary`` is written in: Spanish when the English one is missing."""
        return "en" if self.summary_en and _is_english(language) else "es"

    @property
    def is_published(self):
        return self.published_at is not None

    @property
    def is_editable_by_proposer(self):
        return self.status in EDITABLE_BY_PROPOSER

    @property
    def is_project(self):
        return self.status in PROJECT_STATUSES

    @property
    def replication_country_labels(self):
        from companies.geography import Country

        labels = dict(Country.choices)
        return [labels.get(code, code) for code in self.replication_countries]


class PartnerStatus(models.TextChoices):
    INVITED = "invited", _("Invited")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    REMOVED = "removed", _("Removed")


class ConsortiumMember(models.Model):
    """An organization in a proposal's consortium: the lead, or a partner invited by the lead."""

    proposal = models.ForeignKey(
        Proposal, verbose_name=_("proposal"), on_delete=models.PROTECT, related_name="consortium"
    )
    organization = models.ForeignKey(
        "companies.Organization", verbose_name=_("organization"), on_delete=models.PROTECT, related_name="+"
    )
    is_lead = models.BooleanField(_("lead organization"), default=False)
    status = models.CharField(_("status"), max_length=20, choices=PartnerStatus.choices, default=PartnerStatus.INVITED)
    role = models.TextField(_("role in the project"), blank=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("invited by"), on_delete=models.PROTECT, related_name="+"
    )
    invited_at = models.DateTimeField(_("invited"), default=timezone.now)
    responded_at = models.DateTimeField(_("answered"), null=True, blank=True)

    class Meta:
        verbose_name = _("consortium member")
        verbose_name_plural = _("consortium members")
        ordering = ["proposal", "-is_lead", "invited_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["proposal", "organization"],
                condition=~models.Q(status__in=["declined", "removed"]),
                name="projects_member_once_per_proposal",
                violation_error_message=_("This organization is already in the consortium."),
            ),
            models.UniqueConstraint(
                fields=["proposal"], condition=models.Q(is_lead=True), name="projects_one_lead_per_proposal"
            ),
            models.CheckConstraint(
                condition=models.Q(is_lead=False) | models.Q(status="accepted"),
                name="projects_lead_is_accepted",
            ),
        ]
        indexes = [models.Index(fields=["organization", "status"], name="projects_member_org_idx")]

    def __str__(self):
        return f"{self.organization} · {self.proposal}"

    @property
    def is_active(self):
        return self.status == PartnerStatus.ACCEPTED


class ContributionKind(models.TextChoices):
    FINANCIAL = "financial", _("Financial")
    TECHNICAL = "technical", _("Technical")
    TECHNOLOGICAL = "technological", _("Technological")
    HUMAN = "human", _("Human")
    IN_KIND = "in_kind", _("In kind")


VALUED_KINDS = (ContributionKind.FINANCIAL, ContributionKind.IN_KIND)


class Contribution(models.Model):
    """What one consortium member brings to the project."""

    member = models.ForeignKey(
        ConsortiumMember, verbose_name=_("consortium member"), on_delete=models.CASCADE, related_name="contributions"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=ContributionKind.choices)
    description = models.TextField(_("description"), blank=True)
    amount_mxn = models.DecimalField(
        _("amount (MXN)"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("The amount for financial contributions; the estimated value for contributions in kind."),
    )

    class Meta:
        verbose_name = _("contribution")
        verbose_name_plural = _("contributions")
        ordering = ["member", "kind", "id"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(kind__in=["financial", "in_kind"])
                | models.Q(amount_mxn__isnull=False, amount_mxn__gt=0),
                name="projects_contribution_valued",
                violation_error_message=_("Financial and in-kind contributions need an amount greater than zero."),
            ),
            models.CheckConstraint(
                condition=models.Q(kind="financial") | ~models.Q(description=""),
                name="projects_contribution_described",
                violation_error_message=_("Describe this contribution."),
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} · {self.member.organization}"


class ProposalTransition(models.Model):
    """One change of a proposal's status: who, when, from, to and why."""

    proposal = models.ForeignKey(
        Proposal, verbose_name=_("proposal"), on_delete=models.PROTECT, related_name="transitions"
    )
    from_status = models.CharField(_("from"), max_length=20, choices=ProposalStatus.choices)
    to_status = models.CharField(_("to"), max_length=20, choices=ProposalStatus.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("who"), on_delete=models.PROTECT, related_name="+"
    )
    reason = models.TextField(_("reason"), blank=True)
    created_at = models.DateTimeField(_("when"), default=timezone.now, editable=False)
    date_precision = date_precision_field(
        _("How much of the date the source gives, for a change recorded after the fact.")
    )

    class Meta:
        verbose_name = _("proposal status change")
        verbose_name_plural = _("proposal status changes")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(from_status=models.F("to_status")), name="projects_transition_changes_status"
            ),
            models.CheckConstraint(
                condition=~models.Q(to_status__in=["returned", "declined", "not_selected", "withdrawn"])
                | ~models.Q(reason=""),
                name="projects_transition_reason_required",
                violation_error_message=_("This change needs a reason."),
            ),
        ]

    def __str__(self):
        return f"{self.proposal}: {self.get_from_status_display()} → {self.get_to_status_display()}"


class ProposalVersion(models.Model):
    """The frozen content of a proposal as it was submitted."""

    proposal = models.ForeignKey(
        Proposal, verbose_name=_("proposal"), on_delete=models.PROTECT, related_name="versions"
    )
    number = models.PositiveIntegerField(_("version"))
    content = models.JSONField(_("content"))
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("submitted by"), on_delete=models.PROTECT, related_name="+"
    )
    submitted_at = models.DateTimeField(_("submitted"), default=timezone.now)

    class Meta:
        verbose_name = _("proposal version")
        verbose_name_plural = _("proposal versions")
        ordering = ["proposal", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["proposal", "number"], name="projects_version_once"),
        ]

    def __str__(self):
        return f"{self.proposal} v{self.number}"


class CommentVisibility(models.TextChoices):
    SHARED = "shared", _("Shared with the proposing organization")
    INTERNAL = "internal", _("Internal (staff, evaluators and the committee)")


class ProposalComment(models.Model):
    """A remark on a proposal: shared with its consortium, or internal to those who review it."""

    proposal = models.ForeignKey(
        Proposal, verbose_name=_("proposal"), on_delete=models.PROTECT, related_name="comments"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("author"), on_delete=models.PROTECT, related_name="+"
    )
    text = models.TextField(_("comment"))
    visibility = models.CharField(
        _("who reads it"), max_length=10, choices=CommentVisibility.choices, default=CommentVisibility.SHARED
    )
    version = models.PositiveIntegerField(_("on version"), default=0)
    created_at = models.DateTimeField(_("written"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("proposal comment")
        verbose_name_plural = _("proposal comments")
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["proposal", "created_at"], name="projects_comment_proposal_idx")]

    def __str__(self):
        return f"{self.author} · {self.proposal}"
