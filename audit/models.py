"""The audit event: one immutable row for each thing somebody did, chained by hash to the one before.

Only ``audit.services`` writes events (``audit_record``, or ``bulk_create`` for tests and benches,
which chains them the same way); see ``audit.chain`` for what the hash covers.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .identifiers import is_hashed


class AuditEventManager(models.Manager):
    def bulk_create(self, objs, batch_size=None):
        """Append many events at once, chained in their order like ``audit_record`` chains one.

        No conflict options: an event skipped or merged would leave a hole in the chain.
        """
        from .services import append_events

        return append_events(list(objs), batch_size=batch_size)


class AuditEvent(models.Model):
    """Record who did what to which object, when, and what changed."""

    class Action(models.TextChoices):
        """Actions that the foundation records; later apps add their own dotted codes."""

        LOGIN = "auth.login", _("Signed in")
        LOGIN_FAILED = "auth.login_failed", _("Failed sign-in")
        LOGIN_THROTTLED = "auth.login_throttled", _("Sign-in refused: too many failures")
        LOGOUT = "auth.logout", _("Signed out")
        PASSWORD_CHANGED = "auth.password_changed", _("Password changed")
        PASSWORD_RESET_REQUESTED = "auth.password_reset_requested", _("Password reset requested")
        PASSWORD_RESET_DONE = "auth.password_reset_done", _("Password set through a reset link")
        ACCESS_DENIED = "auth.access_denied", _("Access refused")
        CREATED = "object.created", _("Created")
        UPDATED = "object.updated", _("Changed")
        ARCHIVED = "object.archived", _("Archived")
        RESTORED = "object.restored", _("Restored")
        TRANSITION = "object.transition", _("Status changed")

    # Set when the event is appended (not ``auto_now_add``), so that its hash can cover it.
    created_at = models.DateTimeField(_("when"), default=timezone.now, editable=False)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="audit_events",
    )
    actor_repr = models.CharField(_("who (as shown then)"), max_length=254, blank=True)
    action = models.CharField(_("action"), max_length=64)
    target_type = models.ForeignKey(
        ContentType, verbose_name=_("object type"), null=True, blank=True, on_delete=models.PROTECT
    )
    target_id = models.CharField(_("object id"), max_length=64, blank=True)
    target_repr = models.CharField(_("object"), max_length=255, blank=True)
    changes = models.JSONField(_("changes"), default=dict, blank=True)
    message = models.TextField(_("reason or note"), blank=True)
    identifier = models.CharField(
        _("identifier typed"),
        max_length=254,
        blank=True,
        help_text=_("For sign-in attempts: the e-mail address that was typed."),
    )
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    path = models.CharField(_("page"), max_length=500, blank=True)
    sealed_digest = models.CharField(
        _("sealed content (SHA-256)"),
        max_length=64,
        blank=True,
        help_text=_("The digest of the approved minutes or the ballot result this event froze."),
    )
    personal_digest = models.CharField(
        _("personal part (SHA-256)"),
        max_length=64,
        blank=True,
        help_text=_(
            "The digest of the identifier, IP address, browser and page kept apart, which retention may erase."
        ),
    )
    prev_hash = models.CharField(_("previous event's hash"), max_length=64, editable=False)
    hash = models.CharField(_("hash"), max_length=64, editable=False)

    objects = AuditEventManager()

    class Meta:
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["-created_at", "-id"], name="audit_newest_first_idx"),
            models.Index(fields=["action", "-created_at", "-id"], name="audit_action_newest_idx"),
            models.Index(fields=["target_type", "target_id", "-created_at"], name="audit_target_idx"),
            models.Index(fields=["action", "identifier", "created_at"], name="audit_action_ident_idx"),
            models.Index(fields=["action", "ip_address", "created_at"], name="audit_action_ip_idx"),
            models.Index(fields=["actor", "-created_at"], name="audit_actor_idx"),
            # Prefix searches by e-mail on the audit page (PostgreSQL pattern operator class).
            models.Index(fields=["actor_repr"], name="audit_actor_repr_prefix_idx", opclasses=["varchar_pattern_ops"]),
            models.Index(fields=["identifier"], name="audit_identifier_prefix_idx", opclasses=["varchar_pattern_ops"]),
            models.Index(
                fields=["target_type", "target_id", "id"],
                name="audit_sealed_idx",
                condition=~models.Q(sealed_digest=""),
            ),
        ]
        constraints = [
            # One successor per event: two appends that read the same head cannot both be stored.
            models.UniqueConstraint(fields=["prev_hash"], name="audit_chain_no_fork"),
            models.UniqueConstraint(fields=["hash"], name="audit_chain_hash_unique"),
        ]

    def __str__(self):
        who = self.actor_repr or _("anonymous")
        return f"{self.created_at:%Y-%m-%d %H:%M} {who} {self.action} {self.target_repr}".strip()

    def save(self, *args, **kwargs):
        if self.pk is not None and not self._state.adding:
            raise ValidationError(_("Audit events cannot be changed."), code="immutable")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError(_("Audit events cannot be deleted."), code="immutable")

    @property
    def shown_actor(self):
        """Who acted, as pages show it: the account as it is now (anonymized after a cancellation), else as recorded.

        ``actor_repr`` stays in the sealed chain as it was; pages read the person through the link.
        """
        if self.actor_id is not None and self.actor is not None:
            return self.actor.get_username()
        return self.actor_repr

    @property
    def personal(self):
        """The personal part kept apart (``EventPersonalPart``), or None; pages select it with the event."""
        if not self.personal_digest:
            return None
        try:
            return self.personal_part
        except EventPersonalPart.DoesNotExist:
            return None

    @property
    def shown_identifier(self):
        """The identifier typed, or words saying the address is kept only as a keyed hash (or was erased)."""
        personal = self.personal
        if self.personal_digest and (personal is None or personal.erased_at):
            # Erased parts are blank: only a security event is known to have held a typed address.
            return _("an e-mail address (erased)") if self.action in PERSONAL_PART_ACTIONS else ""
        identifier = personal.identifier if personal is not None else self.identifier
        if is_hashed(identifier):
            return _("an e-mail address (kept as a keyed hash)")
        return identifier

    @property
    def shown_ip_address(self):
        """The IP address: from the personal part (blank once erased), or on the event for those written before."""
        personal = self.personal
        return personal.ip_address if personal is not None else self.ip_address

    @property
    def shown_path(self):
        """The page: from the personal part (blank once erased), or on the event for those written before."""
        personal = self.personal
        return personal.path if personal is not None else self.path

    @property
    def action_label(self):
        """Return the human name of the action (``audit.labels``), or its code when nobody named it."""
        from .labels import action_label

        return action_label(self.action)


# Events that keep the typed identifier, IP address and browser apart from the chain, so retention can erase them.
PERSONAL_PART_ACTIONS = frozenset(
    {
        AuditEvent.Action.LOGIN_FAILED,
        AuditEvent.Action.LOGIN_THROTTLED,
        AuditEvent.Action.PASSWORD_RESET_REQUESTED,
    }
)


class EventPersonalPart(models.Model):
    """The personal part of an event (address typed, IP address, browser, page), beside the chain: it holds the digest.

    Every event recorded with a web request or an identifier has one (``audit.services.audit_record``).

    The digest covers a random ``nonce`` too, so once retention blanks the row nobody can guess the
    address back from the digest; the event, its hash and the chain stay as they were.
    """

    event = models.OneToOneField(
        AuditEvent, primary_key=True, on_delete=models.PROTECT, related_name="personal_part", verbose_name=_("event")
    )
    identifier = models.CharField(_("identifier typed"), max_length=254, blank=True)
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    user_agent = models.CharField(_("browser"), max_length=300, blank=True)
    path = models.CharField(_("page"), max_length=500, blank=True)
    nonce = models.CharField(max_length=32, blank=True, editable=False)
    erased_at = models.DateTimeField(_("erased"), null=True, blank=True)

    class Meta:
        verbose_name = _("personal part of an audit event")
        verbose_name_plural = _("personal parts of audit events")
        indexes = [
            models.Index(fields=["identifier"], name="audit_personal_ident_idx"),
            models.Index(fields=["ip_address"], name="audit_personal_ip_idx"),
        ]

    def __str__(self):
        return f"{self.event_id}"

    def digest_values(self):
        return {
            "identifier": self.identifier,
            "ip_address": self.ip_address,
            "user_agent": self.user_agent,
            "path": self.path,
            "nonce": self.nonce,
        }
