"""The life of a proposal: submission, review, selection, structuring and after, allowed and refused."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from projects import services
from projects.models import ProposalStatus, ProposalTransition, ProposalVersion

pytestmark = pytest.mark.django_db


def test_lead_submits_a_complete_proposal_and_a_frozen_version_is_kept(cast, draft, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        proposal = services.proposal_submit(actor=cast.lead, proposal=draft)
    assert proposal.status == ProposalStatus.SUBMITTED
    version = ProposalVersion.objects.get(proposal=proposal)
    assert version.number == 1 and version.content["Título" if "Título" in version.content else "Title"]
    transition = ProposalTransition.objects.get(proposal=proposal)
    assert (transition.from_status, transition.to_status, transition.actor) == ("draft", "submitted", cast.lead)
    assert {m.to[0] for m in mail.outbox} >= {cast.lead.email, cast.partner.email}


def test_partner_cannot_submit(cast, draft):
    with pytest.raises(PermissionDenied):
        services.proposal_submit(actor=cast.partner, proposal=draft)


def test_outsider_cannot_submit_or_edit(cast, draft):
    with pytest.raises(PermissionDenied):
        services.proposal_submit(actor=cast.outsider, proposal=draft)
    with pytest.raises(PermissionDenied):
        services.proposal_update(actor=cast.outsider, proposal=draft, title="Mío")


def test_partner_cannot_edit_the_proposal_texts(cast, draft):
    with pytest.raises(PermissionDenied):
        services.proposal_update(actor=cast.partner, proposal=draft, summary="Cambio del socio")


def test_submission_outside_the_call_dates_is_refused(cast, draft):
    with pytest.raises(ValidationError) as error:
        services.proposal_submit(
            actor=cast.lead, proposal=draft, today=cast.call.closes_on + datetime.timedelta(days=1)
        )
    assert error.value.code == "call_closed"


def test_incomplete_proposal_is_refused_with_what_is_missing(cast):
    proposal = services.proposal_start(actor=cast.lead, call=cast.call, title="A medias")
    with pytest.raises(ValidationError) as error:
        services.proposal_submit(actor=cast.lead, proposal=proposal)
    assert error.value.code == "incomplete"
    assert "problem" in error.value.messages[0].lower() or "problema" in error.value.messages[0].lower()


def test_submitted_proposal_cannot_be_edited_by_the_lead(cast, submitted):
    with pytest.raises(ValidationError) as error:
        services.proposal_update(actor=cast.lead, proposal=submitted, title="Otro título")
    assert error.value.code == "not_editable"


def test_submitting_twice_is_refused(cast, submitted):
    with pytest.raises(ValidationError) as error:
        services.proposal_submit(actor=cast.lead, proposal=submitted)
    assert error.value.code == "not_editable"


def test_return_for_changes_needs_a_reason_and_reopens_editing(cast, submitted, django_capture_on_commit_callbacks):
    with pytest.raises(ValidationError):
        services.proposal_transition(actor=cast.staff, proposal=submitted, action="return")
    with django_capture_on_commit_callbacks(execute=True):
        proposal = services.proposal_transition(
            actor=cast.chair, proposal=submitted, action="return", reason="Precise la línea base."
        )
    assert proposal.status == ProposalStatus.RETURNED
    assert any("Precise la línea base." in m.body for m in mail.outbox)
    services.proposal_update(actor=cast.lead, proposal=proposal, summary="Resumen corregido.")
    resubmitted = services.proposal_submit(actor=cast.lead, proposal=proposal)
    assert resubmitted.version == 2
    version, previous, changes = services.version_changes(resubmitted, 2)
    assert previous.number == 1
    assert [after for _section, _before, after in changes] == ["Resumen corregido."]


def test_chair_of_another_committee_cannot_review(cast, submitted):
    with pytest.raises(PermissionDenied):
        services.proposal_transition(actor=cast.other_chair, proposal=submitted, action="accept")


def test_partner_and_lead_cannot_review(cast, submitted):
    for person in (cast.partner, cast.lead, cast.evaluator):
        with pytest.raises(PermissionDenied):
            services.proposal_transition(actor=person, proposal=submitted, action="accept")


@pytest.mark.parametrize(
    "path",
    [
        ["accept", "select", "structure"],
        ["accept", "not-select"],
        ["decline"],
        ["accept", "decline"],
    ],
)
def test_review_paths_record_every_transition(cast, submitted, path):
    proposal = submitted
    for action in path:
        proposal = services.proposal_transition(actor=cast.staff, proposal=proposal, action=action, reason="Motivo")
    assert ProposalTransition.objects.filter(proposal=proposal).count() == len(path) + 1
    assert proposal.status == services.TRANSITIONS[path[-1]][1]


def test_selection_services_take_a_reason(cast, in_review):
    selected = services.proposal_select(actor=cast.chair, proposal=in_review, reason="Ganó la votación")
    assert selected.status == ProposalStatus.SELECTED
    assert selected.transitions.first().reason == "Ganó la votación"


def test_not_selecting_needs_a_reason(cast, in_review):
    with pytest.raises(ValidationError):
        services.proposal_not_select(actor=cast.chair, proposal=in_review, reason="")
    assert services.proposal_not_select(actor=cast.chair, proposal=in_review, reason="Pocos votos").status == (
        ProposalStatus.NOT_SELECTED
    )


def test_steps_that_do_not_start_from_the_status_are_refused(cast, submitted):
    for action in ("select", "structure", "structured", "implement", "close"):
        with pytest.raises(ValidationError) as error:
            services.proposal_transition(actor=cast.staff, proposal=submitted, action=action)
        assert error.value.code == "invalid_transition"


def test_structuring_to_implementation_and_closing(cast, in_review):
    proposal = services.proposal_select(actor=cast.staff, proposal=in_review)
    for action in ("structure", "structured", "implement", "close"):
        proposal = services.proposal_transition(actor=cast.chair, proposal=proposal, action=action)
    assert proposal.status == ProposalStatus.CLOSED


def test_chair_and_lead_edit_during_structuring(cast, in_review):
    proposal = services.proposal_select(actor=cast.staff, proposal=in_review)
    proposal = services.proposal_transition(actor=cast.chair, proposal=proposal, action="structure")
    services.proposal_update(actor=cast.chair, proposal=proposal, purpose="Fin ajustado en la estructuración")
    services.proposal_update(actor=cast.lead, proposal=proposal, general_objective="Objetivo ajustado")
    with pytest.raises(PermissionDenied):
        services.proposal_update(actor=cast.partner, proposal=proposal, purpose="No")


def test_lead_withdraws_a_draft_with_a_reason(cast, draft):
    proposal = services.proposal_transition(
        actor=cast.lead, proposal=draft, action="withdraw", reason="Cambio de planes"
    )
    assert proposal.status == ProposalStatus.WITHDRAWN


def test_lead_cannot_withdraw_once_submitted_but_staff_can(cast, submitted):
    with pytest.raises(PermissionDenied):
        services.proposal_transition(actor=cast.lead, proposal=submitted, action="withdraw", reason="x")
    assert services.proposal_transition(actor=cast.staff, proposal=submitted, action="withdraw", reason="x").status == (
        "withdrawn"
    )


def test_only_structured_projects_can_be_published_and_only_by_staff(cast, in_review):
    with pytest.raises(ValidationError):
        services.proposal_publish(actor=cast.staff, proposal=in_review)
    proposal = services.proposal_select(actor=cast.staff, proposal=in_review)
    for action in ("structure", "structured"):
        proposal = services.proposal_transition(actor=cast.staff, proposal=proposal, action=action)
    with pytest.raises(PermissionDenied):
        services.proposal_publish(actor=cast.chair, proposal=proposal)
    assert services.proposal_publish(actor=cast.staff, proposal=proposal).is_published


def test_comment_by_partner_reaches_the_lead(cast, draft, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.comment_add(actor=cast.partner, proposal=draft, text="Podemos aportar más.")
    assert [m.to for m in mail.outbox] == [[cast.lead.email]]


def test_outsider_cannot_comment(cast, draft):
    with pytest.raises(PermissionDenied):
        services.comment_add(actor=cast.outsider, proposal=draft, text="Hola")


def test_status_email_is_in_the_recipients_language(cast, submitted, django_capture_on_commit_callbacks):
    cast.lead.preferred_language = "en"
    cast.lead.save()
    with django_capture_on_commit_callbacks(execute=True):
        services.proposal_transition(actor=cast.staff, proposal=submitted, action="accept")
    to_lead = next(m for m in mail.outbox if m.to == [cast.lead.email])
    to_partner = next(m for m in mail.outbox if m.to == [cast.partner.email])
    assert "is now" in to_lead.subject
    assert "ahora" in to_partner.subject
