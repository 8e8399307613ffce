"""Personal data rights: requests and their pauses, the deadline policy and holidays, notices, consent, retention."""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Holiday(models.Model):
    """A day on which the transparency unit does not count the legal terms (besides weekends)."""

    day = models.DateField(_("day"), unique=True)
    name = models.CharField(_("name"), max_length=200)

    class Meta:
        verbose_name = _("non-working day")
        verbose_name_plural = _("non-working days")
        ordering = ["day"]

    def __str__(self):
        return f"{self.day:%Y-%m-%d} {self.name}"


class DeadlinePolicy(models.Model):
    """The legal terms staff set; one row. A request keeps the term in force when it was received."""

    answer_days = models.PositiveSmallIntegerField(_("business days to answer"), default=20)
    extension_days = models.PositiveSmallIntegerField(_("business days of the one extension"), default=10)
    reminder_days = models.PositiveSmallIntegerField(_("remind this many business days before due"), default=5)
    # LGPDPPSO art. 53: a person asked to complete a request has 10 business days to do so, or it is deemed not filed.
    completion_days = models.PositiveSmallIntegerField(
        _("business days the person has to complete a request"), default=10, validators=[MinValueValidator(1)]
    )

    class Meta:
        verbose_name = _("deadline policy")
        verbose_name_plural = _("deadline policy")
        constraints = [
            models.CheckConstraint(condition=models.Q(answer_days__gte=1), name="privacy_policy_answer_days_positive"),
        ]

    def __str__(self):
        return str(_("%(days)d business days") % {"days": self.answer_days})

    @classmethod
    def current(cls):
        return cls.objects.get_or_create(pk=1)[0]


class RightsRequest(models.Model):
    """One request to exercise a right over one's personal data (ARCO or portability)."""

    class Right(models.TextChoices):
        ACCESS = "access", _("Access")
        RECTIFICATION = "rectification", _("Rectification")
        CANCELLATION = "cancellation", _("Cancellation")
        OPPOSITION = "opposition", _("Opposition")
        PORTABILITY = "portability", _("Portability")

    class Channel(models.TextChoices):
        EMAIL = "email", _("By e-mail")
        PLATFORM = "platform", _("On the platform (signed in)")
        IN_PERSON = "in_person", _("In person at the transparency unit")

    class Status(models.TextChoices):
        RECEIVED = "received", _("Received")
        IDENTITY_VERIFIED = "identity_verified", _("Identity verified")
        IN_PROGRESS = "in_progress", _("In progress")
        AWAITING_COMPLETION = "awaiting_completion", _("Asked to complete")
        ANSWERED = "answered", _("Answered")
        WITHDRAWN = "withdrawn", pgettext_lazy("personal data request", "Withdrawn")
        EXPIRED = "expired", _("Expired unconfirmed")
        NOT_COMPLETED = "not_completed", _("Not completed in time (deemed not filed)")
        SUPERSEDED = "superseded", _("Superseded by the account owner's own request")

    class Outcome(models.TextChoices):
        GRANTED = "granted", _("Granted")
        PARTLY_GRANTED = "partly_granted", _("Partly granted")
        DENIED = "denied", _("Denied")

    OPEN = (Status.RECEIVED, Status.IDENTITY_VERIFIED, Status.IN_PROGRESS, Status.AWAITING_COMPLETION)

    requester = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="rights_requests",
    )
    full_name = models.CharField(_("full name"), max_length=200)
    email = models.EmailField(_("e-mail address"), max_length=254)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    right = models.CharField(_("right"), max_length=20, choices=Right.choices)
    rectify_fields = models.JSONField(
        _("data to correct"),
        default=list,
        blank=True,
        help_text=_("For a rectification: which of the person's or their organization's data the request names."),
    )
    details = models.TextField(
        _("about what"), help_text=_("Which data, and what you want done with it; the more precise, the faster.")
    )
    channel = models.CharField(_("preferred answer channel"), max_length=20, choices=Channel.choices)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.RECEIVED)
    received_at = models.DateTimeField(_("received"), auto_now_add=True)
    received_on = models.DateField(_("received on"))
    identity_verified_at = models.DateTimeField(_("identity verified"), null=True, blank=True)
    verification_nonce = models.CharField(max_length=32, blank=True, editable=False)
    term_days = models.PositiveSmallIntegerField(_("term in business days"))
    extension_days = models.PositiveSmallIntegerField(_("extension in business days"), default=0)
    extension_reason = models.TextField(_("reason of the extension"), blank=True)
    due_on = models.DateField(_("due"), null=True, blank=True, help_text=_("Empty while the clock is paused."))
    reminded_for = models.DateField(_("reminder sent for the due date"), null=True, blank=True)
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices, blank=True)
    answer = models.TextField(_("answer"), blank=True)
    legal_reason = models.TextField(_("legal reason of the denial"), blank=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    withdrawal_reason = models.TextField(_("reason of the withdrawal"), blank=True)
    # When it left the open statuses (answered, withdrawn or expired); its due date no longer runs after that.
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)

    class Meta:
        verbose_name = _("personal data request")
        verbose_name_plural = _("personal data requests")
        ordering = ["-received_at", "-id"]
        constraints = [
            # The same person cannot have two open requests for the same right. Only a confirmed identity counts:
            # anyone may type an address, and an unconfirmed request must not block its owner.
            models.UniqueConstraint(
                Lower("email"),
                "right",
                condition=models.Q(status__in=["received", "identity_verified", "in_progress", "awaiting_completion"])
                & models.Q(identity_verified_at__isnull=False),
                name="privacy_one_open_request_per_right",
                violation_error_message=_("You already have an open request for this right."),
            ),
            models.CheckConstraint(
                condition=~models.Q(status="answered") | ~models.Q(outcome=""),
                name="privacy_answered_has_outcome",
            ),
            models.CheckConstraint(
                condition=~models.Q(outcome="denied") | ~models.Q(legal_reason=""),
                name="privacy_denial_has_legal_reason",
            ),
            models.CheckConstraint(condition=models.Q(extension_days__lte=10), name="privacy_one_short_extension"),
        ]
        indexes = [models.Index(fields=["status", "due_on"], name="privacy_queue_idx")]

    def __str__(self):
        return _("Request %(number)s (%(right)s)") % {"number": self.number, "right": self.get_right_display()}

    def get_absolute_url(self):
        return reverse("privacy:request-detail", args=[self.pk])

    @property
    def number(self):
        return f"ARCO-{self.received_on:%Y}-{self.pk:05d}"

    @property
    def is_open(self):
        return self.status in self.OPEN

    @property
    def identity_verified(self):
        return self.identity_verified_at is not None

    @property
    def open_pause(self):
        """The pause waiting for the person to complete the request, if any."""
        return self.pauses.filter(completed_on=None).first() if self.pk else None

    @property
    def closed_on(self):
        return timezone.localdate(self.closed_at) if self.closed_at else None

    @property
    def days_open(self):
        """Calendar days from receipt to closing (an unconfirmed request expires after the retention rule's days)."""
        return (self.closed_on - self.received_on).days if self.closed_at else None

    @property
    def closed_late(self):
        """Closed after its due date (a request withdrawn or answered past the legal term)."""
        return bool(self.closed_at and self.due_on and self.closed_on > self.due_on)


class RequestPause(models.Model):
    """A time the person was asked to complete their request: the legal clock stops meanwhile."""

    request = models.ForeignKey(RightsRequest, on_delete=models.PROTECT, related_name="pauses")
    asked_on = models.DateField(_("asked on"))
    completed_on = models.DateField(_("completed on"), null=True, blank=True)
    complete_by = models.DateField(
        _("to be completed by"), null=True, blank=True, help_text=_("Past this day the request is deemed not filed.")
    )
    what_is_missing = models.TextField(_("what is missing"))

    class Meta:
        verbose_name = _("pause of the clock")
        verbose_name_plural = _("pauses of the clock")
        ordering = ["asked_on", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["request"], condition=models.Q(completed_on=None), name="privacy_one_open_pause"
            ),
        ]

    def __str__(self):
        return f"{self.asked_on} – {self.completed_on or '…'}"


class PrivacyNotice(models.Model):
    """One published version of a privacy notice, simplified or full; a change is a new version, never an edit."""

    class Kind(models.TextChoices):
        SIMPLIFIED = "simplified", _("Simplified notice")
        FULL = "full", _("Full notice")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    version = models.PositiveIntegerField(_("version"))
    text_es = models.TextField(_("text (Spanish)"))
    text_en = models.TextField(_("text (English)"))
    published_at = models.DateTimeField(_("published"), auto_now_add=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("published by"), on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("privacy notice")
        verbose_name_plural = _("privacy notices")
        ordering = ["kind", "-version"]
        constraints = [models.UniqueConstraint(fields=["kind", "version"], name="privacy_notice_one_version")]

    def __str__(self):
        return f"{self.get_kind_display()} v{self.version}"

    def text(self, language):
        return self.text_en if language == "en" and self.text_en else self.text_es


class PurposeChoice(models.Model):
    """A person's consent to, or opposition against, one use of their data; the latest row per purpose holds.

    Rows are never changed: the history says what the person chose, when, and which notice they had read.
    Without any row a purpose is allowed (the alliance's ordinary operation); opposing it takes effect at once.
    """

    class Purpose(models.TextChoices):
        DIRECTORY = "directory", _("Appear as a contact in the public directory of members")
        REMINDERS = "reminders", _("Receive newsletters and reminders by e-mail")
        NAMED_IN_MINUTES = "named_in_minutes", _("Be named in published minutes")

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("person"), on_delete=models.PROTECT, related_name="purpose_choices"
    )
    purpose = models.CharField(_("purpose"), max_length=30, choices=Purpose.choices)
    allowed = models.BooleanField(_("allowed"))
    notice = models.ForeignKey(
        PrivacyNotice, verbose_name=_("notice read"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided"), auto_now_add=True)

    class Meta:
        verbose_name = _("consent or opposition")
        verbose_name_plural = _("consents and oppositions")
        ordering = ["person", "purpose", "-decided_at", "-id"]
        indexes = [models.Index(fields=["purpose", "person", "-decided_at"], name="privacy_choice_latest_idx")]

    def __str__(self):
        return f"{self.get_purpose_display()}: {self.allowed}"


class RetentionRule(models.Model):
    """Staff's term for one kind of data; the periodic job anonymizes what has been kept longer."""

    class Kind(models.TextChoices):
        UNACCEPTED_INVITATIONS = (
            "unaccepted_invitations",
            _("Invitations never accepted (after they expire or are revoked)"),
        )
        CLOSED_REQUESTS = "closed_requests", _("Personal data requests (after they are answered or withdrawn)")
        CLOSED_SURVEY_DRAFTS = (
            "closed_survey_drafts",
            _("Answers never submitted to anonymous surveys (after the survey closes)"),
        )
        SURVEY_CONTACTS = (
            "survey_contacts",
            _("Who was invited to answer a survey in person (after the survey closes)"),
        )
        SECURITY_EVENTS = (
            "security_events",
            _(
                "Failed sign-ins, password reset requests and failed identity checks of requests: address or link "
                "typed, IP address, browser (after they happen)"
            ),
        )
        SENT_EMAILS = (
            "sent_emails",
            _("E-mails sent or failed: recipients, subject and text (after the last try)"),
        )
        UNCONFIRMED_REQUESTS = (
            "unconfirmed_requests",
            _(
                "Personal data requests filed without an account whose address was never confirmed: closed as "
                "expired and anonymized (after they are received)"
            ),
        )
        WEB_TRACES = (
            "web_traces",
            _(
                "IP address, browser and page of every other step recorded through the web (sign-ins, changes): "
                "kept beside the audit trail (after they happen)"
            ),
        )

    # Kinds in force before staff set them: security records hold IP addresses of people who may have no account,
    # the outbox the address of everyone the platform wrote to, and an unconfirmed request the name and address of
    # someone who may never have filed it.
    DEFAULT_DAYS = {Kind.SECURITY_EVENTS: 90, Kind.SENT_EMAILS: 30, Kind.UNCONFIRMED_REQUESTS: 30}

    kind = models.CharField(_("kind of data"), max_length=40, choices=Kind.choices, unique=True)
    keep_days = models.PositiveIntegerField(_("keep for (days)"))
    active = models.BooleanField(_("applied by the periodic job"), default=True)

    class Meta:
        verbose_name = _("retention rule")
        verbose_name_plural = _("retention rules")
        ordering = ["kind"]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.keep_days}"

    @classmethod
    def in_force(cls):
        """Return ``{kind: keep_days}`` of the rules applied: active rules, and defaults staff never set."""
        rules = {rule.kind: rule for rule in cls.objects.all()}
        terms = {kind: rule.keep_days for kind, rule in rules.items() if rule.active}
        terms.update({kind: days for kind, days in cls.DEFAULT_DAYS.items() if kind not in rules})
        return terms


class RetentionRun(models.Model):
    """One pass of the retention job: when, and how many records of each kind it anonymized."""

    started_at = models.DateTimeField(_("run at"), auto_now_add=True)
    results = models.JSONField(_("anonymized per kind"), default=dict)

    class Meta:
        verbose_name = _("retention run")
        verbose_name_plural = _("retention runs")
        ordering = ["-started_at", "-id"]

    def __str__(self):
        return f"{self.started_at:%Y-%m-%d %H:%M} {self.results}"
