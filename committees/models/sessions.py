"""Sessions of a committee or of the whole alliance, their attendance, minutes and agreements."""

import datetime
import secrets
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from axs_platform.dates import DatePrecision, date_precision_field

from .committees import Committee, in_english, in_english_or


def document_upload_to(instance, filename):
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"committees/documents/{uuid.uuid4().hex}.{extension}"


class SessionKind(models.TextChoices):
    COMMITTEE = "committee", _("Committee session")
    PLENARY = "plenary", _("Plenary session")
    CHAIRS = "chairs", _("Cross-committee session of chairs")


class SessionStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    HELD = "held", _("Held")  # recorded after it took place: nobody was invited through the platform
    CANCELLED = "cancelled", _("Cancelled")


class Session(models.Model):
    """A meeting: of one committee, or of the whole alliance (plenary, cross-committee)."""

    kind = models.CharField(_("kind"), max_length=20, choices=SessionKind.choices, default=SessionKind.COMMITTEE)
    committee = models.ForeignKey(
        Committee,
        verbose_name=_("committee"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="sessions",
    )
    title = models.CharField(_("title"), max_length=255)
    title_en = models.CharField(
        _("title in English"),
        max_length=255,
        blank=True,
        help_text=_("Shown in the English pages and calendar; when blank, they show the Spanish title."),
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    place = models.CharField(_("place"), max_length=255, blank=True)
    video_url = models.URLField(_("video link"), blank=True)
    description = models.TextField(_("description"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=SessionStatus.choices, default=SessionStatus.SCHEDULED
    )
    is_public = models.BooleanField(
        _("published"), default=False, help_text=_("Anyone can see a published session, its agenda and minutes.")
    )
    date_precision = date_precision_field(
        _("How much of the date the source gives, for a session held before the platform: the report prints only that.")
    )
    time_known = models.BooleanField(
        _("hour known"),
        default=True,
        help_text=_(
            "Whether the hour of its known day is known. Without it, the session is shown by its day alone and "
            "lasts the whole day in calendars; a session known to the month or the year has no hour at all."
        ),
    )
    reported_attendance = models.PositiveIntegerField(
        _("organizations attending (reported figure)"),
        null=True,
        blank=True,
        help_text=_(
            "For plenaries whose attendance list is kept outside the platform: how many organizations attended."
        ),
    )
    uid = models.UUIDField(_("calendar identifier"), default=uuid.uuid4, unique=True, editable=False)
    sequence = models.PositiveIntegerField(_("calendar revision"), default=0, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("scheduled by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["-starts_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind="committee", committee__isnull=False)
                | (~models.Q(kind="committee") & models.Q(committee__isnull=True)),
                name="committees_session_committee_iff_committee_kind",
                violation_error_message=_("A committee session needs its committee; a plenary has none."),
            ),
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="committees_session_ends_after_start",
                violation_error_message=_("A session must end after it starts."),
            ),
            models.CheckConstraint(
                condition=models.Q(date_precision=DatePrecision.DAY) | models.Q(time_known=False),
                name="committees_session_hour_only_with_day",
                violation_error_code="hour_without_day",
                violation_error_message=_("A session known only by its month or year has no hour."),
            ),
        ]
        indexes = [
            models.Index(fields=["committee", "-starts_at"], name="committees_session_idx"),
            models.Index(fields=["starts_at"], name="committees_session_start_idx"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("committees:session-detail", args=[self.pk])

    def clean(self):
        if self.time_known and self.date_precision != DatePrecision.DAY:
            message = _("A session known only by its month or year has no hour.")
            raise ValidationError({"time_known": ValidationError(message, code="hour_without_day")})

    @property
    def display_title(self):
        """The title in the active language: the English one in English when it was given, else the Spanish one."""
        return in_english_or(self.title_en, self.title)

    @property
    def title_language(self):
        """The language ``display_title`` is written in: Spanish when the English title is missing."""
        return "en" if self.title_en and in_english() else "es"

    @property
    def has_known_day(self):
        return self.date_precision == DatePrecision.DAY

    @property
    def has_known_hour(self):
        """Whether the hour is known: only then do pages, e-mails and calendars show it."""
        return self.time_known and self.has_known_day

    @property
    def starts_on(self):
        """The local day it starts."""
        return timezone.localdate(self.starts_at)

    @property
    def ends_on(self):
        """The local day it ends: a later one for a session over several days.

        An end at midnight closes the day before it, as a session without its hour is stored (to the next midnight).
        """
        return timezone.localdate(self.ends_at - datetime.timedelta(microseconds=1))

    @property
    def spans_days(self):
        """Whether it takes place over several known days ("19–20 de mayo de 2016")."""
        return self.has_known_day and self.ends_on > self.starts_on

    @property
    def is_plenary(self):
        return self.kind != SessionKind.COMMITTEE

    @property
    def is_cancelled(self):
        return self.status == SessionStatus.CANCELLED

    @property
    def is_upcoming(self):
        return self.starts_at > timezone.now()

    @property
    def published_status(self):
        """The state the platform shows: a scheduled session whose start has passed is held; cancelled stays so.

        The stored ``status`` of a session planned through the platform stays ``scheduled`` once it took place
        (only one recorded afterwards is stored ``held``): the open data and the API publish this one.
        """
        if self.status == SessionStatus.SCHEDULED and not self.is_upcoming:
            return SessionStatus.HELD
        return self.status

    @property
    def published_status_label(self):
        return SessionStatus(self.published_status).label


class AgendaItem(models.Model):
    """An item of a session's agenda (orden del día)."""

    session = models.ForeignKey(Session, verbose_name=_("session"), on_delete=models.PROTECT, related_name="agenda")
    position = models.PositiveSmallIntegerField(_("number"))
    title = models.CharField(_("item"), max_length=255)
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        ordering = ["session", "position", "id"]
        constraints = [models.UniqueConstraint(fields=["session", "position"], name="committees_agenda_position_once")]

    def __str__(self):
        return f"{self.position}. {self.title}"


class SessionDocument(models.Model):
    """A document of a session: a presentation, a study, an attendance list."""

    session = models.ForeignKey(Session, verbose_name=_("session"), on_delete=models.PROTECT, related_name="documents")
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to=document_upload_to)
    original_name = models.CharField(_("original file name"), max_length=255)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("uploaded by"), on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("uploaded"), default=timezone.now)

    class Meta:
        verbose_name = _("session document")
        verbose_name_plural = _("session documents")
        ordering = ["session", "uploaded_at", "id"]

    def __str__(self):
        return self.title


class AttendanceResponse(models.TextChoices):
    ATTENDING = "attending", _("Will attend")
    NOT_ATTENDING = "not_attending", _("Will not attend")


class AttendanceStatus(models.TextChoices):
    PRESENT = "present", _("Present")
    EXCUSED = "excused", _("Excused")
    ABSENT = "absent", _("Absent")


# The audit action of a correction of a past attendance list (``services.attendance_correct``).
ATTENDANCE_CORRECTED = "committees.attendance_corrected"


class Attendance(models.Model):
    """A person at a session, for an organization: their own answer beforehand and what was recorded."""

    session = models.ForeignKey(Session, verbose_name=_("session"), on_delete=models.PROTECT, related_name="attendance")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("person"), on_delete=models.PROTECT, related_name="attendances"
    )
    organization = models.ForeignKey(
        "companies.Organization", verbose_name=_("organization"), on_delete=models.PROTECT, related_name="attendances"
    )
    response = models.CharField(_("their answer"), max_length=20, choices=AttendanceResponse.choices, blank=True)
    status = models.CharField(_("attendance"), max_length=20, choices=AttendanceStatus.choices, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        ordering = ["session", "organization__legal_name", "person__full_name"]
        constraints = [models.UniqueConstraint(fields=["session", "person"], name="committees_attendance_once")]
        indexes = [models.Index(fields=["session", "status"], name="committees_attendance_idx")]

    def __str__(self):
        return f"{self.person} · {self.session}"


class AgreementStatus(models.TextChoices):
    # In the context of an agreement: Spanish "acuerdo" is masculine ("Concluido", "Cancelado").
    PENDING = "pending", pgettext_lazy("agreement status", "Pending")
    IN_PROGRESS = "in_progress", pgettext_lazy("agreement status", "In progress")
    DONE = "done", pgettext_lazy("agreement status", "Done")
    CANCELLED = "cancelled", pgettext_lazy("agreement status", "Cancelled")


OPEN_AGREEMENT_STATUSES = (AgreementStatus.PENDING, AgreementStatus.IN_PROGRESS)


class AgreementQuerySet(models.QuerySet):
    def overdue(self, today=None):
        return self.filter(status__in=OPEN_AGREEMENT_STATUSES, due_on__lt=today or timezone.localdate())


class Agreement(models.Model):
    """An agreement (acuerdo) taken at a session, with who answers for it and by when."""

    session = models.ForeignKey(Session, verbose_name=_("session"), on_delete=models.PROTECT, related_name="agreements")
    committee = models.ForeignKey(
        Committee,
        verbose_name=_("committee"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="agreements",
        help_text=_("The session's committee, kept here for the follow-up lists."),
    )
    description = models.TextField(_("agreement"))
    responsible_organization = models.ForeignKey(
        "companies.Organization",
        verbose_name=_("responsible organization"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="agreements",
    )
    responsible_person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("responsible person"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="agreements",
    )
    due_on = models.DateField(_("due"))
    status = models.CharField(
        _("status"), max_length=20, choices=AgreementStatus.choices, default=AgreementStatus.PENDING
    )
    follow_up = models.TextField(_("follow-up notes"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("recorded by"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("recorded"), default=timezone.now)
    completed_on = models.DateField(_("done on"), null=True, blank=True)

    objects = AgreementQuerySet.as_manager()

    class Meta:
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")
        ordering = ["due_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(responsible_organization__isnull=False) | models.Q(responsible_person__isnull=False),
                name="committees_agreement_has_responsible",
                violation_error_message=_("An agreement needs a responsible organization or person."),
            ),
        ]
        indexes = [
            models.Index(fields=["committee", "status", "due_on"], name="committees_agreement_idx"),
            models.Index(fields=["status", "due_on"], name="committees_agreement_due_idx"),
            models.Index(fields=["due_on", "id"], name="committees_agreement_order_idx"),
        ]

    def __str__(self):
        return self.description[:80]

    @property
    def is_open(self):
        return self.status in OPEN_AGREEMENT_STATUSES

    @property
    def is_overdue(self):
        return self.is_open and self.due_on < timezone.localdate()

    @property
    def responsible_display(self):
        names = []
        if self.responsible_person_id:
            names.append(self.responsible_person.full_name)
        if self.responsible_organization_id:
            names.append(str(self.responsible_organization))
        return " · ".join(names)


def new_feed_token():
    return secrets.token_urlsafe(32)


class CalendarFeed(models.Model):
    """The secret address of a person's .ics feed of their sessions; a stopped one answers nothing."""

    person = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("person"), on_delete=models.CASCADE, related_name="calendar_feed"
    )
    token = models.CharField(_("token"), max_length=64, unique=True, default=new_feed_token)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    # Stopping keeps the row: audit events name it as their target. Renewing clears it with a new token.
    stopped_at = models.DateTimeField(_("stopped"), null=True, blank=True)

    class Meta:
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")

    def __str__(self):
        return str(self.person)

    def get_absolute_url(self):
        return reverse("committees:calendar-feed", args=[self.token])
