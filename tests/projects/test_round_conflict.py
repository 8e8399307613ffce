"""A chair whose organization competes in a call does not run the selection rounds over its proposals.

Like the review of the call's proposals (``test_chair_conflict.py``), staff decide such a round: the chair
creates, opens and closes none of its ballots and does not close it.
"""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from committees.permissions import current_organization
from projects import permissions, services
from projects.models import Ballot, Proposal

from .ballot_scene import make_ballot, vote_round

pytestmark = pytest.mark.django_db


def compete(cast):
    """The chair's organization leads a proposal of the call the round's candidates answer."""
    return Proposal.objects.create(
        call=cast.call,
        committee=cast.committee,
        lead_organization=current_organization(cast.chair),
        created_by=cast.chair,
        title="Propuesta propia",
        status="draft",
        version=1,
    )


def test_a_chair_whose_organization_competes_in_the_call_does_not_run_its_round(client, scene):
    compete(scene)
    selection_round = vote_round(scene, actor=scene.staff)
    ballot = make_ballot(scene, selection_round, open_now=False, actor=scene.staff)
    assert not permissions.can_manage_round(scene.chair, selection_round)
    assert permissions.can_manage_round(scene.staff, selection_round)

    client.force_login(scene.chair)
    page = client.get(selection_round.get_absolute_url()).content.decode()
    create = reverse("projects:ballot-create", args=[selection_round.pk])
    assert create not in page
    assert reverse("projects:round-close", args=[selection_round.pk]) not in page
    assert client.get(create).status_code == 403
    assert client.post(reverse("projects:ballot-open", args=[ballot.pk])).status_code == 403
    assert client.get(reverse("projects:round-close", args=[selection_round.pk])).status_code == 403
    with pytest.raises(PermissionDenied):
        make_ballot(scene, selection_round, title="Otra votación")
    with pytest.raises(PermissionDenied):
        services.ballot_open(actor=scene.chair, ballot=ballot)
    with pytest.raises(PermissionDenied):
        services.round_close(actor=scene.chair, selection_round=selection_round)
    with pytest.raises(PermissionDenied):
        vote_round(scene)
    assert Ballot.objects.count() == 1

    ballot = services.ballot_open(actor=scene.staff, ballot=ballot)
    with pytest.raises(PermissionDenied):
        services.ballot_close(actor=scene.chair, ballot=ballot)
    assert services.ballot_close(actor=scene.staff, ballot=ballot).status == "closed"


def test_a_withdrawn_proposal_of_her_organization_leaves_the_chair_running_the_round(scene):
    selection_round = vote_round(scene)
    own = compete(scene)
    own.status = "withdrawn"
    own.save(update_fields=["status"])
    assert permissions.can_manage_round(scene.chair, selection_round)
    make_ballot(scene, selection_round)
