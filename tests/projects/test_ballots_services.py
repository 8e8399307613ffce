"""Ballots: electorate, voting rules, secrecy, receipts, counting, quorum, ties, runoffs, cancelling, e-mail."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from projects import services, tally
from projects.models import BallotPaper, Elector, PaperChoice, Participation
from tests.factories import make_member, make_organization

from .ballot_scene import ids, make_ballot, make_candidates, seat, vote_round

pytestmark = pytest.mark.django_db


def code_of(error):
    if hasattr(error.value, "error_dict"):
        return next(iter(error.value.error_dict.values()))[0].code
    return error.value.code


def test_organizations_electorate_is_frozen_when_the_ballot_opens(scene):
    ballot = make_ballot(scene)
    assert set(Elector.objects.filter(ballot=ballot).values_list("organization_id", flat=True)) == {
        *[o.pk for o in scene.member_orgs],
        scene.chair.representations.get().organization_id,
    }
    late = make_organization(actor=scene.staff)
    seat(scene.staff, scene.committee, late)
    assert not Elector.objects.filter(ballot=ballot, organization=late).exists()


def test_member_representative_votes_and_gets_a_receipt_that_is_counted_after_closing(scene):
    ballot = make_ballot(scene)
    code, changed = services.vote_cast(actor=scene.voters[0], ballot=ballot, choices=[scene.candidates[0].pk])
    assert code and not changed and len(code) == 24
    assert BallotPaper.objects.filter(ballot=ballot).count() == 1
    assert BallotPaper.objects.get().receipt_hash != code
    assert services.receipt_counted(ballot=ballot, code=code.lower())
    assert not services.receipt_counted(ballot=ballot, code="AAAA-BBBB-CCCC-DDDD-EEEE")


def test_second_vote_for_the_same_organization_is_rejected(scene):
    ballot = make_ballot(scene)
    services.vote_cast(actor=scene.voters[0], ballot=ballot, choices=[scene.candidates[0].pk])
    with pytest.raises(ValidationError) as error:
        services.vote_cast(actor=scene.colleague, ballot=ballot, choices=[scene.candidates[1].pk])
    assert code_of(error) == "already_voted"
    assert Participation.objects.filter(ballot=ballot).count() == 1
    assert PaperChoice.objects.get().candidate.proposal == scene.candidates[0]


def test_second_vote_by_same_chair_is_rejected(scene):
    ballot = make_ballot(scene, electorate="chair")
    services.vote_cast(actor=scene.chair, ballot=ballot, choices=[scene.candidates[0].pk])
    with pytest.raises(ValidationError) as error:
        services.vote_cast(actor=scene.chair, ballot=ballot, choices=[scene.candidates[0].pk])
    assert code_of(error) == "already_voted"


def test_chair_of_another_committee_cannot_vote(scene):
    ballot = make_ballot(scene, electorate="chair")
    with pytest.raises(PermissionDenied):
        services.vote_cast(actor=scene.other_chair, ballot=ballot, choices=[scene.candidates[0].pk])
    assert not Participation.objects.exists()


def test_people_outside_the_electorate_cannot_vote(scene):
    ballot = make_ballot(scene, electorate="people", named_voters=[scene.voters[1]])
    for outsider in (scene.outsider, scene.voters[0], scene.staff):
        with pytest.raises(PermissionDenied):
            services.vote_cast(actor=outsider, ballot=ballot, choices=[scene.candidates[0].pk])
    services.vote_cast(actor=scene.voters[1], ballot=ballot, choices=[scene.candidates[0].pk])
    assert Participation.objects.count() == 1


def test_voting_outside_the_window_is_refused(scene):
    scheduled = make_ballot(scene, open_now=False)
    with pytest.raises(ValidationError) as error:
        services.vote_cast(actor=scene.voters[0], ballot=scheduled, choices=[scene.candidates[0].pk])
    assert code_of(error) == "not_open"
    ballot = make_ballot(scene, vote_round(scene))
    later = ballot.closes_at + datetime.timedelta(seconds=1)
    with pytest.raises(ValidationError) as error:
        services.vote_cast(actor=scene.voters[0], ballot=ballot, choices=[scene.candidates[0].pk], now=later)
    assert code_of(error) == "not_open"
    services.ballot_close(actor=scene.chair, ballot=ballot)
    with pytest.raises(ValidationError) as error:
        services.vote_cast(actor=scene.voters[0], ballot=ballot, choices=[scene.candidates[0].pk])
    assert code_of(error) == "not_open"
    assert not Participation.objects.exists()


def test_choosing_more_than_allowed_or_a_proposal_not_on_the_ballot_is_refused(scene):
    ballot = make_ballot(scene, max_choices=2)
    stranger = make_candidates(scene, 1)[0]
    cases = [
        (ids(scene.candidates), "too_many_choices"),
        ([stranger.pk], "not_a_candidate"),
        ([], "no_choice"),
        ([scene.candidates[0].pk, scene.candidates[0].pk], "duplicate_choice"),
    ]
    for choices, code in cases:
        with pytest.raises(ValidationError) as error:
            services.vote_cast(actor=scene.voters[0], ballot=ballot, choices=choices)
        assert code_of(error) == code
    assert not Participation.objects.exists() and not BallotPaper.objects.exists()


def test_ballot_with_fewer_candidates_than_seats_is_refused(scene):
    with pytest.raises(ValidationError) as error:
        make_ballot(scene, seats=4)
    assert code_of(error) == "too_few_candidates"


def test_yes_no_ballot_needs_an_answer_on_every_candidate(scene):
    ballot = make_ballot(scene, question="yes_no", majority="absolute")
    first, second, third = scene.candidates
    with pytest.raises(ValidationError) as error:
        services.vote_cast(actor=scene.voters[0], ballot=ballot, choices={first.pk: "yes"})
    assert code_of(error) == "incomplete_answers"
    services.vote_cast(
        actor=scene.voters[0], ballot=ballot, choices={first.pk: "yes", second.pk: "no", third.pk: "abstain"}
    )
    services.vote_cast(
        actor=scene.voters[1], ballot=ballot, choices={first.pk: "yes", second.pk: "yes", third.pk: "abstain"}
    )
    services.vote_cast(actor=scene.chair, ballot=ballot, choices={first.pk: "no", second.pk: "no", third.pk: "yes"})
    ballot = services.ballot_close(actor=scene.chair, ballot=ballot)
    rows = {row["proposal_id"]: row for row in ballot.result["rows"]}
    assert (rows[first.pk]["yes"], rows[first.pk]["no"]) == (2, 1)
    assert rows[third.pk]["abstain"] == 2 and rows[third.pk]["qualifies"]  # 1 yes of 1 cast: abstentions don't count
    assert ballot.result["selected"] == [first.pk] and ballot.result["tied"] == []


def test_named_ballot_allows_changes_only_where_it_says_so(scene):
    ballot = make_ballot(scene, allow_changes=True)
    code, _ = services.vote_cast(actor=scene.voters[0], ballot=ballot, choices=[scene.candidates[0].pk])
    again, changed = services.vote_cast(actor=scene.colleague, ballot=ballot, choices=[scene.candidates[1].pk])
    assert (again, changed) == (None, True)
    assert BallotPaper.objects.count() == 1
    assert PaperChoice.objects.get().candidate.proposal == scene.candidates[1]
    assert Participation.objects.get().changes == 1
    assert services.receipt_counted(ballot=ballot, code=code)


def test_closing_counts_papers_turnout_quorum_and_selects(scene):
    ballot = make_ballot(scene, seats=1, majority="absolute", quorum_percent=50)
    first = scene.candidates[0]
    for voter in scene.voters:
        services.vote_cast(actor=voter, ballot=ballot, choices=[first.pk])
    ballot = services.ballot_close(actor=scene.chair, ballot=ballot)
    result = ballot.result
    assert (result["electorate"], result["voted"], result["papers"], result["turnout"]) == (4, 3, 3, 75.0)
    assert result["quorum_met"] and result["selected"] == [first.pk]
    assert result["rows"][0]["percent"] == 100.0
    assert tally.tally(ballot) == result
    assert tally.final_selection(ballot) == [first.pk]


def test_closing_without_quorum_is_flagged_and_selects_nothing(scene):
    ballot = make_ballot(scene, quorum_percent=75)
    services.vote_cast(actor=scene.voters[0], ballot=ballot, choices=[scene.candidates[0].pk])
    ballot = services.ballot_close(actor=scene.chair, ballot=ballot)
    assert not ballot.result["quorum_met"] and ballot.result["selected"] == []
    assert tally.final_selection(ballot) is None


def test_two_thirds_rule_leaves_a_seat_empty_when_nobody_reaches_it(scene):
    ballot = make_ballot(scene, majority="two_thirds", quorum_percent=0)
    services.vote_cast(actor=scene.voters[0], ballot=ballot, choices=[scene.candidates[0].pk])
    services.vote_cast(actor=scene.voters[1], ballot=ballot, choices=[scene.candidates[1].pk])
    services.vote_cast(actor=scene.voters[2], ballot=ballot, choices=[scene.candidates[0].pk])
    ballot = services.ballot_close(actor=scene.chair, ballot=ballot)
    assert ballot.result["selected"] == [scene.candidates[0].pk]  # 2 of 3 is two thirds
    assert ballot.result["tied"] == []


def _tied_ballot(scene):
    ballot = make_ballot(scene, seats=1)
    services.vote_cast(actor=scene.voters[0], ballot=ballot, choices=[scene.candidates[0].pk])
    services.vote_cast(actor=scene.voters[1], ballot=ballot, choices=[scene.candidates[1].pk])
    return services.ballot_close(actor=scene.chair, ballot=ballot)


def test_tie_is_declared_then_settled_by_the_chair_with_the_reason_recorded(scene):
    ballot = _tied_ballot(scene)
    assert ballot.tie_status == "declared" and ballot.result["open_seats"] == 1
    assert set(ballot.result["tied"]) == {scene.candidates[0].pk, scene.candidates[1].pk}
    assert tally.final_selection(ballot) is None
    with pytest.raises(PermissionDenied):
        services.ballot_tie_settle(
            actor=scene.other_chair, ballot=ballot, proposals=[scene.candidates[0]], reason="Voto de calidad"
        )
    with pytest.raises(ValidationError):
        services.ballot_tie_settle(actor=scene.chair, ballot=ballot, proposals=[scene.candidates[2]], reason="x")
    ballot = services.ballot_tie_settle(
        actor=scene.chair, ballot=ballot, proposals=[scene.candidates[1]], reason="Voto de calidad de la presidencia"
    )
    assert ballot.tie_status == "chair" and ballot.tie_resolution == "Voto de calidad de la presidencia"
    assert tally.final_selection(ballot) == [scene.candidates[1].pk]


def test_tie_is_settled_by_a_runoff_over_the_tied_proposals(scene):
    ballot = _tied_ballot(scene)
    now = timezone.now()
    runoff = services.ballot_runoff_create(
        actor=scene.chair,
        ballot=ballot,
        opens_at=now - datetime.timedelta(minutes=1),
        closes_at=now + datetime.timedelta(days=1),
    )
    assert set(runoff.candidates.values_list("proposal_id", flat=True)) == set(ballot.result["tied"])
    assert runoff.seats == 1
    runoff = services.ballot_open(actor=scene.chair, ballot=runoff)
    services.vote_cast(actor=scene.voters[0], ballot=runoff, choices=[scene.candidates[0].pk])
    services.vote_cast(actor=scene.voters[1], ballot=runoff, choices=[scene.candidates[0].pk])
    services.ballot_close(actor=scene.chair, ballot=runoff)
    ballot.refresh_from_db()
    assert ballot.tie_status == "runoff"
    assert tally.final_selection(ballot) == [scene.candidates[0].pk]


def test_staff_cancel_a_ballot_with_a_reason_and_nothing_is_deleted(scene):
    ballot = make_ballot(scene)
    services.vote_cast(actor=scene.voters[0], ballot=ballot, choices=[scene.candidates[0].pk])
    with pytest.raises(PermissionDenied):
        services.ballot_cancel(actor=scene.chair, ballot=ballot, reason="Error")
    with pytest.raises(ValidationError):
        services.ballot_cancel(actor=scene.staff, ballot=ballot, reason=" ")
    ballot = services.ballot_cancel(actor=scene.staff, ballot=ballot, reason="Se registró mal la lista de candidatos")
    assert ballot.status == "cancelled" and BallotPaper.objects.count() == 1
    with pytest.raises(ValidationError):
        services.vote_cast(actor=scene.voters[1], ballot=ballot, choices=[scene.candidates[0].pk])


def test_voters_are_told_when_it_opens_and_reminded_once_before_it_closes(
    scene, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        ballot = make_ballot(scene)
    opened = [m for m in mailoutbox if "abierta" in m.subject or "open" in m.subject]
    recipients = {address for message in opened for address in message.to}
    assert {v.email for v in scene.voters} | {scene.colleague.email, scene.chair.email} <= recipients
    assert scene.outsider.email not in recipients
    mailoutbox.clear()
    services.vote_cast(actor=scene.voters[0], ballot=ballot, choices=[scene.candidates[0].pk])
    soon = ballot.closes_at - datetime.timedelta(hours=2)
    with django_capture_on_commit_callbacks(execute=True):
        done = services.ballots_due(now=soon)
    assert done["reminded"] == 1
    reminded = {address for message in mailoutbox for address in message.to}
    assert scene.voters[0].email not in reminded and scene.colleague.email not in reminded
    assert scene.voters[1].email in reminded
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.ballots_due(now=soon)
    assert mailoutbox == []


def test_scheduled_ballots_open_and_close_at_their_times(scene):
    now = timezone.now()
    ballot = make_ballot(
        scene, open_now=False, opens_at=now + datetime.timedelta(hours=1), closes_at=now + datetime.timedelta(days=3)
    )
    assert services.ballots_due(now=now)["opened"] == 0
    assert services.ballots_due(now=now + datetime.timedelta(hours=2))["opened"] == 1
    ballot.refresh_from_db()
    assert ballot.status == "open"
    assert services.ballots_due(now=now + datetime.timedelta(days=4))["closed"] == 1
    ballot.refresh_from_db()
    assert ballot.status == "closed" and ballot.result is not None


def test_a_representative_speaks_for_one_organization_in_a_people_ballot_only_if_named(scene):
    named = make_member(scene.member_orgs[1])
    ballot = make_ballot(scene, electorate="people", named_voters=[named])
    services.vote_cast(actor=named, ballot=ballot, choices=[scene.candidates[2].pk])
    with pytest.raises(PermissionDenied):
        services.vote_cast(actor=scene.voters[1], ballot=ballot, choices=[scene.candidates[2].pk])


def test_a_vote_runs_a_fixed_number_of_queries(scene):
    ballot = make_ballot(scene)
    with CaptureQueriesContext(connection) as first:
        services.vote_cast(actor=scene.voters[0], ballot=ballot, choices=[scene.candidates[0].pk])
    with CaptureQueriesContext(connection) as second:
        services.vote_cast(actor=scene.voters[1], ballot=ballot, choices=[scene.candidates[1].pk])
    # 14, and two to append the audit event to the chain on PostgreSQL (its lock, then its head).
    assert len(first) == len(second) <= 16


def test_a_vote_checks_the_status_again_under_the_lock(scene):
    """A ballot closed (or whose time ran out) after the voter's page read it: refused, nothing written."""
    from projects.models import Ballot

    ballot = make_ballot(scene)
    stale = Ballot.objects.get(pk=ballot.pk)
    Ballot.objects.filter(pk=ballot.pk).update(closes_at=timezone.now() - datetime.timedelta(seconds=1))
    with pytest.raises(ValidationError) as error:
        services.vote_cast(actor=scene.voters[0], ballot=stale, choices=[scene.candidates[0].pk])
    assert code_of(error) == "not_open"
    services.ballot_close(actor=scene.chair, ballot=Ballot.objects.get(pk=ballot.pk))
    stale = Ballot.objects.get(pk=ballot.pk)
    stale.status = "open"
    stale.closes_at = timezone.now() + datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as error:
        services.vote_cast(actor=scene.voters[1], ballot=stale, choices=[scene.candidates[0].pk])
    assert code_of(error) == "not_open"
    assert not Participation.objects.filter(ballot=ballot).exists()
    assert not BallotPaper.objects.filter(ballot=ballot).exists()
    assert not PaperChoice.objects.filter(paper__ballot=ballot).exists()
    from audit.models import AuditEvent

    assert not AuditEvent.objects.filter(action="projects.voted").exists()


def test_a_second_request_that_read_not_voted_is_told_who_recorded_the_vote(scene):
    """Two requests of one voter both read "not voted": the second is told the first recorded it, by whom."""
    from projects.models import Ballot

    ballot = make_ballot(scene)
    first, second = Ballot.objects.get(pk=ballot.pk), Ballot.objects.get(pk=ballot.pk)
    voter = scene.voters[0]
    from projects import permissions

    permissions.elector_for(voter, first)  # read "not voted" before either vote, as two racing requests do
    services.vote_cast(actor=voter, ballot=first, choices=[scene.candidates[0].pk])
    assert voter._axs_electors[ballot.pk].has_voted is False
    with pytest.raises(ValidationError) as error:
        services.vote_cast(actor=voter, ballot=second, choices=[scene.candidates[1].pk])
    assert code_of(error) == "already_voted"
    assert voter.full_name in error.value.messages[0]
    assert Participation.objects.filter(ballot=ballot).count() == 1  # and the test's transaction still works
    assert PaperChoice.objects.filter(paper__ballot=ballot).get().candidate.proposal_id == scene.candidates[0].pk


def test_changes_of_a_vote_are_counted_one_by_one(scene):
    ballot = make_ballot(scene, allow_changes=True)
    voter = scene.voters[0]
    services.vote_cast(actor=voter, ballot=ballot, choices=[scene.candidates[0].pk])
    for candidate in (scene.candidates[1], scene.candidates[2], scene.candidates[0]):
        code, changed = services.vote_cast(actor=voter, ballot=ballot, choices=[candidate.pk])
        assert code is None and changed
    participation = Participation.objects.get(ballot=ballot)
    assert participation.changes == 3 and participation.changed_at is not None
    assert PaperChoice.objects.filter(paper__ballot=ballot).get().candidate.proposal_id == scene.candidates[0].pk
