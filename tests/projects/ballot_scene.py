"""The scene of selection tests: a committee with its chair and member organizations, candidates in review.

``conftest.py`` exposes the ``scene`` fixture to the package. Builders write the
candidates directly (the proposal's own path is tested elsewhere); behaviour goes through services.
"""

import datetime

import pytest
from django.utils import timezone

from projects import services
from projects.models import Proposal
from tests.factories import make_member, make_organization


def seat(actor, committee, organization):
    from committees import services as committee_services

    committee_services.membership_add(actor=actor, committee=committee, organization=organization)


def make_candidates(cast, count, *, committee=None, call=None):
    committee = committee or cast.committee
    call = call or cast.call
    return [
        Proposal.objects.create(
            call=call,
            committee=committee,
            lead_organization=cast.lead_org,
            created_by=cast.lead,
            title=f"Candidato {index}",
            status="in_review",
            version=1,
        )
        for index in range(1, count + 1)
    ]


@pytest.fixture
def scene(cast):
    """``cast`` plus three member organizations of the committee with a representative each, and 3 candidates."""
    organizations = [make_organization(actor=cast.staff) for _ in range(3)]
    for organization in organizations:
        seat(cast.staff, cast.committee, organization)
    voters = [make_member(organization) for organization in organizations]
    cast.member_orgs = organizations
    cast.voters = voters
    cast.colleague = make_member(organizations[0])
    cast.candidates = make_candidates(cast, 3)
    return cast


def vote_round(cast, **fields):
    return services.round_create(
        actor=fields.pop("actor", cast.chair),
        committee=cast.committee,
        title="Selección 2026",
        method="vote",
        proposals=fields.pop("proposals", cast.candidates),
        seats=fields.pop("round_seats", 1),
    )


def make_ballot(cast, selection_round=None, *, open_now=True, **fields):
    selection_round = selection_round or vote_round(cast)
    now = timezone.now()
    options = {
        "title": "Votación 2026",
        "electorate": "organizations",
        "question": "approval",
        "max_choices": 1,
        "seats": 1,
        "majority": "plurality",
        "quorum_percent": 50,
        "opens_at": now - datetime.timedelta(minutes=5),
        "closes_at": now + datetime.timedelta(days=2),
    }
    options.update(fields)
    actor = options.pop("actor", cast.chair)
    ballot = services.ballot_create(actor=actor, selection_round=selection_round, **options)
    if open_now:
        ballot = services.ballot_open(actor=actor, ballot=ballot)
    return ballot


def ids(proposals):
    return [p.pk for p in proposals]
