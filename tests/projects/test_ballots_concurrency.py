"""Many voters at once, each several times in parallel, while the ballot is closed: nothing lost, nothing twice."""

import threading
from collections import Counter

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, connections

from projects import services, tally
from projects.models import Ballot, BallotPaper, PaperChoice, Participation, SealedPaper
from tests.factories import make_member, make_organization

from .ballot_scene import make_ballot, make_candidates, seat

VOTERS = 10
ATTEMPTS = 2  # two representatives × two attempts each: 40 requests for 10 votes, within max_connections


def test_parallel_votes_while_closing_store_exactly_the_accepted_votes(transactional_db, cast):
    if connection.vendor != "postgresql":
        pytest.skip("Row locks and parallel transactions need PostgreSQL; SQLite serializes every writer.")
    organizations = [make_organization(actor=cast.staff) for _ in range(VOTERS)]
    for organization in organizations:
        seat(cast.staff, cast.committee, organization)
    # Two representatives per organization, racing each other for their organization's one vote.
    voters = [(make_member(o), make_member(o)) for o in organizations]
    cast.candidates = make_candidates(cast, 3)
    ballot = make_ballot(cast, max_choices=2, quorum_percent=10)
    accepted, refused, errors = [], [], []
    lock = threading.Lock()
    start = threading.Barrier(VOTERS * 2 * ATTEMPTS + 1)

    def vote(person, index):
        try:
            start.wait()
            choice = [cast.candidates[index % 3].pk]
            code, _changed = services.vote_cast(actor=person, ballot=Ballot.objects.get(pk=ballot.pk), choices=choice)
            with lock:
                accepted.append((person.pk, code, choice[0]))
        except (ValidationError, PermissionDenied) as error:
            with lock:
                refused.append(getattr(error, "code", "denied"))
        except Exception as error:  # noqa: BLE001 (any other failure fails the test below)
            with lock:
                errors.append(repr(error))
        finally:
            connections.close_all()

    def close():
        try:
            start.wait()
            services.ballot_close(actor=cast.chair, ballot=Ballot.objects.get(pk=ballot.pk))
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=vote, args=(person, index))
        for index, pair in enumerate(voters)
        for person in pair
        for _attempt in range(ATTEMPTS)
    ]
    threads.insert(len(threads) // 2, threading.Thread(target=close))
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    ballot.refresh_from_db()
    assert ballot.status == "closed"
    assert set(refused) <= {"already_voted", "not_open"}
    assert Participation.objects.filter(ballot=ballot).count() == len(accepted)
    assert BallotPaper.objects.filter(ballot=ballot).count() == len(accepted)
    assert PaperChoice.objects.filter(paper__ballot=ballot).count() == len(accepted)
    organizations_voted = Counter(
        Participation.objects.filter(ballot=ballot).values_list("elector__organization_id", flat=True)
    )
    assert all(count == 1 for count in organizations_voted.values())
    assert all(services.receipt_counted(ballot=ballot, code=code) for _person, code, _choice in accepted)
    expected = Counter(choice for _person, _code, choice in accepted)
    frozen = {row["proposal_id"]: row["votes"] for row in ballot.result["rows"]}
    assert frozen == {c.pk: expected.get(c.pk, 0) for c in cast.candidates}
    # Every later reader counts the same from the stored papers.
    readings = []

    def read():
        try:
            readings.append(tally.tally(Ballot.objects.get(pk=ballot.pk)))
        finally:
            connections.close_all()

    readers = [threading.Thread(target=read) for _ in range(8)]
    for reader in readers:
        reader.start()
    for reader in readers:
        reader.join()
    assert all(reading == ballot.result for reading in readings)


def test_closing_waits_for_a_vote_in_flight_and_votes_after_it_are_refused(transactional_db, cast):
    if connection.vendor != "postgresql":
        pytest.skip("The ballot's advisory lock is PostgreSQL's; SQLite serializes every writer.")
    from django.db import transaction

    from projects.services import ballots as ballot_services

    organization = make_organization(actor=cast.staff)
    seat(cast.staff, cast.committee, organization)
    voter = make_member(organization)
    cast.candidates = make_candidates(cast, 3)
    ballot = make_ballot(cast, max_choices=1, quorum_percent=10)
    holding, release, closed = threading.Event(), threading.Event(), threading.Event()

    def vote_in_flight():
        try:
            with transaction.atomic():
                ballot_services.ballot_share_locked(Ballot.objects.get(pk=ballot.pk))
                holding.set()
                release.wait(timeout=30)
        finally:
            connections.close_all()

    def close():
        try:
            services.ballot_close(actor=cast.chair, ballot=Ballot.objects.get(pk=ballot.pk))
            closed.set()
        finally:
            connections.close_all()

    voting = threading.Thread(target=vote_in_flight)
    voting.start()
    assert holding.wait(timeout=30)
    closing = threading.Thread(target=close)
    closing.start()
    assert not closed.wait(timeout=0.5)  # the close waits for the vote that holds the lock
    release.set()
    voting.join(timeout=30)
    closing.join(timeout=30)
    assert closed.is_set()
    with pytest.raises(ValidationError) as refused:
        services.vote_cast(actor=voter, ballot=Ballot.objects.get(pk=ballot.pk), choices=[cast.candidates[0].pk])
    assert refused.value.code == "not_open"


def _race(targets):
    """Run each callable in its own thread, started together; return the exceptions they raised."""
    start, errors = threading.Barrier(len(targets)), []

    def run(target):
        try:
            start.wait()
            target()
        except Exception as error:  # noqa: BLE001 (returned to the test)
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(target,)) for target in targets]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return errors


@pytest.mark.parametrize("secret", [False, True])
def test_parallel_changes_of_one_vote_are_all_counted(transactional_db, cast, secret):
    if connection.vendor != "postgresql":
        pytest.skip("Parallel transactions need PostgreSQL; SQLite serializes every writer.")
    organization = make_organization(actor=cast.staff)
    seat(cast.staff, cast.committee, organization)
    voter = make_member(organization)
    cast.candidates = make_candidates(cast, 3)
    ballot = make_ballot(cast, max_choices=1, quorum_percent=10, allow_changes=True, is_secret=secret)
    code, _changed = services.vote_cast(actor=voter, ballot=ballot, choices=[cast.candidates[0].pk])
    changes = 12

    def change(index):
        person = type(voter).objects.get(pk=voter.pk)  # a request of its own
        return lambda: services.vote_cast(
            actor=person,
            ballot=Ballot.objects.get(pk=ballot.pk),
            choices=[cast.candidates[index % 3].pk],
            receipt=code if secret else "",
        )

    assert _race([change(index) for index in range(changes)]) == []
    assert Participation.objects.get(ballot=ballot).changes == changes
    if secret:
        assert SealedPaper.objects.filter(ballot=ballot).count() == 1
        services.ballot_close(actor=cast.chair, ballot=Ballot.objects.get(pk=ballot.pk))
        assert services.receipt_counted(ballot=Ballot.objects.get(pk=ballot.pk), code=code)
    assert PaperChoice.objects.filter(paper__ballot=ballot).count() == 1


@pytest.mark.parametrize("allow_changes", [False, True])
def test_two_simultaneous_first_votes_of_one_voter_store_one_vote_and_answer_truthfully(
    transactional_db, cast, allow_changes
):
    if connection.vendor != "postgresql":
        pytest.skip("Parallel transactions need PostgreSQL; SQLite serializes every writer.")
    organization = make_organization(actor=cast.staff)
    seat(cast.staff, cast.committee, organization)
    voter = make_member(organization)
    cast.candidates = make_candidates(cast, 3)
    ballot = make_ballot(cast, max_choices=1, quorum_percent=10, allow_changes=allow_changes)
    answers = []

    def first_vote(index):
        def vote():
            person = type(voter).objects.get(pk=voter.pk)
            answers.append(
                services.vote_cast(
                    actor=person, ballot=Ballot.objects.get(pk=ballot.pk), choices=[cast.candidates[index].pk]
                )
            )

        return vote

    errors = _race([first_vote(0), first_vote(1)])
    assert Participation.objects.filter(ballot=ballot).count() == 1
    assert BallotPaper.objects.filter(ballot=ballot).count() == 1
    if allow_changes:
        # The second is a change of the first: both succeed, one receipt, one change counted.
        assert errors == []
        assert sorted(changed for _code, changed in answers) == [False, True]
        assert Participation.objects.get(ballot=ballot).changes == 1
    else:
        # The second is told the truth: the vote was recorded (by this person), and cannot be changed.
        assert len(answers) == 1 and len(errors) == 1
        assert errors[0].code == "already_voted" and voter.full_name in errors[0].messages[0]
