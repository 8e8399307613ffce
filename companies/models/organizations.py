"""Member organizations of the alliance and the history of their participation."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, gettext_noop, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from ..geography import Country, MexicanState
from ..validators import validate_rfc

# The one folder of MEDIA_ROOT served to anyone: logos appear on public pages.
PUBLIC_MEDIA_FOLDER = "companies/logos"


def logo_upload_to(instance, filename):
    """Store logos under a random name so that a URL reveals nothing and never collides."""
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"{PUBLIC_MEDIA_FOLDER}/{uuid.uuid4().hex}.{extension}"


class OrganizationType(models.TextChoices):
    COMPANY = "company", _("Company")
    CORPORATE_FOUNDATION = "foundation", _("Corporate foundation")
    CHAMBER = "chamber", _("Business chamber or association")
    CIVIL_SOCIETY = "civil_society", _("Civil-society organization")
    SOCIAL_ECONOMY = "social_economy", _("Cooperative or social enterprise")
    ACADEMIA = "academia", _("Academia")
    PUBLIC_BODY = "public_body", _("Public body")
    COOPERATION_AGENCY = "cooperation_agency", _("International cooperation agency")


class OrganizationSize(models.TextChoices):
    """Sizes as the Mexican classification counts staff; micro, small and medium are the SMEs."""

    MICRO = "micro", _("Micro (up to 10 people)")
    SMALL = "small", _("Small (11 to 50 people)")
    MEDIUM = "medium", _("Medium (51 to 250 people)")
    LARGE = "large", _("Large (more than 250 people)")


SME_SIZES = (OrganizationSize.MICRO, OrganizationSize.SMALL, OrganizationSize.MEDIUM)


class Sector(models.TextChoices):
    AGRICULTURE = "agriculture", _("Agriculture, forestry and fishing")
    MINING = "mining", _("Mining, oil and gas")
    ENERGY = "energy", _("Electricity, water and renewable energy")
    CONSTRUCTION = "construction", _("Construction and real estate")
    FOOD = "food", _("Food and beverages")
    MANUFACTURING = "manufacturing", _("Manufacturing")
    CHEMICALS = "chemicals", _("Chemicals, plastics and materials")
    PHARMA = "pharma", _("Pharmaceuticals and health")
    RETAIL = "retail", _("Retail and wholesale trade")
    TRANSPORT = "transport", _("Transport and logistics")
    TOURISM = "tourism", _("Tourism, hospitality and entertainment")
    TELECOM = "telecom", _("Information technology and telecommunications")
    FINANCE = "finance", _("Financial services and insurance")
    PROFESSIONAL = "professional", _("Professional and consulting services")
    EDUCATION = "education", _("Education and research")
    SOCIAL = "social", _("Social services and philanthropy")
    BUSINESS_REPRESENTATION = "business_representation", _("Business representation")
    GOVERNMENT = "government", _("Government and international cooperation")


class ParticipationStatus(models.TextChoices):
    INVITED = "invited", _("Invited")
    # An organization ("organización") is feminine in Spanish, unlike an active account ("Activo").
    ACTIVE = "active", pgettext_lazy("participation status", "Active")
    SUSPENDED = "suspended", _("Suspended")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    # The records stop saying whether the organization still takes part (one known only from a source that
    # names it at a moment): neither a member now nor one that left. Staff may record what they learn later.
    UNKNOWN = "unknown", _("No data")


# The statuses the public directory lists: members taking part, and those of whom it is not known whether
# they still do (shown as such, never counted as active).
PUBLIC_PARTICIPATION_STATUSES = (ParticipationStatus.ACTIVE, ParticipationStatus.UNKNOWN)


class AllianceRole(models.TextChoices):
    """Roles an organization may want to play in the alliance (asked by the 2016 survey)."""

    LEAD_PROJECTS = "lead_projects", _("Lead projects")
    JOIN_CONSORTIA = "join_consortia", _("Join project consortia")
    FUND = "fund", _("Fund projects")
    TECHNICAL_EXPERTISE = "technical_expertise", _("Offer technical expertise")
    IN_KIND = "in_kind", _("Contribute in kind or with volunteers")
    COMMITTEE_POSTS = "committee_posts", _("Chair or act as secretary of a committee")
    DISSEMINATE = "disseminate", _("Share knowledge and spread the alliance's work")


class DueDiligenceState(models.TextChoices):
    """Where an organization stands in due diligence, kept on it for filtering the directory."""

    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    APPROVED = "approved", _("Approved")
    APPROVED_WITH_CONDITIONS = "approved_with_conditions", _("Approved with conditions")
    REJECTED = "rejected", _("Rejected")


class OrganizationQuerySet(models.QuerySet):
    def not_archived(self):
        return self.filter(archived_at__isnull=True)

    def active_members(self):
        """Return the organizations taking part now: active and not archived (who may join, be invited, answer)."""
        return self.not_archived().filter(participation_status=ParticipationStatus.ACTIVE)

    def public(self):
        """Return the organizations the public directory shows: active members and those with no data.

        An organization with no data took part once (the records say so) and nothing says it left; the
        directory shows its status, and only ``active_members`` take part now.
        """
        return self.not_archived().filter(participation_status__in=PUBLIC_PARTICIPATION_STATUSES)


class Organization(models.Model):
    """A company, foundation, chamber or other body that is, or is invited to be, a member."""

    legal_name = models.CharField(_("legal name"), max_length=255)
    short_name = models.CharField(_("short name"), max_length=100, blank=True)
    # The shown name as a Spanish sort key (axs_platform.collation), set by the services that save
    # the profile: the directory's order on databases without a Spanish collation.
    sort_name = models.CharField(_("sort name"), max_length=255, blank=True, editable=False, db_index=True)
    organization_type = models.CharField(_("type"), max_length=30, choices=OrganizationType.choices)
    size = models.CharField(_("size"), max_length=10, choices=OrganizationSize.choices)
    sector = models.CharField(_("economic sector"), max_length=30, choices=Sector.choices)
    rfc = models.CharField(
        _("RFC"),
        max_length=13,
        blank=True,
        validators=[validate_rfc],
        help_text=_("Mexican tax ID (Registro Federal de Contribuyentes). Optional for foreign organizations."),
    )
    country = models.CharField(_("country"), max_length=2, choices=Country.choices, default=Country.MEXICO)
    state = models.CharField(
        _("state"),
        max_length=3,
        choices=MexicanState.choices,
        blank=True,
        help_text=_("For organizations based in Mexico."),
    )
    website = models.URLField(_("website"), blank=True)
    logo = models.FileField(_("logo"), upload_to=logo_upload_to, blank=True)
    description = models.TextField(_("description"), blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    alliance_roles = models.JSONField(
        _("roles wanted in the alliance"), default=list, blank=True, help_text=_("Codes of AllianceRole.")
    )
    participation_status = models.CharField(
        _("participation"),
        max_length=20,
        choices=ParticipationStatus.choices,
        default=ParticipationStatus.INVITED,
        db_index=True,
        help_text=_("The latest entry of the participation history."),
    )
    due_diligence_state = models.CharField(
        _("due diligence"),
        max_length=30,
        choices=DueDiligenceState.choices,
        default=DueDiligenceState.NOT_STARTED,
        help_text=_("The state of the latest due-diligence review."),
    )
    due_diligence_expires_on = models.DateField(_("due diligence valid until"), null=True, blank=True)
    is_fictitious = models.BooleanField(
        _("fictitious"),
        default=False,
        help_text=_("Invented for the demo or for training; reports and pages mark it “fictitious”."),
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)
    archived_at = models.DateTimeField(_("archived"), null=True, blank=True)
    archived_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("archived by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    objects = OrganizationQuerySet.as_manager()

    class Meta:
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")
        ordering = ["legal_name"]
        constraints = [
            models.UniqueConstraint(
                Lower("legal_name"),
                name="companies_org_legal_name_ci_unique",
                violation_error_message=_("An organization with this legal name already exists."),
            ),
            models.UniqueConstraint(
                fields=["rfc"],
                condition=~models.Q(rfc=""),
                name="companies_org_rfc_unique",
                violation_error_message=_("An organization with this RFC already exists."),
            ),
            models.CheckConstraint(
                condition=~models.Q(country="MX") | ~models.Q(rfc=""),
                name="companies_org_rfc_required_in_mexico",
                violation_error_message=_("Organizations based in Mexico need their RFC."),
            ),
            models.CheckConstraint(
                condition=models.Q(country="MX") | models.Q(state=""),
                name="companies_org_state_only_in_mexico",
                violation_error_message=_("Only organizations based in Mexico have a Mexican state."),
            ),
        ]
        indexes = [
            models.Index(fields=["participation_status", "archived_at", "legal_name"], name="companies_org_dir_idx"),
            models.Index(fields=["organization_type", "legal_name"], name="companies_org_type_idx"),
            models.Index(fields=["size", "legal_name"], name="companies_org_size_idx"),
            models.Index(fields=["sector", "legal_name"], name="companies_org_sector_idx"),
            models.Index(fields=["state", "legal_name"], name="companies_org_state_idx"),
            models.Index(fields=["due_diligence_state", "due_diligence_expires_on"], name="companies_org_dd_idx"),
            # The pickers' first page: active members by name (``active_members()``, the default order).
            models.Index(
                fields=["legal_name"],
                condition=models.Q(archived_at__isnull=True, participation_status=ParticipationStatus.ACTIVE),
                name="companies_org_active_name_idx",
            ),
            # The public datasets' "last updated" (MAX over the public directory): read from the index's end.
            models.Index(
                fields=["updated_at"],
                condition=models.Q(archived_at__isnull=True, participation_status__in=PUBLIC_PARTICIPATION_STATUSES),
                name="companies_org_public_upd_idx",
            ),
        ]

    def __str__(self):
        return self.display_name

    def get_absolute_url(self):
        return reverse("companies:organization-detail", args=[self.pk])

    @property
    def display_name(self):
        name = self.short_name or self.legal_name
        return _("%(name)s (fictitious)") % {"name": name} if self.is_fictitious else name

    @property
    def is_participation_unknown(self):
        return self.participation_status == ParticipationStatus.UNKNOWN

    @property
    def is_archived(self):
        return self.archived_at is not None

    @property
    def is_sme(self):
        return self.size in SME_SIZES

    @property
    def due_diligence_expired(self):
        return (
            self.due_diligence_state in (DueDiligenceState.APPROVED, DueDiligenceState.APPROVED_WITH_CONDITIONS)
            and self.due_diligence_expires_on is not None
            and self.due_diligence_expires_on < timezone.localdate()
        )

    @property
    def alliance_role_labels(self):
        labels = dict(AllianceRole.choices)
        return [labels[code] for code in self.alliance_roles if code in labels]


# The reason the platform itself writes for an organization's first step, stored as this English msgid.
REGISTERED_REASON = gettext_noop("Registered in the alliance.")
# Reasons the platform writes, by every form they were ever stored in (rows before migration 0008 held the creator's
# language), to the msgid shown translated; any other reason was written by a person and is shown as written.
KNOWN_REASONS = {REGISTERED_REASON: REGISTERED_REASON, "Registrada en la alianza.": REGISTERED_REASON}


class ParticipationChange(models.Model):
    """One step of an organization's participation: from which status to which, when, who and why."""

    organization = models.ForeignKey(
        Organization, verbose_name=_("organization"), on_delete=models.PROTECT, related_name="participation_changes"
    )
    from_status = models.CharField(_("from"), max_length=20, choices=ParticipationStatus.choices, blank=True)
    to_status = models.CharField(_("to"), max_length=20, choices=ParticipationStatus.choices)
    effective_on = models.DateField(_("effective on"), default=timezone.localdate)
    reason = models.TextField(_("reason"), blank=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("changed by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("recorded"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("participation change")
        verbose_name_plural = _("participation changes")
        ordering = ["-effective_on", "-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(to_status__in=["suspended", "withdrawn", "unknown"]) | ~models.Q(reason=""),
                name="companies_participation_reason_required",
                violation_error_message=_(
                    "Suspending or withdrawing an organization, or recording that there is no data, needs a reason."
                ),
            ),
            models.CheckConstraint(
                condition=~models.Q(from_status=models.F("to_status")),
                name="companies_participation_changes_status",
            ),
        ]

    def __str__(self):
        return f"{self.organization}: {self.get_from_status_display() or '—'} → {self.get_to_status_display()}"

    @property
    def shown_reason(self):
        """The reason in the reader's language when the platform wrote it, else as its author wrote it."""
        msgid = KNOWN_REASONS.get(self.reason)
        return gettext(msgid) if msgid else self.reason


class SDGPriority(models.Model):
    """One of an organization's priority SDGs, ranked from 1 (the most important)."""

    organization = models.ForeignKey(
        Organization, verbose_name=_("organization"), on_delete=models.CASCADE, related_name="sdg_priorities"
    )
    goal = models.ForeignKey("sdg.Goal", verbose_name=_("SDG"), on_delete=models.PROTECT, related_name="+")
    rank = models.PositiveSmallIntegerField(_("rank"))

    class Meta:
        verbose_name = _("SDG priority")
        verbose_name_plural = _("SDG priorities")
        ordering = ["organization", "rank"]
        constraints = [
            models.UniqueConstraint(fields=["organization", "goal"], name="companies_priority_goal_once"),
            models.UniqueConstraint(fields=["organization", "rank"], name="companies_priority_rank_once"),
            models.CheckConstraint(condition=models.Q(rank__gte=1, rank__lte=17), name="companies_priority_rank_1_17"),
        ]
        indexes = [models.Index(fields=["goal", "organization"], name="companies_priority_goal_idx")]

    def __str__(self):
        return f"{self.organization} #{self.rank}: {self.goal}"
