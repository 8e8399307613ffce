"""The platform's user: a person who signs in with an e-mail address, and the role they hold.

Committee posts (chair, secretary) are not roles: they belong to ``committees``. Which
organization a representative speaks for belongs to ``companies``.
"""

import functools
import unicodedata
import zoneinfo
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _


@functools.cache
def all_time_zones():
    """Every IANA zone name installed, read once per process.

    ``zoneinfo.available_timezones()`` walks the zone files on every call (about 20 ms); the
    installed zones change only with a new tzdata, which a deploy restarts the processes for.
    """
    return frozenset(zoneinfo.available_timezones())


@functools.cache
def time_zones():
    """The zones suggested to people, sorted: not ``Etc/GMT+6`` and the like, whose sign is the reverse of UTC's."""
    return tuple(sorted(zone for zone in all_time_zones() - {"Factory", "localtime"} if not zone.startswith("Etc/")))


# Names people in Mexico write that no zone ends with.
SPANISH_NAMES = {
    "ciudad_de_mexico": "America/Mexico_City",
    "cdmx": "America/Mexico_City",
    "bahia_de_banderas": "America/Bahia_Banderas",
}


def _plain(name):
    """``Cancún`` → ``cancun``, ``Port au Prince`` → ``port_au_prince`` (accents, case, spaces and hyphens aside)."""
    letters = unicodedata.normalize("NFKD", name.strip())
    letters = "".join(letter for letter in letters if not unicodedata.combining(letter))
    return letters.lower().replace(" ", "_").replace("-", "_")


def _same_clock(zones):
    """True when the zones keep the same time now and in six months (old and new names of one zone)."""
    now = timezone.now()
    moments = (now, now + timedelta(days=182))
    clocks = {tuple(moment.astimezone(zoneinfo.ZoneInfo(zone)).utcoffset() for moment in moments) for zone in zones}
    return len(clocks) == 1


def find_time_zone(typed):
    """Return the zone a person means by what they typed (``America/Tijuana``, ``tijuana``, ``Cancún``), or None.

    A city's name is enough when the zones ending with it keep one time (``Buenos Aires`` is also
    ``America/Argentina/Buenos_Aires``: the longer, current name is taken).
    """
    if typed.strip() in all_time_zones() - {"Factory", "localtime"}:
        return typed.strip()
    wanted = _plain(typed)
    if not wanted:
        return None
    if wanted in SPANISH_NAMES:
        return SPANISH_NAMES[wanted]
    found = [zone for zone in time_zones() if _plain(zone) == wanted]
    found = found or [zone for zone in time_zones() if _plain(zone).rsplit("/", 1)[-1] == wanted]
    if found and _same_clock(found):
        return max(found, key=len)
    return None


def validate_time_zone(value):
    """Refuse a name that is not an IANA time zone (``America/Mexico_City``)."""
    if value not in all_time_zones():
        raise ValidationError(_("%(value)s is not a time zone."), code="unknown_time_zone", params={"value": value})


class UserManager(BaseUserManager):
    """Create users whose login is their e-mail address, stored in lower case."""

    use_in_migrations = True

    @classmethod
    def normalize_email(cls, email):
        return (email or "").strip().lower()

    def get_by_natural_key(self, username):
        return self.get(email__iexact=self.normalize_email(username))

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", extra_fields.get("role") == User.Role.STAFF)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.update(is_staff=True, is_superuser=True, role=User.Role.STAFF)
        return self._create_user(email, password, **extra_fields)


class User(AbstractBaseUser, PermissionsMixin):
    """A person of the alliance who signs in with e-mail and password."""

    class Role(models.TextChoices):
        STAFF = "staff", _("AMEXCID staff")
        EVALUATOR = "evaluator", _("Evaluator")
        REPRESENTATIVE = "representative", _("Organization representative")

    email = models.EmailField(_("e-mail address"), max_length=254, unique=True)
    full_name = models.CharField(_("full name"), max_length=200)
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.REPRESENTATIVE)
    preferred_language = models.CharField(
        _("preferred language"), max_length=10, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        default=settings.TIME_ZONE,
        validators=[validate_time_zone],
        help_text=_("Digests of notifications arrive in the morning of this time zone."),
    )
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    job_title = models.CharField(_("job title"), max_length=200, blank=True)
    is_active = models.BooleanField(
        _("active"), default=True, help_text=_("Inactive people cannot sign in; their history is kept.")
    )
    is_staff = models.BooleanField(_("back-office access"), default=False, help_text=_("Given to AMEXCID staff only."))
    is_fictitious = models.BooleanField(
        _("fictitious"),
        default=False,
        help_text=_("An invented person (demo, training); reports mark the name “fictitious”."),
    )
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)
    session_generation = models.PositiveIntegerField(
        _("session generation"),
        default=0,
        editable=False,
        help_text=_("Raised when the person is deactivated: sessions signed in before stop working."),
    )

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["full_name", "email"]
        constraints = [
            models.UniqueConstraint(Lower("email"), name="accounts_user_email_ci_unique"),
            models.CheckConstraint(
                condition=models.Q(is_staff=False) | models.Q(role="staff"),
                name="accounts_user_back_office_only_for_staff",
                violation_error_message=_("Only AMEXCID staff may have back-office access."),
            ),
        ]

    def __str__(self):
        return f"{self.full_name} <{self.email}>" if self.full_name else self.email

    def get_absolute_url(self):
        return reverse("accounts:user-update", args=[self.pk])

    def clean(self):
        super().clean()
        self.email = type(self).objects.normalize_email(self.email)

    def get_full_name(self):
        return self.full_name

    def get_session_auth_hash(self):
        """Django's hash (of the password) until the person is first deactivated; then also of the generation.

        Every request checks a session's hash against this, so raising ``session_generation`` ends every
        session opened before, whatever store holds it, and reactivation does not bring them back. Generation 0
        keeps Django's own hash, so nobody is signed out by the field's arrival.
        """
        if not self.session_generation:
            return super().get_session_auth_hash()
        return self._generation_hash(settings.SECRET_KEY)

    def get_session_auth_fallback_hash(self):
        if not self.session_generation:
            yield from super().get_session_auth_fallback_hash()
            return
        for secret in settings.SECRET_KEY_FALLBACKS:
            yield self._generation_hash(secret)

    def _generation_hash(self, secret):
        key_salt = "accounts.User.get_session_auth_hash"
        return salted_hmac(
            key_salt, f"{self.password}:{self.session_generation}", secret=secret, algorithm="sha256"
        ).hexdigest()

    def get_short_name(self):
        return self.full_name.split(" ")[0] if self.full_name else self.email

    @property
    def zone(self):
        """The person's time zone; the platform's when the stored name is not one."""
        try:
            return zoneinfo.ZoneInfo(self.time_zone or settings.TIME_ZONE)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return zoneinfo.ZoneInfo(settings.TIME_ZONE)

    @property
    def is_amexcid_staff(self):
        return self.is_active and self.role == self.Role.STAFF

    @property
    def is_evaluator(self):
        return self.is_active and self.role == self.Role.EVALUATOR

    @property
    def is_representative(self):
        return self.is_active and self.role == self.Role.REPRESENTATIVE
