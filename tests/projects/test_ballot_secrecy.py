"""Secret ballots under attack: sealed until the close, no link a query can follow after it, receipts only verify.

Each test reproduces an attack of issue 16 against the stored data (SQLite and PostgreSQL; the
xmin join and the server's error log on PostgreSQL only) and states what chance would give.
"""

import datetime
import math
import uuid
from pathlib import Path
from unittest import mock

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import override_settings
from django.utils import timezone

from audit.models import AuditEvent
from projects import sealing, services
from projects.models import BallotPaper, PaperChoice, Participation, SealedPaper
from projects.sealing import SealBroken
from projects.services import votes
from tests.factories import make_user

from .ballot_scene import make_ballot, make_candidates

VOTERS = 60


def code_of(error):
    if hasattr(error.value, "error_dict"):
        return next(iter(error.value.error_dict.values()))[0].code
    return error.value.code


def chance_bound(n, p):
    """Matches a random pairing gives at most, but for one time in ~30,000: expected + 4 standard deviations."""
    return n * p + 4 * math.sqrt(n * p * (1 - p))


def candidate_of_papers():
    return {choice.paper_id: choice.candidate_id for choice in PaperChoice.objects.all()}


def storage_order(ballot):
    """Papers as the table stores them: SQLite's rowid, PostgreSQL's physical position (an attacker's query)."""
    order = "ctid" if connection.vendor == "postgresql" else "rowid"
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT id FROM projects_ballotpaper WHERE ballot_id = %s ORDER BY {order}", [ballot.pk])
        return [uuid.UUID(str(row[0])) for row in cursor.fetchall()]


def matches(voters_in_order, papers_in_order, chose, paper_candidate):
    """How many voters the i-th-with-i-th pairing gives their true choice."""
    return sum(chose[v] == paper_candidate[p] for v, p in zip(voters_in_order, papers_in_order, strict=True))


def test_no_query_links_voters_to_choices_better_than_chance(transactional_db, cast):
    people = [make_user() for _ in range(VOTERS)]
    candidates = cast.candidates = make_candidates(cast, 3)
    start = timezone.now()
    ballot = make_ballot(
        cast,
        electorate="people",
        named_voters=people,
        is_secret=True,
        quorum_percent=10,
        opens_at=start - datetime.timedelta(minutes=5),
        closes_at=start + datetime.timedelta(days=2),
    )
    chose = {}
    for index, person in enumerate(people):
        candidate = ballot.candidates.get(proposal=candidates[index % 3])
        chose[person.pk] = candidate.pk
        # Each vote its own transaction, a second apart: as voters vote.
        moment = start + datetime.timedelta(seconds=index)
        services.vote_cast(actor=person, ballot=ballot, choices=[candidates[index % 3].pk], now=moment)
    assert SealedPaper.objects.filter(ballot=ballot).count() == VOTERS and not BallotPaper.objects.exists()
    services.ballot_close(actor=cast.chair, ballot=ballot)
    assert not SealedPaper.objects.exists()

    paper_candidate = candidate_of_papers()
    bound = chance_bound(VOTERS, 1 / 3)
    by_id = list(Participation.objects.filter(ballot=ballot).order_by("id").values_list("cast_by_id", flat=True))
    by_time = list(Participation.objects.filter(ballot=ballot).order_by("cast_at").values_list("cast_by_id", flat=True))
    by_audit = list(
        AuditEvent.objects.filter(action="projects.voted", target_id=str(ballot.pk))
        .order_by("id")
        .values_list("actor_id", flat=True)
    )
    assert by_id == by_time == by_audit == [p.pk for p in people]  # the order of voting is public, by design
    paper_orders = {
        "storage order": storage_order(ballot),
        "choice ids": list(dict.fromkeys(PaperChoice.objects.order_by("id").values_list("paper_id", flat=True))),
    }
    found = {
        (voters, papers): matches(order, paper_order, chose, paper_candidate)
        for voters, order in {"participation ids": by_id, "vote times": by_time, "audit events": by_audit}.items()
        for papers, paper_order in paper_orders.items()
    }
    assert all(count <= bound for count in found.values()), (found, bound)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM projects_participation p JOIN projects_ballotpaper b ON b.xmin = p.xmin "
                "WHERE p.ballot_id = %s",
                [ballot.pk],
            )
            assert cursor.fetchone()[0] == 0  # no participation shares a transaction with any paper
            cursor.execute(
                "SELECT count(*) FROM audit_auditevent a JOIN projects_ballotpaper b ON b.xmin = a.xmin "
                "WHERE a.action = 'projects.voted' AND b.ballot_id = %s",
                [ballot.pk],
            )
            assert cursor.fetchone()[0] == 0
    # Before this design each of these pairings named all 60 voters' choices; chance gives about 20.
    assert [row["votes"] for row in ballot.__class__.objects.get(pk=ballot.pk).result["rows"]] == [VOTERS // 3] * 3


@pytest.mark.django_db
def test_a_secret_vote_is_sealed_until_the_close_and_counted_after_it(scene):
    ballot = make_ballot(scene, is_secret=True, max_choices=2)
    one, _ = services.vote_cast(actor=scene.voters[0], ballot=ballot, choices=[scene.candidates[0].pk])
    two, _ = services.vote_cast(actor=scene.voters[1], ballot=ballot, choices=[c.pk for c in scene.candidates[:2]])
    assert not BallotPaper.objects.exists() and not PaperChoice.objects.exists()
    sealed = list(SealedPaper.objects.filter(ballot=ballot))
    assert len(sealed) == 2 and len(bytes(sealed[0].sealed)) == len(bytes(sealed[1].sealed))  # no length leak
    candidate_ids = [c.pk for c in ballot.candidates.all()]
    with override_settings(BALLOT_SECRET_KEY="what the database holds is not the key"), pytest.raises(SealBroken):
        sealing.unseal(ballot.pk, candidate_ids, sealed[0].sealed)
    checks = set(Participation.objects.values_list("receipt_check", flat=True))
    keys = {s.receipt_key for s in sealed}
    assert services.receipt_counted(ballot=ballot, code=one) and services.receipt_counted(ballot=ballot, code=two)
    paper_fields = {f.name for f in BallotPaper._meta.get_fields()} | {f.name for f in SealedPaper._meta.get_fields()}
    assert not paper_fields & {"cast_at", "created_at", "changed_at", "user", "voter", "organization", "elector_id"}

    ballot = services.ballot_close(actor=scene.chair, ballot=ballot)
    assert not SealedPaper.objects.exists() and BallotPaper.objects.filter(ballot=ballot, elector=None).count() == 2
    hashes = set(BallotPaper.objects.values_list("receipt_hash", flat=True))
    assert not (checks & keys or checks & hashes or keys & hashes)  # a backup from before the close joins nothing
    rows = {row["proposal_id"]: row["votes"] for row in ballot.result["rows"]}
    assert rows[scene.candidates[0].pk] == 2 and rows[scene.candidates[1].pk] == 1
    assert services.receipt_counted(ballot=ballot, code=one.lower())
    assert not services.receipt_counted(ballot=ballot, code="AAAA-BBBB-CCCC-DDDD-EEEE")


@pytest.mark.django_db
def test_secret_vote_is_changed_only_with_its_receipt(scene):
    ballot = make_ballot(scene, is_secret=True, allow_changes=True)
    code, _ = services.vote_cast(actor=scene.voters[0], ballot=ballot, choices=[scene.candidates[0].pk])
    with pytest.raises(ValidationError) as error:
        services.vote_cast(actor=scene.voters[0], ballot=ballot, choices=[scene.candidates[1].pk], receipt="nope")
    assert code_of(error) == "receipt_required"
    assert services.vote_cast(actor=scene.voters[0], ballot=ballot, choices=[scene.candidates[1].pk], receipt=code) == (
        None,
        True,
    )
    assert SealedPaper.objects.count() == 1 and Participation.objects.get().changes == 1
    ballot = services.ballot_close(actor=scene.chair, ballot=ballot)
    assert PaperChoice.objects.get().candidate.proposal == scene.candidates[1]
    assert services.receipt_counted(ballot=ballot, code=code)


@pytest.mark.django_db
def test_a_stolen_receipt_does_not_change_its_owners_vote(scene):
    """The secretary holds the chair's receipt and votes again with it: refused, the chair's vote stands."""
    secretary = make_user()
    ballot = make_ballot(
        scene, electorate="people", named_voters=[scene.chair, secretary], is_secret=True, allow_changes=True
    )
    chairs, _ = services.vote_cast(actor=scene.chair, ballot=ballot, choices=[scene.candidates[0].pk])
    own, _ = services.vote_cast(actor=secretary, ballot=ballot, choices=[scene.candidates[1].pk])
    before = {s.pk: bytes(s.sealed) for s in SealedPaper.objects.all()}
    with pytest.raises(ValidationError) as error:
        services.vote_cast(actor=secretary, ballot=ballot, choices=[scene.candidates[2].pk], receipt=chairs)
    assert code_of(error) == "receipt_required"
    assert {s.pk: bytes(s.sealed) for s in SealedPaper.objects.all()} == before
    assert Participation.objects.filter(changes=0).count() == 2
    ballot = services.ballot_close(actor=scene.chair, ballot=ballot)
    rows = {row["proposal_id"]: row["votes"] for row in ballot.result["rows"]}
    assert rows == {scene.candidates[0].pk: 1, scene.candidates[1].pk: 1, scene.candidates[2].pk: 0}
    assert own != chairs


def _server_log():
    """The PostgreSQL server's log file when this process may read it (Debian's default place), else None."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_setting('server_version_num')::int / 10000")
        major = cursor.fetchone()[0]
    path = Path(f"/var/log/postgresql/postgresql-{major}-main.log")
    try:
        path.stat().st_size and path.open("rb").close()
    except OSError:
        return None
    return path


@pytest.mark.django_db
@pytest.mark.parametrize("secret", [True, False])
def test_a_refused_duplicate_vote_sends_and_logs_no_choice(scene, secret):
    ballot = make_ballot(scene, is_secret=secret)
    services.vote_cast(actor=scene.voters[0], ballot=ballot, choices=[scene.candidates[2].pk])
    log = _server_log() if connection.vendor == "postgresql" else None
    log_start = log.stat().st_size if log else 0
    sent = []

    def record(execute, sql, params, many, context):
        try:
            return execute(sql, params, many, context)
        except Exception:
            sent.append(("failed", sql))
            raise
        finally:
            sent.append(("sent", sql))

    refused_read = mock.Mock()
    refused_read.filter.return_value.first.return_value = None  # as if the read missed a vote racing this one
    with connection.execute_wrapper(record):
        with pytest.raises(ValidationError) as error:  # refused on reading the participation
            services.vote_cast(actor=scene.colleague, ballot=ballot, choices=[scene.candidates[1].pk])
        assert code_of(error) == "already_voted"
        # Refused by the unique participation, the last guard.
        with (
            mock.patch.object(votes.Participation.objects, "select_related", return_value=refused_read),
            pytest.raises(ValidationError) as error,
        ):
            services.vote_cast(actor=scene.colleague, ballot=ballot, choices=[scene.candidates[1].pk])
        assert code_of(error) == "already_voted"
    failed = [sql for kind, sql in sent if kind == "failed"]
    assert len(failed) == 1 and failed[0].startswith('INSERT INTO "projects_participation"')
    carrying_choices = ("projects_paperchoice", "projects_ballotpaper", "projects_sealedpaper")
    assert not [sql for _kind, sql in sent if any(table in sql and "INSERT" in sql for table in carrying_choices)]
    if log:
        with log.open("rb") as stream:
            stream.seek(log_start)
            written = stream.read().decode(errors="replace")
        ours = [line for line in written.splitlines() if f"@{connection.settings_dict['NAME']} " in line]
        assert any("projects_one_vote_per_elector" in line for line in ours)  # the refusal was logged...
        assert not [line for line in ours if any(table in line for table in carrying_choices)]  # ...with no choice
