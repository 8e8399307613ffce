"""A committee chair whose organization competes in a call reviews none of its proposals nor sees its matrix.

She speaks for a side of the decision: while her organization leads or partners a proposal of the call,
staff decide the whole call. Her rivals' proposals, evaluations, internal comments and scores are closed to
her, and her lists, the search and the API leave them out. Staff are never excluded.
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
    # A rival's proposal in the same call: she does not review it either (the whole call is staff's to decide).
    assert not permissions.can_review(cast.chair, submitted)
    client.force_login(cast.chair)
    assert client.get(matrix).status_code == 403
    call_page = client.get(reverse("projects:call-detail", args=[cast.call.pk])).content.decode()
    assert matrix not in call_page
    assert client.get(reverse("projects:proposal-detail", args=[submitted.pk])).status_code == 403
    client.force_login(cast.staff)
    assert client.get(matrix).status_code == 200


def test_the_matrix_opens_again_once_her_organizations_proposal_is_withdrawn(cast, own):
    assert not permissions.can_see_matrix(cast.chair, cast.call)
    services.proposal_transition(actor=cast.staff, proposal=own, action="withdraw", reason="Retirada")
    # Asked again in a new request (the answer is kept on the user object for the request).
    assert permissions.can_see_matrix(fresh(cast.chair), cast.call)


# While her organization competes in a call, the conflict covers the whole call: its rivals too.


@pytest.fixture
def elsewhere(cast):
    """A rival's proposal submitted to another call of her committee, where her organization does not compete."""
    from .conftest import make_call

    other_call = make_call(actor=cast.staff, committee=cast.committee)
    proposal = services.proposal_start(actor=cast.outsider, call=other_call, title="Energía comunitaria")
    proposal = fill_proposal(proposal, cast.outsider)
    return services.proposal_submit(actor=cast.outsider, proposal=proposal)


def fresh(user):
    """The person as a new request reads them: what the predicates keep on the user object starts empty."""
    return type(user).objects.get(pk=user.pk)


def test_a_competing_chair_does_not_review_her_rivals_in_the_call(cast, own, submitted, elsewhere):
    chair = fresh(cast.chair)
    for predicate in (
        permissions.can_review,
        permissions.can_view_proposal,
        permissions.can_read_internal,
        permissions.can_withdraw,
        permissions.can_assign_evaluators,
    ):
        assert not predicate(chair, submitted), predicate.__name__
    assert services.available_actions(chair, submitted) == []
    assert not permissions.can_see_call_proposals(chair, cast.call)
    # Another call of her committee, where her organization does not compete: she reviews it.
    assert permissions.can_review(chair, elsewhere)
    assert permissions.can_see_call_proposals(chair, elsewhere.call)
    # Staff are never excluded.
    assert permissions.can_review(cast.staff, submitted) and permissions.can_see_call_proposals(cast.staff, cast.call)


def test_a_competing_chair_cannot_open_nor_act_on_a_rival(client, cast, own, submitted, elsewhere):
    client.force_login(cast.chair)
    assert client.get(reverse("projects:proposal-detail", args=[submitted.pk])).status_code == 403
    url = reverse("projects:proposal-transition", args=[submitted.pk, "accept"])
    assert client.post(url, {"reason": ""}).status_code == 403
    assert client.get(reverse("projects:evaluator-assign", args=[submitted.pk])).status_code == 403
    chair = fresh(cast.chair)
    for action in ("accept", "withdraw"):
        with pytest.raises(PermissionDenied):
            services.proposal_transition(actor=chair, proposal=submitted, action=action, reason="No")
    with pytest.raises(PermissionDenied):
        services.evaluator_assign(actor=chair, proposal=submitted, evaluator=cast.evaluator)
    submitted.refresh_from_db()
    assert submitted.status == "submitted"
    page = client.get(reverse("projects:proposal-detail", args=[elsewhere.pk]))
    assert page.status_code == 200 and "evaluations" in page.context
    client.force_login(cast.staff)
    assert client.get(reverse("projects:proposal-detail", args=[submitted.pk])).status_code == 200


def test_a_competing_chairs_lists_leave_out_her_rivals(client, cast, own, submitted, elsewhere):
    rival, other = submitted.get_absolute_url(), elsewhere.get_absolute_url()
    client.force_login(cast.chair)
    call_page = client.get(reverse("projects:call-detail", args=[cast.call.pk])).content.decode()
    assert rival not in call_page
    committee_page = client.get(reverse("projects:committee-proposals", args=[cast.committee.pk])).content.decode()
    assert rival not in committee_page and other in committee_page
    to_review = client.get(reverse("projects:proposal-list")).content.decode()
    assert rival not in to_review and other in to_review
    assert own.get_absolute_url() in to_review  # her organization's own, under its proposals
    client.force_login(cast.staff)
    for url in (
        reverse("projects:call-detail", args=[cast.call.pk]),
        reverse("projects:committee-proposals", args=[cast.committee.pk]),
    ):
        assert rival in client.get(url).content.decode()


def test_a_competing_chair_finds_no_rival_through_search_nor_the_api(cast, own, submitted, elsewhere):
    from api import selectors as api_selectors
    from search.indexing import reindex
    from search.selectors import visible_entries

    reindex()
    chair = fresh(cast.chair)
    found = set(visible_entries(chair).filter(kind="proposal").values_list("object_id", flat=True))
    assert submitted.pk not in found and elsewhere.pk in found and own.pk in found
    listed = set(api_selectors.proposals(fresh(cast.chair)).values_list("pk", flat=True))
    assert listed == {own.pk, elsewhere.pk}
    staff_found = set(visible_entries(cast.staff).filter(kind="proposal").values_list("object_id", flat=True))
    assert {own.pk, submitted.pk, elsewhere.pk} <= staff_found
    assert {own.pk, submitted.pk, elsewhere.pk} <= set(api_selectors.proposals(cast.staff).values_list("pk", flat=True))


def test_a_competing_chairs_desk_counts_only_what_she_may_review(cast, own, submitted, elsewhere):
    from django.utils import translation

    from axs_platform.desks import desks_for

    with translation.override("en"):
        desks = {str(heading): cards for heading, cards in desks_for(fresh(cast.chair))}
        cards = {str(card.title): card.count for card in desks["Waiting on you as chair"]}
    assert cards["Proposals to review"] == 1  # the other call's; not her own, not her rival's
