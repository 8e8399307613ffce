"""The hash chain of the audit trail: how an event is serialized, hashed and linked to the one before.

Pure functions over plain values, so that the data migration that chained the existing trail,
``audit_record`` and the verification compute exactly the same thing. The serialization is
version 1: changing it would break every chain already written, so a change needs a new version.
Version 2 is version 1 plus ``personal_digest``: the serialization of an event whose identifier, IP
address and browser are kept apart (``audit.models.EventPersonalPart``) so that retention can erase them.
"""

import functools
import hashlib
import ipaddress
import json
from datetime import UTC, datetime

from django.core.serializers.json import DjangoJSONEncoder

GENESIS = "0" * 64
VERSION = 1
VERSION_WITH_PERSONAL_PART = 2

# The fields of an event that its hash covers, in the order the verification reads them.
CHAINED_FIELDS = (
    "created_at",
    "actor_id",
    "actor_repr",
    "action",
    "target_type_id",
    "target_id",
    "target_repr",
    "changes",
    "message",
    "identifier",
    "ip_address",
    "path",
    "sealed_digest",
)
# What the verification reads of each event: version 1's fields, and version 2's digest of the personal part.
HASHED_FIELDS = (*CHAINED_FIELDS, "personal_digest")


class _Encoder(DjangoJSONEncoder):
    """Django's encoder, but a moment is one text whatever time zone it was read in."""

    def default(self, o):
        if isinstance(o, datetime) and o.tzinfo is not None:
            return _moment(o)
        return super().default(o)


_ENCODER = _Encoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False)  # One, reused: it is stateless.


def canonical_json(value):
    """Return the one JSON text of a value: sorted keys, no spaces, Unicode kept."""
    return _ENCODER.encode(value)


def digest(value):
    """Return the SHA-256 (hex) of a value's canonical JSON: what a sealed record's event carries.

    The value goes through JSON once first, as a JSONField does, so that an integer key and the
    string the database gives back for it sort alike.
    """
    return hashlib.sha256(canonical_json(json.loads(canonical_json(value))).encode()).hexdigest()


def _moment(value):
    return value.astimezone(UTC).isoformat(timespec="microseconds") if value is not None else None


@functools.lru_cache(maxsize=4096)  # The same few addresses recur across a long trail.
def _address(value):
    # PostgreSQL's inet type writes addresses in its own form; compare the addresses, not the text.
    return str(ipaddress.ip_address(value)) if value else None


def event_hash(prev_hash, values):
    """Return the hash of an event given its predecessor's hash and its fields (``CHAINED_FIELDS``, ``HASHED_FIELDS``).

    An event with a personal part kept apart is version 2: its document also holds that part's digest.
    """
    document = {
        "v": VERSION,
        "prev": prev_hash,
        **{name: values[name] for name in CHAINED_FIELDS},
        "created_at": _moment(values["created_at"]),
        "ip_address": _address(values["ip_address"]),
        "target_type_id": values["target_type_id"],
    }
    if values.get("personal_digest"):
        document["v"] = VERSION_WITH_PERSONAL_PART
        document["personal_digest"] = values["personal_digest"]
    return hashlib.sha256(canonical_json(document).encode()).hexdigest()


def personal_digest(values):
    """Return the digest of an event's personal part (identifier, IP address, browser, page and its random nonce).

    The page joined the part later: an empty one is left out of the document, so parts written before still give
    the digest their event holds, and a page added to one of them afterwards changes it.
    """
    document = {**values, "ip_address": _address(values["ip_address"])}
    if not document.get("path"):
        document.pop("path", None)
    return digest(document)


def normalized_changes(changes):
    """Return the changes as the database gives them back (JSON round trip), so the hash is stable."""
    return json.loads(canonical_json(changes or {}))


def seal_existing(apps, schema_editor, *, model, frozen, content, action):
    """For a data migration: append one sealing event for each frozen record that predates the chain.

    ``model`` is the historical model, ``frozen`` the filter of its frozen rows, ``content`` the
    function that gives what is sealed (the same one the model's ``sealed_content`` uses).
    """
    from django.utils import timezone

    records = list(model.objects.using(schema_editor.connection.alias).filter(**frozen).order_by("pk"))
    if not records:
        return
    AuditEvent = apps.get_model("audit", "AuditEvent")
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type, _created = ContentType.objects.get_or_create(
        app_label=model._meta.app_label, model=model._meta.model_name
    )
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("SELECT pg_advisory_xact_lock(%s)", [0x4158_5341_5544_4954])
    head = AuditEvent.objects.order_by("-id").values_list("hash", flat=True).first() or GENESIS
    events = []
    for record in records:
        event = AuditEvent(
            created_at=timezone.now(),
            action=action,
            target_type_id=content_type.pk,
            target_id=str(record.pk),
            target_repr=f"{model._meta.verbose_name} {record.pk}"[:255],
            changes={},
            message="Sealed when the audit trail was chained.",
            sealed_digest=digest(content(record)),
        )
        event.prev_hash = head
        event.hash = head = event_hash(head, {name: getattr(event, name) for name in CHAINED_FIELDS})
        events.append(event)
    AuditEvent.objects.bulk_create(events)
