"""The demo alliance's calls and proposals."""

import io

import pytest
from django.core.management import call_command

from committees.models import Membership
from projects.models import ConsortiumMember, Evaluation, Proposal, ProposalStatus, ProposalTransition

pytestmark = pytest.mark.django_db


def test_demo_has_proposals_in_every_state_and_loading_twice_changes_nothing(demo):
    statuses = set(Proposal.objects.values_list("status", flat=True))
    # The four projects structured by March 2018 went on into implementation (monitoring's demo), so
    # "structured" is a state every one of them passed through rather than one a project is in now.
    assert statuses == set(ProposalStatus.values) - {"structured"}
    assert set(ProposalTransition.objects.values_list("to_status", flat=True)) >= set(ProposalStatus.values) - {"draft"}
    structured_by_march_2018 = Proposal.objects.filter(
        transitions__to_status="structured", transitions__created_at__date__lte="2018-03-31"
    ).count()
    assert structured_by_march_2018 == 4
    assert Proposal.objects.filter(status="draft", created_by__email="representante@axs.example").exists()
    assert Evaluation.objects.filter(evaluator__email="evaluador@axs.example").exists()
    before = (Proposal.objects.count(), Evaluation.objects.count())
    call_command("load_demo", stdout=io.StringIO())
    assert (Proposal.objects.count(), Evaluation.objects.count()) == before


def test_the_2017_consortia_are_made_of_members_of_the_committee_when_they_submitted(demo):
    members = ConsortiumMember.objects.filter(
        proposal__call__opens_on__year=2017, proposal__submitted_at__isnull=False
    ).select_related("proposal")
    assert members.count() >= 20
    for member in members:
        day = member.proposal.submitted_at.date()
        assert (
            Membership.objects.active_on(day)
            .filter(committee=member.proposal.committee_id, organization=member.organization_id)
            .exists()
        ), member
    # The seed names no project: the consortia are fictitious participants (tests/companies/test_demo_facts.py).
    assert not members.filter(organization__is_fictitious=False).exists()
