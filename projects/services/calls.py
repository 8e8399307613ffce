"""Writes on calls for proposals."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

import search
from audit.models import AuditEvent
from audit.services import audit_record, changes_between, snapshot
from axs_platform import fragments

from .. import permissions
from ..criteria import Criterion
from ..models import Call
from .common import require

CALL_FIELDS = ["committee", "title", "guidance", "opens_on", "closes_on", "weights"]


def _clean_weights(weights):
    cleaned = {}
    for key, value in (weights or {}).items():
        if key not in Criterion.values:
            continue
        try:
            number = float(value)
        except (TypeError, ValueError):
            number = -1
        if not 0 <= number <= 10:
            raise ValidationError({"weights": _("Weights go from 0 to 10.")}, code="weight_range")
        cleaned[key] = number
    if cleaned and not any(cleaned.values()) and len(cleaned) == len(Criterion):
        raise ValidationError({"weights": _("At least one criterion must weigh more than 0.")}, code="weights_zero")
    return cleaned


@transaction.atomic
@fragments.changes(fragments.PROPOSALS)
def call_create(*, actor, committee, title, opens_on, closes_on, guidance="", weights=None, request=None):
    """Open a call for proposals in a committee."""
    require(permissions.can_manage_calls(actor, committee))
    call = Call(
        committee=committee,
        title=title,
        guidance=guidance,
        opens_on=opens_on,
        closes_on=closes_on,
        weights=_clean_weights(weights),
        created_by=actor,
    )
    call.full_clean()
    call.save()
    search.index(call)
    audit_record(
        actor=actor,
        action=AuditEvent.Action.CREATED,
        target=call,
        changes=changes_between({}, snapshot(call, CALL_FIELDS)),
        request=request,
    )
    return call


@transaction.atomic
@fragments.changes(fragments.PROPOSALS)
def call_update(*, actor, call, request=None, **fields):
    """Change a call's title, guidance, dates or weights."""
    call = Call.objects.select_for_update().get(pk=call.pk)
    require(permissions.can_manage_calls(actor, call.committee))
    before = snapshot(call, CALL_FIELDS)
    if "weights" in fields:
        fields["weights"] = _clean_weights(fields["weights"])
    fields.pop("committee", None)
    for name, value in fields.items():
        setattr(call, name, value)
    call.full_clean()
    call.save()
    search.index(call)
    changes = changes_between(before, snapshot(call, CALL_FIELDS))
    if changes:
        audit_record(actor=actor, action=AuditEvent.Action.UPDATED, target=call, changes=changes, request=request)
    return call
