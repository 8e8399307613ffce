"""A closed ballot's declared tie: settled by the chair with a reason, or sent to a runoff ballot."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from audit.services import audit_record
from axs_platform.errors import field_error

from .. import permissions
from ..models import BallotStatus, Proposal, TieStatus
from .ballots import _locked, ballot_create
from .common import require


def _require_declared_tie(ballot):
    if ballot.status != BallotStatus.CLOSED or ballot.tie_status != TieStatus.DECLARED:
        raise ValidationError(_("This ballot has no tie to settle."), code="no_tie")


@transaction.atomic
def ballot_tie_settle(*, actor, ballot, proposals, reason, request=None):
    """Let the chair (or staff) settle a declared tie among the tied proposals, with the reason recorded."""
    ballot = _locked(ballot)
    require(permissions.can_manage_round(actor, ballot.round))
    _require_declared_tie(ballot)
    chosen = sorted({p.pk for p in proposals})
    seats = ballot.result["open_seats"]
    if not set(chosen) <= set(ballot.result["tied"]) or len(chosen) != seats:
        raise ValidationError(
            ngettext("Choose %(n)s tied proposal.", "Choose %(n)s of the tied proposals.", seats) % {"n": seats},
            code="invalid_settlement",
        )
    if not (reason or "").strip():
        raise field_error("reason", _("Record how the tie was settled."), "reason_required")
    ballot.result = {**ballot.result, "settled": chosen}
    ballot.tie_status = TieStatus.BY_CHAIR
    ballot.tie_resolution = reason.strip()
    ballot.save(update_fields=["result", "tie_status", "tie_resolution"])
    audit_record(actor=actor, action="projects.tie_settled", target=ballot, message=reason, request=request, seal=True)
    return ballot


def ballot_runoff_create(*, actor, ballot, opens_at, closes_at, request=None):
    """Create a runoff over a closed ballot's tied proposals, for the seats the tie left open."""
    _require_declared_tie(ballot)
    if ballot.runoffs.exclude(status=BallotStatus.CANCELLED).exists():
        raise ValidationError(_("This tie already has a runoff."), code="runoff_exists")
    tied = list(Proposal.objects.filter(pk__in=ballot.result["tied"]))
    return ballot_create(
        actor=actor,
        selection_round=ballot.round,
        title=_("Runoff: %(title)s") % {"title": ballot.title},
        electorate=ballot.electorate,
        question=ballot.question,
        seats=ballot.result["open_seats"],
        max_choices=min(ballot.max_choices, ballot.result["open_seats"]),
        majority="plurality",
        quorum_percent=ballot.quorum_percent,
        opens_at=opens_at,
        closes_at=closes_at,
        is_secret=ballot.is_secret,
        allow_changes=ballot.allow_changes,
        named_voters=list(ballot.named_voters.all()),
        proposals=tied,
        runoff_of=ballot,
        request=request,
    )
