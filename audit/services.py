"""Writing to the audit trail. Every app records through ``audit_record``."""

import ipaddress

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models

from .models import AuditEvent


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


def audit_record(*, actor, action, target=None, changes=None, message="", request=None, identifier=""):
    """Record one event; ``actor`` may be anonymous or None for the system itself."""
    if actor is not None and not actor.is_authenticated:
        actor = None
    event = AuditEvent(
        actor=actor,
        actor_repr=(actor.get_username() if actor is not None else "")[:254],
        action=action,
        changes=changes or {},
        message=message or "",
        identifier=(identifier or "")[:254],
        ip_address=client_ip(request),
        path=(request.get_full_path()[:500] if request is not None else ""),
    )
    if target is not None:
        event.target_type = ContentType.objects.get_for_model(target, for_concrete_model=False)
        event.target_id = str(target.pk)
        event.target_repr = str(target)[:255]
    event.save()
    return event
