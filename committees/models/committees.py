"""The working committees, the organizations that sit on them, their posts and work plans."""

from django.conf import settings
from django.db import models
from django.db.models.functions import Coalesce, Lower
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from axs_platform.dates import date_precision_field


class DecisionMechanism(models.TextChoices):
    """How a committee picks its projects (the four ways the 2016–2018 committees used)."""

    ONLINE_SURVEY = "online_survey", _("Online survey among members")
    VOTE = "vote", _("Vote")
    PRIOR_STUDIES = "prior_studies", _("Prior studies and analyses")
    CO_CONSTRUCTION = "co_construction", _("Co-construction with all members")


class CommitteeQuerySet(models.QuerySet):
    def open(self):
        return self.filter(closed_at__isnull=True)


class Committee(models.Model):
    """A working committee of the alliance, tied to one SDG."""

    name = models.CharField(_("name"), max_length=200)
    name_en = models.CharField(
        _("name in English"),
        max_length=200,
        blank=True,
        help_text=_("Shown in the English pages, report and calendar; when blank, they show the Spanish name."),
    )
    goal = models.ForeignKey("sdg.Goal", verbose_name=_("SDG"), on_delete=models.PROTECT, related_name="committees")
    description = models.TextField(_("description"), blank=True)
    decision_mechanism = models.CharField(
        _("decision mechanism"),
        max_length=30,
        choices=DecisionMechanism.choices,
        help_text=_("How the committee picks the projects it supports."),
    )
    operating_rules = models.TextField(_("operating rules"), blank=True)
    installed_on = models.DateField(_("installed on"), null=True, blank=True)
    date_precision = date_precision_field(_("How much of the installation date the source gives."))
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("closed by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    close_reason = models.TextField(_("reason for closing"), blank=True)

    objects = CommitteeQuerySet.as_manager()

    class Meta:
        verbose_name = _("committee")
        verbose_name_plural = _("committees")
        ordering = ["goal__number", "name"]
        constraints = [
            models.UniqueConstraint(
                Lower("name"),
                name="committees_committee_name_ci_unique",
                violation_error_message=_("A committee with this name already exists."),
            ),
            models.CheckConstraint(
                condition=models.Q(closed_at__isnull=True) | ~models.Q(close_reason=""),
                name="committees_committee_close_reason",
                violation_error_message=_("Closing a committee needs a reason."),
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("committees:committee-detail", args=[self.pk])

    @property
    def is_open(self):
        return self.closed_at is None

    @property
    def display_name(self):
        """The name in the active language: the English one in English when it was given, else the Spanish one."""
        return in_english_or(self.name_en, self.name)

    @property
    def name_language(self):
        """The language ``display_name`` is written in: Spanish when the English name is missing."""
        return "en" if self.name_en and in_english() else "es"


def in_english():
    return (translation.get_language() or "").startswith("en")


def in_english_or(english, spanish):
    """Return ``english`` when the active language is English and it is filled, else ``spanish``."""
    return english if english and in_english() else spanish


class MembershipStatus(models.TextChoices):
    # In the context of a membership: Spanish "membresía" is feminine ("Activa", "Suspendida").
    REQUESTED = "requested", pgettext_lazy("membership status", "Requested")
    ACTIVE = "active", pgettext_lazy("membership status", "Active")
    SUSPENDED = "suspended", pgettext_lazy("membership status", "Suspended")
    LEFT = "left", pgettext_lazy("membership status", "Left")
    DECLINED = "declined", pgettext_lazy("membership status", "Request declined")
    # The records stop saying whether the organization still takes part (a history known only from a
    # source that names it once): neither a member now nor one that left; it may join again.
    UNKNOWN = "unknown", pgettext_lazy("membership status", "No data")


OPEN_MEMBERSHIP_STATUSES = (MembershipStatus.REQUESTED, MembershipStatus.ACTIVE, MembershipStatus.SUSPENDED)


class MembershipSource(models.TextChoices):
    INVITATION = "invitation", _("Invited by staff")
    REQUEST = "request", _("On its own request")


class MembershipQuerySet(models.QuerySet):
    def current(self):
        return self.filter(status=MembershipStatus.ACTIVE)

    def _status_on(self, day):
        """Annotate ``status_on``: the status the last change recorded by ``day`` gave, else the status now."""
        status_then = (
            MembershipChange.objects.filter(membership=models.OuterRef("pk"), effective_on__lte=day)
            .order_by("-effective_on", "-created_at", "-id")
            .values("to_status")[:1]
        )
        return self.annotate(status_on=Coalesce(models.Subquery(status_then), models.F("status")))

    def on(self, day):
        """Memberships in force on ``day`` (joined by then, not ended by then), with ``status_on`` that day.

        ``status_on`` is the status the last change recorded by then gave, active or suspended; a
        membership without recorded changes (written outside the services) has its status now. From the
        day a membership has no data, it is not in force (nor known to have ended): see ``unknown_on``.
        """
        return (
            self._status_on(day)
            .filter(joined_on__lte=day)
            .filter(models.Q(ended_on__isnull=True) | models.Q(ended_on__gt=day))
            .filter(status_on__in=[MembershipStatus.ACTIVE, MembershipStatus.SUSPENDED])
        )

    def active_on(self, day):
        """Memberships that were active (in force, not suspended) on ``day``; see ``on``."""
        return self.on(day).filter(status_on=MembershipStatus.ACTIVE)

    def unknown_on(self, day):
        """Memberships with no data on ``day`` on whether the organization still took part.

        An organization that joined the committee again by then is in force (``on``), not unknown.
        """
        in_force = Membership.objects.on(day).filter(
            committee=models.OuterRef("committee"), organization=models.OuterRef("organization")
        )
        return (
            self._status_on(day)
            .filter(joined_on__lte=day, status_on=MembershipStatus.UNKNOWN)
            .exclude(models.Exists(in_force))
        )


class Membership(models.Model):
    """One period in which an organization sits on a committee, from joining to leaving.

    Coming back after leaving opens a new period; the old one stays as history.
    """

    committee = models.ForeignKey(
        Committee, verbose_name=_("committee"), on_delete=models.PROTECT, related_name="memberships"
    )
    organization = models.ForeignKey(
        "companies.Organization",
        verbose_name=_("organization"),
        on_delete=models.PROTECT,
        related_name="committee_memberships",
    )
    status = models.CharField(_("status"), max_length=20, choices=MembershipStatus.choices)
    source = models.CharField(_("how it joined"), max_length=20, choices=MembershipSource.choices)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    request_reason = models.TextField(_("why it wants to join"), blank=True)
    joined_on = models.DateField(_("joined on"), null=True, blank=True)
    ended_on = models.DateField(_("left on"), null=True, blank=True)
    created_at = models.DateTimeField(_("recorded"), default=timezone.now, editable=False)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("committee membership")
        verbose_name_plural = _("committee memberships")
        ordering = ["committee", "organization__legal_name", "-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["committee", "organization"],
                condition=models.Q(status__in=["requested", "active", "suspended"]),
                name="committees_one_open_membership",
                violation_error_message=_("This organization already sits on this committee or has asked to."),
            ),
            models.CheckConstraint(
                condition=~models.Q(status__in=["active", "suspended", "left", "unknown"])
                | models.Q(joined_on__isnull=False),
                name="committees_membership_joined_date",
            ),
            models.CheckConstraint(
                condition=models.Q(ended_on__isnull=True)
                | models.Q(joined_on__isnull=True)
                | models.Q(ended_on__gte=models.F("joined_on")),
                name="committees_membership_ends_after_joining",
            ),
        ]
        indexes = [
            models.Index(fields=["committee", "status"], name="committees_membership_idx"),
            models.Index(fields=["organization", "status"], name="committees_membership_org_idx"),
        ]

    def __str__(self):
        return f"{self.organization} · {self.committee}"

    @property
    def is_current(self):
        return self.status == MembershipStatus.ACTIVE

    @property
    def is_unknown(self):
        return self.status == MembershipStatus.UNKNOWN


class MembershipChange(models.Model):
    """One step in a membership: from which status to which, when, who decided and why."""

    membership = models.ForeignKey(
        Membership, verbose_name=_("membership"), on_delete=models.PROTECT, related_name="changes"
    )
    from_status = models.CharField(_("from"), max_length=20, choices=MembershipStatus.choices, blank=True)
    to_status = models.CharField(_("to"), max_length=20, choices=MembershipStatus.choices)
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
        verbose_name = _("membership change")
        verbose_name_plural = _("membership changes")
        ordering = ["-effective_on", "-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(to_status__in=["suspended", "left", "declined", "unknown"]) | ~models.Q(reason=""),
                name="committees_membership_change_reason",
                violation_error_message=_(
                    "Suspending, ending or declining a membership, or recording that there is no data, needs a reason."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.membership}: {self.get_from_status_display() or '—'} → {self.get_to_status_display()}"


class PostKind(models.TextChoices):
    CHAIR = "chair", _("Chair")
    SECRETARY = "secretary", _("Secretary")


class PostQuerySet(models.QuerySet):
    def current(self):
        return self.filter(ended_on__isnull=True)


class Post(models.Model):
    """A term in a committee's chair or secretary post, held by a person of a member organization."""

    committee = models.ForeignKey(
        Committee, verbose_name=_("committee"), on_delete=models.PROTECT, related_name="posts"
    )
    kind = models.CharField(_("post"), max_length=20, choices=PostKind.choices)
    holder = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("holder"), on_delete=models.PROTECT, related_name="committee_posts"
    )
    organization = models.ForeignKey(
        "companies.Organization",
        verbose_name=_("organization"),
        on_delete=models.PROTECT,
        related_name="committee_posts",
        help_text=_("The member organization the holder spoke for during the term."),
    )
    started_on = models.DateField(_("from"))
    ended_on = models.DateField(_("until"), null=True, blank=True)
    appointed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("appointed by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    end_reason = models.CharField(_("reason the term ended"), max_length=255, blank=True)

    objects = PostQuerySet.as_manager()

    class Meta:
        verbose_name = _("committee post")
        verbose_name_plural = _("committee posts")
        ordering = ["committee", "kind", "-started_on", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["committee", "kind"],
                condition=models.Q(ended_on__isnull=True),
                name="committees_one_current_holder_per_post",
                violation_error_message=_("This post already has a current holder."),
            ),
            models.UniqueConstraint(
                fields=["committee", "holder"],
                condition=models.Q(ended_on__isnull=True),
                name="committees_one_current_post_per_holder",
                violation_error_message=_("One person cannot hold both current posts of a committee."),
            ),
            models.CheckConstraint(
                condition=models.Q(ended_on__isnull=True) | models.Q(ended_on__gte=models.F("started_on")),
                name="committees_post_ends_after_start",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} · {self.committee}: {self.holder.full_name}"

    @property
    def is_current(self):
        return self.ended_on is None


class PriorityArea(models.Model):
    """A priority area of a committee's work plan."""

    committee = models.ForeignKey(
        Committee, verbose_name=_("committee"), on_delete=models.PROTECT, related_name="priority_areas"
    )
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=1)

    class Meta:
        verbose_name = _("priority area")
        verbose_name_plural = _("priority areas")
        ordering = ["committee", "position", "id"]
        constraints = [
            models.UniqueConstraint(
                "committee",
                Lower("name"),
                name="committees_priority_area_once",
                violation_error_message=_("This committee already has a priority area with this name."),
            )
        ]

    def __str__(self):
        return self.name


class ActivityStatus(models.TextChoices):
    # In the context of an activity: Spanish "actividad" is feminine ("Concluida", "Cancelada").
    PLANNED = "planned", pgettext_lazy("activity status", "Planned")
    IN_PROGRESS = "in_progress", pgettext_lazy("activity status", "In progress")
    DONE = "done", pgettext_lazy("activity status", "Done")
    CANCELLED = "cancelled", pgettext_lazy("activity status", "Cancelled")


class WorkPlanActivity(models.Model):
    """An activity of a committee's work plan, under one of its priority areas."""

    committee = models.ForeignKey(
        Committee, verbose_name=_("committee"), on_delete=models.PROTECT, related_name="activities"
    )
    priority_area = models.ForeignKey(
        PriorityArea, verbose_name=_("priority area"), on_delete=models.PROTECT, related_name="activities"
    )
    title = models.CharField(_("activity"), max_length=255)
    responsible_organization = models.ForeignKey(
        "companies.Organization",
        verbose_name=_("responsible organization"),
        on_delete=models.PROTECT,
        related_name="committee_activities",
    )
    starts_on = models.DateField(_("starts"))
    ends_on = models.DateField(_("ends"))
    status = models.CharField(
        _("status"), max_length=20, choices=ActivityStatus.choices, default=ActivityStatus.PLANNED
    )

    class Meta:
        verbose_name = _("work-plan activity")
        verbose_name_plural = _("work-plan activities")
        ordering = ["committee", "priority_area__position", "starts_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="committees_activity_ends_after_start",
                violation_error_message=_("An activity cannot end before it starts."),
            )
        ]

    def __str__(self):
        return self.title
