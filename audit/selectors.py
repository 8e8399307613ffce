"""Reads of the audit trail shared by pages and by the sign-in throttle."""

from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Max, Min, Q

from .identifiers import PREFIX as IDENTIFIER_PREFIX
from .identifiers import sign_in_identifier
from .labels import readable_changes
from .models import PERSONAL_PART_ACTIONS, AuditEvent, EventPersonalPart


def audit_events(*, actor_email="", action="", target_type_id=None, target_id="", date_from=None, date_to=None):
    """Return events, newest first, filtered as staff asked on the audit page."""
    events = AuditEvent.objects.select_related("actor", "target_type", "personal_part")
    if actor_email:
        # Addresses are stored in lower case; a prefix search can use the pattern indexes.
        prefix = actor_email.strip().lower()
        # Failed sign-ins keep the typed address as a keyed hash (in their personal part since it was
        # kept apart, on the event before): a whole address finds them too.
        hashed = sign_in_identifier(prefix)
        typed = Q(identifier__startswith=prefix) | Q(identifier=hashed)
        if hashed:
            typed |= Q(pk__in=EventPersonalPart.objects.filter(identifier=hashed).values("event_id"))
        events = events.filter(Q(actor_repr__startswith=prefix) | typed)
    if action:
        events = events.filter(action=action)
    if target_type_id:
        events = events.filter(target_type_id=target_type_id)
    if target_id:
        events = events.filter(target_id=target_id)
    if date_from:
        events = events.filter(created_at__date__gte=date_from)
    if date_to:
        events = events.filter(created_at__date__lte=date_to)
    return events


def events_for(obj):
    """Return the history of one object, newest first."""
    return AuditEvent.objects.select_related("actor", "target_type").filter(
        target_type=ContentType.objects.get_for_model(obj, for_concrete_model=False), target_id=str(obj.pk)
    )


def history_for(obj, *, limit=30):
    """Return the latest events of one object as a list, with their changes in words (``readable_changes``)."""
    return readable_changes(events_for(obj)[:limit])


def recent_failed_logins(*, identifier="", ip_address=None, since):
    """Count failed sign-ins since a moment: one e-mail from one address, it from anywhere, the address for any.

    ``identifier`` is the typed e-mail; the records hold its keyed hash (``audit.identifiers``) in the
    events' personal parts, which retention erases only long after the throttle's window.
    """
    identifier = sign_in_identifier(identifier)
    failures = EventPersonalPart.objects.filter(
        event__action=AuditEvent.Action.LOGIN_FAILED, event__created_at__gte=since
    )
    counts = failures.aggregate(
        pair=Count("pk", filter=Q(identifier=identifier, ip_address=ip_address)),
        identifier=Count("pk", filter=Q(identifier=identifier)),
        address=Count("pk", filter=Q(ip_address=ip_address)),
    )
    return (
        (counts["pair"] if ip_address else counts["identifier"]) if identifier else 0,
        counts["identifier"] if identifier else 0,
        counts["address"] if ip_address else 0,
    )


def recent_password_reset_requests(*, identifier, since):
    """Count the password resets asked for one typed e-mail since a moment (its keyed hash, as sign-ins)."""
    return EventPersonalPart.objects.filter(
        event__action=AuditEvent.Action.PASSWORD_RESET_REQUESTED,
        event__created_at__gte=since,
        identifier=sign_in_identifier(identifier),
    ).count()


def filter_types():
    """Return the object types the audit page filters by: every model of the platform's own apps.

    Read from the installed apps, not from the trail: a ``DISTINCT`` over hundreds of thousands of
    events took 30–300 ms on every cold page.
    """
    root = Path(settings.BASE_DIR).resolve()
    own = [config.label for config in apps.get_app_configs() if Path(config.path).resolve().parent == root]
    return list(ContentType.objects.filter(app_label__in=own))


def personal_data_in_chain():
    """Count the events whose chained fields themselves hold an address, an IP address or a page (one query).

    Those are the events without a personal part kept apart (version 1 of the chain): retention cannot erase what
    their hash covers. ``clear_addresses`` and ``hashed_addresses``: failed sign-ins and reset requests recorded
    the typed address in clear, then as its ``hmac:`` hash, before the part was kept apart; ``security_ips``: the IP
    address of those and of ``privacy.*`` steps written before; ``other_ips``: the IP address of every other step
    taken through the web (a signed-in person's own actions) and ``paths`` the pages of any step, both written
    so until every event recorded with a web request kept them in its personal part. ``oldest``/``newest``: the
    span of the events counted. Events written since count in none of them.
    """
    in_chain = AuditEvent.objects.filter(personal_digest="").order_by()
    security = Q(action__in=PERSONAL_PART_ACTIONS) | Q(action__startswith="privacy.")
    has_ip = Q(ip_address__isnull=False)
    has_path = ~Q(path="")
    return in_chain.filter(~Q(identifier="") | has_ip | has_path).aggregate(
        clear_addresses=Count("pk", filter=~Q(identifier="") & ~Q(identifier__startswith=IDENTIFIER_PREFIX)),
        hashed_addresses=Count("pk", filter=Q(identifier__startswith=IDENTIFIER_PREFIX)),
        security_ips=Count("pk", filter=has_ip & security),
        other_ips=Count("pk", filter=has_ip & ~security),
        paths=Count("pk", filter=has_path),
        oldest=Min("created_at"),
        newest=Max("created_at"),
    )
