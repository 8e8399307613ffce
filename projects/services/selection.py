"""Selection rounds: a committee chooses among candidate proposals by vote, survey, prior studies or co-construction.

Closing a round moves every candidate through the proposal workflow (``proposal_select`` or
``proposal_not_select``) with the round as the reason, so a proposal's history says how it was chosen.
"""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from audit.services import audit_record
from axs_platform import fragments
from axs_platform.errors import field_error
from surveys import services as survey_services
from surveys.selectors import MIN_ANONYMOUS_RESPONDENTS, readable_option_results
from surveys.selectors.results import WITHHELD_WHILE_OPEN

from .. import permissions, tally
from ..models import (
    BallotStatus,
    EvidenceKind,
    ProposalStatus,
    RoundCandidate,
    RoundStatus,
    SelectionEvidence,
    SelectionMethod,
    SelectionRound,
)
from .common import require
from .workflow import proposal_not_select, proposal_select

EXTERNAL_KEY = "proposal:{}"


def _survey_for(actor, selection_round, proposals, opens_at, closes_at):
    """Build the committee's selection survey: one question whose options carry the proposals' keys."""
    survey = survey_services.survey_create(
        actor=actor,
        title_es=selection_round.title,
        title_en=selection_round.title,
        description_es="Elija los proyectos que el comité debe impulsar.",
        description_en="Choose the projects the committee should take forward.",
        purpose="selection",
        committee=selection_round.committee,
        audience="committee",
        response_unit="organization",
        opens_at=opens_at,
        closes_at=closes_at,
    )
    section = survey_services.section_create(actor=actor, survey=survey, title_es="Candidatos", title_en="Candidates")
    return survey_services.question_create(
        actor=actor,
        section=section,
        kind="multiple",
        text_es=f"Elija hasta {selection_round.seats} proyectos",
        text_en=f"Choose up to {selection_round.seats} projects",
        required=True,
        max_choices=selection_round.seats,
        options=[
            {"text_es": p.title, "text_en": p.title, "external_key": EXTERNAL_KEY.format(p.pk)} for p in proposals
        ],
    )


@transaction.atomic
@fragments.changes(fragments.PROPOSALS)
def round_create(
    *,
    actor,
    committee,
    title,
    method,
    proposals,
    seats=1,
    summary="",
    session=None,
    survey_opens_at=None,
    survey_closes_at=None,
    request=None,
):
    """Open a selection round of a committee over candidate proposals in committee review."""
    proposals = list(proposals)
    require(permissions.can_manage_rounds(actor, committee, [p.call_id for p in proposals]))
    if seats < 1:
        raise field_error("seats", _("Select at least one proposal."), "invalid_seats")
    if len(proposals) < seats:
        raise ValidationError(
            ngettext(
                "A round to select %(seats)s proposal needs at least %(seats)s candidate; it has %(count)s.",
                "A round to select %(seats)s proposals needs at least %(seats)s candidates; it has %(count)s.",
                seats,
            )
            % {"seats": seats, "count": len(proposals)},
            code="too_few_candidates",
        )
    wrong = [p.title for p in proposals if p.committee_id != committee.pk or p.status != ProposalStatus.IN_REVIEW]
    if wrong:
        raise ValidationError(
            _("Candidates must be proposals to this committee in committee review: %(titles)s.")
            % {"titles": "; ".join(wrong)},
            code="not_candidate",
        )
    selection_round = SelectionRound.objects.create(
        committee=committee, title=title, method=method, seats=seats, summary=summary, session=session, opened_by=actor
    )
    RoundCandidate.objects.bulk_create(
        RoundCandidate(round=selection_round, proposal=p, position=i) for i, p in enumerate(proposals, start=1)
    )
    if method == SelectionMethod.SURVEY:
        opens_at = survey_opens_at or timezone.now()
        closes_at = survey_closes_at or opens_at + timedelta(days=14)
        selection_round.survey_question = _survey_for(actor, selection_round, proposals, opens_at, closes_at)
        selection_round.save(update_fields=["survey_question"])
    audit_record(actor=actor, action="projects.round_opened", target=selection_round, request=request)
    return selection_round


@transaction.atomic
@fragments.changes(fragments.PROPOSALS)
def evidence_add(
    *, actor, selection_round, kind, title, summary="", session=None, organization=None, file=None, request=None
):
    """Record what a round's decision rests on: a study, a session, a member's contribution."""
    selection_round = SelectionRound.objects.select_for_update().get(pk=selection_round.pk)
    require(permissions.can_manage_round(actor, selection_round))
    if not selection_round.is_open:
        raise ValidationError(_("This round is closed; its evidence can no longer change."), code="round_closed")
    evidence = SelectionEvidence(
        round=selection_round,
        kind=kind,
        title=title,
        summary=summary,
        session=session,
        organization=organization,
        added_by=actor,
    )
    if file:
        evidence.file = file
        evidence.original_name = file.name.rsplit("/", 1)[-1][:255]
    evidence.full_clean(exclude=["round", "added_by"])
    evidence.save()
    return evidence


def _vote_selection(selection_round):
    ballots = list(selection_round.ballots.filter(runoff_of__isnull=True).exclude(status=BallotStatus.CANCELLED))
    if not ballots:
        raise ValidationError(_("Close the round's ballot before closing the round."), code="ballot_not_closed")
    if blocking := next((b for b in ballots if b.status != BallotStatus.CLOSED), None):
        raise ValidationError(
            _("Close or cancel the ballot “%(title)s” (status: %(status)s) before closing the round.")
            % {"title": blocking.title, "status": blocking.get_status_display()},
            code="ballot_not_closed",
        )
    ballot = max(ballots, key=lambda b: (b.closed_at, b.pk))
    if not ballot.result["quorum_met"]:
        raise ValidationError(
            _("The ballot did not reach its quorum, so its result does not stand: hold a new ballot."),
            code="no_quorum",
        )
    selected = tally.final_selection(ballot)
    if selected is None:
        raise ValidationError(
            _("The ballot ended in a tie: settle it by a runoff or by the chair first."), code="tie_pending"
        )
    return selected, _("Vote “%(title)s”") % {"title": ballot.title}


def _survey_selection(selection_round, chosen, decision):
    question = selection_round.survey_question
    survey = question.survey
    source = _("Survey “%(title)s”") % {"title": survey.title}
    withheld, rows = readable_option_results(question)
    if survey.closes_at is None or survey.closes_at > timezone.now() or withheld == WITHHELD_WHILE_OPEN:
        raise ValidationError(_("Close the survey before closing the round."), code="survey_open")
    if withheld:
        # Read anyway, the selection would give away the few respondents' answers (one respondent: theirs exactly).
        # Those who close the round choose, without the counts, and say why; as for a tie, the decision is theirs.
        if not (chosen and decision):
            raise ValidationError(
                _(
                    "Fewer than %(minimum)s organizations answered this anonymous survey, so its result is not "
                    "read: choose the proposals and record why in the decision."
                )
                % {"minimum": MIN_ANONYMOUS_RESPONDENTS},
                code="survey_withheld",
            )
        return chosen, source
    rows = [r for r in rows if r["external_key"].startswith("proposal:")]
    by_key = {r["external_key"]: r["count"] for r in rows}
    counts = sorted(
        ((by_key.get(c.external_key, 0), c.proposal_id) for c in selection_round.candidates.all()), reverse=True
    )
    seats = selection_round.seats
    boundary = counts[seats - 1][0] if len(counts) >= seats else 0
    tied = len(counts) > seats and counts[seats][0] == boundary
    if tied and not chosen:
        raise ValidationError(
            _("The survey's result is tied for the last place; choose the proposals and record why."),
            code="survey_tie",
        )
    selected = chosen or [pk for count, pk in counts[:seats] if count > 0]
    return selected, source


@transaction.atomic
@fragments.changes(fragments.PROPOSALS)
def round_close(*, actor, selection_round, selected=(), decision="", session=None, request=None):
    """Close a round: record the selected proposals and move every candidate through the workflow."""
    selection_round = (
        SelectionRound.objects.select_for_update(of=("self",)).select_related("committee").get(pk=selection_round.pk)
    )
    require(permissions.can_manage_round(actor, selection_round))
    if not selection_round.is_open:
        raise ValidationError(_("This round is already closed."), code="round_closed")
    candidates = {c.proposal_id: c for c in selection_round.candidates.select_related("proposal")}
    chosen = [p.pk if hasattr(p, "pk") else int(p) for p in selected]
    if any(pk not in candidates for pk in chosen):
        raise ValidationError(_("You chose a proposal that is not a candidate of this round."), code="not_candidate")
    method = selection_round.method
    decision = (decision or "").strip()
    if method == SelectionMethod.VOTE:
        chosen, source = _vote_selection(selection_round)
    elif method == SelectionMethod.SURVEY:
        chosen, source = _survey_selection(selection_round, chosen, decision)
    else:
        kinds = set(selection_round.evidence.values_list("kind", flat=True))
        needed = EvidenceKind.STUDY if method == SelectionMethod.STUDIES else None
        if not kinds or (needed and needed not in kinds):
            raise ValidationError(
                _("Record the studies presented first.")
                if needed
                else _("Record the sessions and contributions that built the project first."),
                code="evidence_required",
            )
        session = session or selection_round.session
        if method == SelectionMethod.STUDIES and session is None:
            raise field_error("session", _("Say in which session the committee took the decision."), "session_required")
        if not chosen:
            raise field_error("selected", _("Choose the selected proposals."), "nothing_selected")
        source = SelectionMethod(method).label
    if len(chosen) > selection_round.seats:
        raise ValidationError(
            ngettext(
                "This round selects at most %(n)s proposal.",
                "This round selects at most %(n)s proposals.",
                selection_round.seats,
            )
            % {"n": selection_round.seats},
            code="too_many_selected",
        )
    reason_base = _("Selection round “%(round)s” (%(source)s).") % {"round": selection_round.title, "source": source}
    if decision:
        reason_base += " " + decision
    for proposal_id, candidate in candidates.items():
        candidate.selected = proposal_id in chosen
        candidate.save(update_fields=["selected"])
        if candidate.selected:
            proposal_select(actor=actor, proposal=candidate.proposal, reason=reason_base, request=request)
        else:
            proposal_not_select(
                actor=actor,
                proposal=candidate.proposal,
                reason=reason_base + " " + _("Not among the selected proposals."),
                request=request,
            )
    selection_round.status = RoundStatus.CLOSED
    selection_round.closed_at = timezone.now()
    selection_round.closed_by = actor
    selection_round.decision = decision
    if session is not None:
        selection_round.session = session
    selection_round.save()
    audit_record(
        actor=actor,
        action="projects.round_closed",
        target=selection_round,
        changes={"selected": sorted(chosen)},
        request=request,
    )
    return selection_round
