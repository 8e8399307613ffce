"""Verify the audit trail: walk the chain in id order, recompute each hash, compare the sealed records.

Read-only; used by ``manage.py audit_verify`` and the staff page. It streams the trail in chunks,
so its memory does not grow with the trail (about 2 s for 200,000 events, see docs/RECORD.md).
"""

import time
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext as _

from . import chain, sealing
from .models import AuditEvent, EventPersonalPart

PERSONAL_FIELDS = ("identifier", "ip_address", "user_agent", "path", "nonce")


@dataclass
class Break:
    """The first thing that does not hold: which event (or record), and what differs."""

    event_id: int | None
    code: str
    message: str
    expected: str = ""
    found: str = ""


@dataclass
class Report:
    checked: int = 0
    last_good_id: int | None = None
    head: str = chain.GENESIS
    seals_checked: int = 0
    personal_checked: int = 0
    personal_erased: int = 0
    broken: Break | None = None
    seconds: float = 0.0
    notes: list = field(default_factory=list)

    @property
    def intact(self):
        return self.broken is None

    @property
    def summary(self):
        """One sentence in the active language: intact up to event N, or the first break."""
        if self.broken is not None:
            return self.broken.message
        if self.last_good_id is None:
            return _("The record has no events yet: there is nothing to verify.")
        return _("The record is intact up to event %(id)s: %(count)s events and %(seals)s sealed records checked.") % {
            "id": self.last_good_id,
            "count": self.checked,
            "seals": self.seals_checked,
        }


def _walk_chain(report, chunk_size):
    expected_prev = chain.GENESIS
    rows = AuditEvent.objects.order_by("id").values_list("id", "prev_hash", "hash", *chain.HASHED_FIELDS)
    for event_id, prev_hash, stored_hash, *values in rows.iterator(chunk_size=chunk_size):
        if prev_hash != expected_prev:
            previous = report.last_good_id
            report.broken = Break(
                event_id,
                "link",
                _(
                    "The chain breaks at event %(id)s: it does not follow %(previous)s. An event was removed "
                    "or inserted there, or this one was rewritten."
                )
                % {
                    "id": event_id,
                    "previous": _("event %(id)s") % {"id": previous} if previous else _("the start of the record"),
                },
                expected=expected_prev,
                found=prev_hash,
            )
            return
        computed = chain.event_hash(prev_hash, dict(zip(chain.HASHED_FIELDS, values, strict=True)))
        if computed != stored_hash:
            report.broken = Break(
                event_id,
                "altered",
                _("Event %(id)s was changed after it was written: its fields no longer give its hash.")
                % {"id": event_id},
                expected=stored_hash,
                found=computed,
            )
            return
        expected_prev = stored_hash
        report.last_good_id = event_id
        report.head = stored_hash
        report.checked += 1


def _check_seals(report, chunk_size):
    """Each frozen record must match the digest of the latest event that sealed it."""
    latest = {}
    sealing_events = AuditEvent.objects.exclude(sealed_digest="").order_by("id")
    if report.last_good_id is not None:
        sealing_events = sealing_events.filter(id__lte=report.last_good_id)
    for event_id, type_id, target_id, sealed in sealing_events.values_list(
        "id", "target_type_id", "target_id", "sealed_digest"
    ).iterator(chunk_size=chunk_size):
        latest[(type_id, target_id)] = (event_id, sealed)
    for model, frozen, label in sealing.registered():
        type_id = ContentType.objects.get_for_model(model, for_concrete_model=False).pk
        for instance in frozen().iterator(chunk_size=chunk_size):
            seal = latest.get((type_id, str(instance.pk)))
            names = {"object": f"{label} {instance.pk} ({instance})"}
            if seal is None:
                report.broken = Break(
                    None, "unsealed", _("%(object)s is frozen, but no event of the record sealed it.") % names
                )
                return
            found = sealing.seal_of(instance)
            if found != seal[1]:
                report.broken = Break(
                    seal[0],
                    "seal",
                    _("%(object)s no longer matches what event %(id)s sealed: it was changed after it was frozen.")
                    % {**names, "id": seal[0]},
                    expected=seal[1],
                    found=found,
                )
                return
            report.seals_checked += 1


def _personal_break(report, event_id, message, expected="", found=""):
    report.broken = Break(event_id, "personal", message % {"id": event_id}, expected=expected, found=found)


def _check_personal_parts(report, chunk_size):
    """Each event with a personal digest must keep its part, and each part not yet erased must match that digest.

    An erased part (blanked by retention) has nothing left to compare, so it must be blank: retention never
    deletes a part, and never leaves anything in one it erased.
    """
    rows = (
        AuditEvent.objects.exclude(personal_digest="")
        .order_by("id")
        .values_list(
            "id",
            "personal_digest",
            "personal_part__pk",
            "personal_part__erased_at",
            *(f"personal_part__{name}" for name in PERSONAL_FIELDS),
        )
    )
    for event_id, sealed, part_pk, erased_at, *personal in rows.iterator(chunk_size=chunk_size):
        values = dict(zip(PERSONAL_FIELDS, personal, strict=True))
        if part_pk is None:
            _personal_break(report, event_id, _("The personal part of event %(id)s was deleted: its digest remains."))
            return
        if erased_at is not None:
            if any(values.values()):
                _personal_break(
                    report, event_id, _("The personal part of event %(id)s is marked erased but still holds data.")
                )
                return
            report.personal_erased += 1
            continue
        found = chain.personal_digest(values)
        if found != sealed:
            _personal_break(
                report,
                event_id,
                _("The personal part of event %(id)s was changed after it was written: it no longer gives its digest."),
                expected=sealed,
                found=found,
            )
            return
        report.personal_checked += 1
    stray = EventPersonalPart.objects.filter(event__personal_digest="").order_by("event_id").first()
    if stray is not None:
        _personal_break(
            report,
            stray.event_id,
            _("The personal part of event %(id)s was changed after it was written: it no longer gives its digest."),
        )


def verify(*, chunk_size=5000):
    """Return a ``Report``: the chain from the first event, then every sealed record and personal part."""
    started = time.perf_counter()
    report = Report()
    _walk_chain(report, chunk_size)
    if report.broken is None:
        _check_seals(report, chunk_size)
    if report.broken is None:
        _check_personal_parts(report, chunk_size)
    report.seconds = time.perf_counter() - started
    return report
