"""A committee chair whose organization leads or partners a proposal does not review it nor see its call's matrix.

She speaks for a side of the decision: staff decide it, and the call's matrix (her rivals' scores) is
closed to her while her organization competes in the call. Staff are never excluded.
"""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from committees.permissions import current_organization
from projects import permissions, services

from .conftest import fill_proposal

pytestmark = pytest.mark.django_db


@pytest.fixture(params=["lead", "partner"])
def own(request, cast):
    """A submitted proposal of the chair's committee, which her organization leads or partners, under evaluation."""
    chair_org = current_organization(cast.chair)
    if request.param == "lead":
        proposal = services.proposal_start(actor=cast.chair, call=cast.call, title="Agua limpia para todos")
        proposal = fill_proposal(proposal, cast.chair, partner=cast.partner, partner_org=cast.partner_org)
        proposal = services.proposal_submit(actor=cast.chair, proposal=proposal)
    else:
        proposal = services.proposal_start(actor=cast.lead, call=cast.call, title="Agua limpia para todos")
        proposal = fill_proposal(proposal, cast.lead, partner=cast.chair, partner_org=chair_org)
        proposal = services.proposal_submit(actor=cast.lead, proposal=proposal)
    services.evaluator_assign(actor=cast.staff, proposal=proposal, evaluator=cast.evaluator)
    return proposal


def test_the_chair_reviews_her_committees_proposals_when_her_organization_is_not_in_them(cast, submitted):
    assert permissions.can_review(cast.chair, submitted)
    assert permissions.can_see_matrix(cast.chair, cast.call)


def test_the_chairs_page_of_her_organizations_proposal_shows_no_review(client, cast, own):
    client.force_login(cast.chair)
    response = client.get(reverse("projects:proposal-detail", args=[own.pk]))
    assert response.status_code == 200
    page = response.content.decode()
    assert cast.evaluator.full_name not in page
    assert reverse("projects:evaluation-matrix", args=[cast.call.pk]) not in page
    for action in ("accept", "return", "decline"):
        assert reverse("projects:proposal-transition", args=[own.pk, action]) not in page
    assert reverse("projects:evaluator-assign", args=[own.pk]) not in page
    assert "evaluations" not in response.context


def test_the_chair_cannot_move_nor_assign_evaluators_to_her_organizations_proposal(client, cast, own):
    client.force_login(cast.chair)
    url = reverse("projects:proposal-transition", args=[own.pk, "accept"])
    assert client.post(url, {"reason": ""}).status_code == 403
    assert client.get(reverse("projects:evaluator-assign", args=[own.pk])).status_code == 403
    with pytest.raises(PermissionDenied):
        services.proposal_transition(actor=cast.chair, proposal=own, action="accept")
    with pytest.raises(PermissionDenied):
        services.proposal_transition(actor=cast.chair, proposal=own, action="decline", reason="No")
    evaluation = own.evaluations.get()
    with pytest.raises(PermissionDenied):
        services.evaluator_unassign(actor=cast.chair, evaluation=evaluation)
    own.refresh_from_db()
    assert own.status == "submitted"


def test_staff_still_decide_the_chairs_organizations_proposal(cast, own):
    assert permissions.can_review(cast.staff, own)
    services.proposal_transition(actor=cast.staff, proposal=own, action="accept")
    own.refresh_from_db()
    assert own.status == "in_review"


def test_the_matrix_is_closed_to_a_chair_whose_organization_competes_in_the_call(client, cast, own, submitted):
    matrix = reverse("projects:evaluation-matrix", args=[cast.call.pk])
    # A rival's proposal in the same call: she may still review it, but not compare it with her own.
    assert permissions.can_review(cast.chair, submitted)
    client.force_login(cast.chair)
    assert client.get(matrix).status_code == 403
    call_page = client.get(reverse("projects:call-detail", args=[cast.call.pk])).content.decode()
    assert matrix not in call_page
    rival_page = client.get(reverse("projects:proposal-detail", args=[submitted.pk])).content.decode()
    assert matrix not in rival_page
    client.force_login(cast.staff)
    assert client.get(matrix).status_code == 200


def test_the_matrix_opens_again_once_her_organizations_proposal_is_withdrawn(cast, own):
    assert not permissions.can_see_matrix(cast.chair, cast.call)
    services.proposal_transition(actor=cast.staff, proposal=own, action="withdraw", reason="Retirada")
    assert permissions.can_see_matrix(cast.chair, cast.call)
