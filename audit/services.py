"""Writing to the audit trail. Every app records through ``audit_record``, which appends to the chain."""

import datetime
import ipaddress
import secrets

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connections, models, router, transaction
from django.utils import timezone

from . import chain, sealing
from .labels import stored_message
from .models import PERSONAL_PART_ACTIONS, AuditEvent, EventPersonalPart

# The PostgreSQL advisory lock that serializes appends ("AXS audit chain" as a 63-bit number).
CHAIN_LOCK_KEY = 0x4158_5341_5544_4954


def client_ip(request):
    """Return the client's address: the one our proxy added to X-Forwarded-For behind one, else REMOTE_ADDR.

    Entries to the left of the proxy's are whatever the client sent, so they are never believed.
    """
    if request is None:
        return None
    if settings.AXS_BEHIND_PROXY:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")[-1].strip()
        try:
            return str(ipaddress.ip_address(forwarded))
        except ValueError:
            pass  # No usable address from the proxy: fall back to the connection's.
    return request.META.get("REMOTE_ADDR") or None


def snapshot(instance, fields):
    """Return the named fields of an instance as JSON-friendly values, for ``changes_between``."""
    values = {}
    for name in fields:
        value = getattr(instance, name)
        if isinstance(value, models.Model):
            value = value.pk
        elif isinstance(value, datetime.datetime) and timezone.is_aware(value):
            # One instant, one text: a moment read from the database (UTC) and the same one typed in a form
            # (local time) are no change. A moment at the edge of the calendar has no UTC: kept as given.
            try:
                value = str(value.astimezone(datetime.UTC))
            except OverflowError:
                value = str(value)
        elif value is not None and not isinstance(value, (str, int, float, bool, list, dict)):
            value = str(value)
        values[name] = value
    return values


def changes_between(before, after):
    """Return ``{field: [old, new]}`` for the fields whose value differs."""
    return {
        name: [before.get(name), after.get(name)]
        for name in sorted(set(before) | set(after))
        if before.get(name) != after.get(name)
    }


def _lock_chain(connection):
    """Hold the chain's lock until the transaction ends: appends queue here, nothing else does.

    On PostgreSQL an advisory transaction lock, taken just before the head is read, so the events
    of other transactions (votes among them) wait only for the rest of this one. SQLite lets one
    writer at a time anyway, and the unique ``prev_hash`` refuses a fork on any database.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [CHAIN_LOCK_KEY])


def append_events(events, *, batch_size=None):
    """Link the unsaved events to the head of the chain, in order, and store them; return them."""
    using = router.db_for_write(AuditEvent)
    # No savepoint of its own: if the append fails, the caller's transaction fails with it.
    with transaction.atomic(using=using, savepoint=False):
        _lock_chain(connections[using])
        head = AuditEvent.objects.using(using).order_by("-id").values_list("hash", flat=True).first()
        head = head or chain.GENESIS
        for event in events:
            event.changes = chain.normalized_changes(event.changes)
            event.prev_hash = head
            event.hash = head = chain.event_hash(head, {name: getattr(event, name) for name in chain.HASHED_FIELDS})
        if len(events) == 1:
            events[0].save(using=using)
        else:
            models.Manager.bulk_create(AuditEvent.objects.db_manager(using), events, batch_size=batch_size)
    return events


def audit_record(*, actor, action, target=None, changes=None, message="", request=None, identifier="", seal=False):
    """Record one event; ``actor`` may be anonymous or None for the system itself.

    With ``seal`` the event carries the digest of the target's sealed content (approved minutes,
    a closed ballot's result: see ``audit.sealing``), so the verification notices a later rewrite.
    One rule keeps what names a person out of the chain: an event recorded with a web request (its IP address
    and page), given an ``identifier`` (the keyed hash of an address a sign-in or a personal data request was made
    under) or of a security action (``PERSONAL_PART_ACTIONS``) keeps the identifier, IP address, browser and page
    in an ``EventPersonalPart`` and only its digest in the chain, so that retention and a cancellation can erase
    them (``personal_parts_erase``) and the chain still verifies. That costs one INSERT per such event.
    A ``message`` that is a registered sentence (``audit.labels.register_sentences``) is stored as its msgid, so
    pages show it in the reader's language, not the actor's.
    """
    if actor is not None and not actor.is_authenticated:
        actor = None
    event = AuditEvent(
        actor=actor,
        actor_repr=(actor.get_username() if actor is not None else "")[:254],
        action=action,
        changes=changes or {},
        message=stored_message(message or ""),
        identifier=(identifier or "")[:254],
        ip_address=client_ip(request),
        path=(request.get_full_path()[:500] if request is not None else ""),
    )
    if target is not None:
        event.target_type = ContentType.objects.get_for_model(target, for_concrete_model=False)
        event.target_id = str(target.pk)
        event.target_repr = str(target)[:255]
    if seal:
        event.sealed_digest = sealing.seal_of(target)
    personal = None
    if request is not None or event.identifier or action in PERSONAL_PART_ACTIONS:
        personal = EventPersonalPart(
            identifier=event.identifier,
            ip_address=event.ip_address,
            user_agent=(request.META.get("HTTP_USER_AGENT", "") if request is not None else "")[:300],
            path=event.path,
            nonce=secrets.token_hex(16),
        )
        event.identifier, event.ip_address, event.path = "", None, ""
        event.personal_digest = chain.personal_digest(personal.digest_values())
    with transaction.atomic(using=router.db_for_write(AuditEvent), savepoint=False):
        append_events([event])
        if personal is not None:
            personal.event = event
            personal.save(force_insert=True)  # a new row: no UPDATE tried first on its given key
    return event


def personal_parts_erase(*, events):
    """Blank the personal parts of the given events (a queryset of ``AuditEvent``); return how many.

    The events and their hashes stay: the chain holds only each part's digest, so it still verifies.
    Safe to run twice: erased parts are left alone.
    """
    due = EventPersonalPart.objects.filter(erased_at__isnull=True, event__in=events)
    return due.update(identifier="", ip_address=None, user_agent="", path="", nonce="", erased_at=timezone.now())
