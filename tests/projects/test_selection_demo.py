"""The demo's selections: the 2017 vote, survey, prior studies and co-construction, and today's open ballot."""

import io

import pytest
from django.core.management import call_command

from accounts.models import User
from committees.models import Membership
from companies.models import Representative
from projects import permissions, services, tally
from projects.demo_selection import VOTE_CHOICES, VOTE_DAY, open_ballot
from projects.models import Ballot, BallotPaper, Participation, SelectionEvidence, SelectionRound
from surveys.selectors import option_results

pytestmark = pytest.mark.django_db


def test_every_2017_selection_is_recorded_with_its_method(demo):
    methods = dict(SelectionRound.objects.filter(opened_at__year=2017).values_list("committee__goal__number", "method"))
    assert methods == {12: "vote", 10: "survey", 7: "studies", 4: "co_construction", 11: "co_construction"}
    assert SelectionEvidence.objects.filter(round__method="studies", kind="study").count() == 2
    assert SelectionRound.objects.get(method="studies").session is not None


def test_the_production_vote_picked_two_projects_by_a_named_ballot(demo):
    ballot = Ballot.objects.get(round__committee__goal__number=12, status="closed")
    assert not ballot.is_secret and ballot.result["quorum_met"]
    selected = set(ballot.result["selected"])
    assert selected == set(ballot.round.candidates.filter(selected=True).values_list("proposal_id", flat=True))
    assert len(selected) == 2
    assert tally.tally(ballot) == ballot.result
    assert BallotPaper.objects.filter(ballot=ballot, elector__isnull=True).count() == 0
    # The seed does not say who voted: the electors are the committee's fictitious members of that day.
    members_that_day = Membership.objects.filter(
        committee=ballot.round.committee, organization__is_fictitious=True
    ).active_on(VOTE_DAY)
    assert members_that_day.count() == len(VOTE_CHOICES) == 5
    electors = set(ballot.electors.values_list("organization_id", flat=True))
    assert electors == set(members_that_day.values_list("organization_id", flat=True))


def test_the_inclusion_survey_options_point_at_the_candidates_and_agree_with_the_selection(demo):
    selection_round = SelectionRound.objects.get(method="survey")
    rows = option_results(selection_round.survey_question)
    keys = {row["external_key"] for row in rows}
    assert keys == {f"proposal:{c.proposal_id}" for c in selection_round.candidates.all()}
    winners = {row["external_key"] for row in rows[:2]}
    assert winners == {f"proposal:{c.proposal_id}" for c in selection_round.candidates.filter(selected=True)}
    # Each option reads as the proposal it stands for.
    titles = {f"proposal:{c.proposal_id}": c.proposal.title for c in selection_round.candidates.all()}
    options = selection_round.survey_question.options.all()
    assert {o.external_key: o.text_es for o in options} == titles


def test_the_education_chair_can_vote_in_todays_ballot(demo):
    ballot = open_ballot()
    chair = User.objects.get(email="presidencia.ods4@axs.example")
    assert ballot.status == "open" and permissions.can_vote(chair, ballot)
    other_chair = User.objects.get(email="presidencia.ods7@axs.example")
    assert not permissions.can_vote(other_chair, ballot)
    candidate = ballot.candidates.first().proposal
    code, _changed = services.vote_cast(actor=chair, ballot=ballot, choices=[candidate.pk])
    assert code and Participation.objects.filter(ballot=ballot).count() == 1


def test_todays_ballot_is_voted_by_the_people_of_its_members_and_reaches_quorum_with_the_chairs_vote(demo):
    ballot = open_ballot()
    assert ballot.electorate == "people" and ballot.quorum_percent == 50
    electors = list(ballot.electors.select_related("user"))
    assert {e.user.email for e in electors} == {"presidencia.ods4@axs.example", "secretaria.ods4@axs.example"}
    active = Membership.objects.filter(committee=ballot.round.committee, status="active")
    for elector in electors:  # each votes for an active fictitious member of the committee
        link = Representative.objects.current().get(user=elector.user)
        assert link.organization.is_fictitious and active.filter(organization=link.organization).exists()
        assert permissions.can_vote(elector.user, ballot)
    # The seed names no real organization's person: nobody in the demo votes for one (nor are they members today:
    # there is no data on them after the installation).
    assert not active.filter(organization__is_fictitious=False).exists()
    assert Membership.objects.filter(
        committee=ballot.round.committee, organization__is_fictitious=False, status="unknown"
    ).exists()
    assert not Representative.objects.current().filter(organization__is_fictitious=False).exists()

    chair = User.objects.get(email="presidencia.ods4@axs.example")
    services.vote_cast(actor=chair, ballot=ballot, choices=[ballot.candidates.first().proposal_id])
    staff = User.objects.get(email="staff@amexcid.example")
    ballot = services.ballot_close(actor=staff, ballot=ballot)
    assert ballot.result["quorum_met"] and ballot.result["voted"] == 1 and ballot.result["electorate"] == 2


def test_loading_again_replaces_an_organizations_ballot_left_open_by_an_older_demo(demo):
    from projects.demo_selection import REPLACED_REASON

    staff = User.objects.get(email="staff@amexcid.example")
    current = open_ballot()
    selection_round = current.round
    services.ballot_cancel(actor=staff, ballot=current, reason="Estado de una demostración anterior.")
    # What an older demo left: the same ballot with the committee's member organizations as its electorate.
    old = services.ballot_create(
        actor=staff, selection_round=selection_round, title=current.title, electorate="organizations",
        question="approval", max_choices=1, seats=1, majority="plurality", quorum_percent=50,
        opens_at=current.opens_at, closes_at=current.closes_at,
    )  # fmt: skip
    services.ballot_open(actor=staff, ballot=old)

    call_command("load_demo", stdout=io.StringIO())
    old.refresh_from_db()
    assert old.status == "cancelled" and old.cancel_reason == REPLACED_REASON
    ballot = open_ballot()
    assert ballot.round == selection_round and ballot.title == old.title and ballot.electorate == "people"
    assert ballot.status == "open" and permissions.can_vote(
        User.objects.get(email="presidencia.ods4@axs.example"), ballot
    )
    count = Ballot.objects.count()
    call_command("load_demo", stdout=io.StringIO())
    assert Ballot.objects.count() == count and open_ballot() == ballot


def test_loading_the_demo_twice_changes_nothing(demo):
    counts = (SelectionRound.objects.count(), Ballot.objects.count(), BallotPaper.objects.count())
    call_command("load_demo", stdout=io.StringIO())
    assert (SelectionRound.objects.count(), Ballot.objects.count(), BallotPaper.objects.count()) == counts
