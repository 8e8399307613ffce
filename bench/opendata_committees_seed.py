"""Seed the open data's committees, sessions, ballots and surveys at 100× the demo (``opendata_downloads.py``).

The demo has 5 committees, 81 membership periods, 96 sessions (10 public), 5 published agreements,
one closed named ballot of 3 candidates and 10 named votes, and 2 closed surveys; at scale 100:
500 committees, 8,100 membership periods (5% suspended, 10% ended), 9,600 sessions (960 public,
each with approved minutes), 500 agreements, 100 closed named ballots (300 result rows, 1,000 named
votes) and 200 closed surveys built through the survey services (24 result rows each). Rows are
written in bulk, as ``bench/scale_seed.py`` does; ballots are counted by ``projects.tally`` as
``ballot_close`` counts them.
"""

import datetime

import scale_seed

BATCH = scale_seed.BATCH


def seed(scale=100):
    """Write the rows; return what was written."""
    from django.utils import timezone

    scene = scale_seed.scene()
    organizations = scale_seed._organizations(scene, 0, 57 * scale)
    committees = _committees(scene, 5 * scale)
    _memberships(committees, organizations, 81 * scale)
    sessions = _sessions(scene, committees, 96 * scale, public_every=10)
    _agreements(scene, sessions, organizations, 5 * scale)
    proposals = scale_seed._proposals(scene, organizations, 3 * scale)
    _ballots(scene, proposals, organizations, scale)
    _surveys(scene, 2 * scale, closed_at=timezone.now() - datetime.timedelta(days=1))
    from committees.models import Agreement, Membership, Session
    from projects.models import Ballot, PaperChoice
    from surveys.models import Survey

    return {
        "committees": len(committees),
        "memberships": Membership.objects.count(),
        "sessions": Session.objects.count(),
        "public sessions": Session.objects.filter(is_public=True).count(),
        "agreements": Agreement.objects.count(),
        "closed ballots": Ballot.objects.filter(status="closed").count(),
        "named votes": PaperChoice.objects.count(),
        "surveys": Survey.objects.count(),
    }


def _committees(scene, count):
    from committees.models import Committee
    from sdg.models import Goal

    goals = list(Goal.objects.order_by("number"))
    made = Committee.objects.bulk_create(
        Committee(name=f"Comité {n:04d}", goal=goals[n % len(goals)], decision_mechanism="vote", description="Comité")
        for n in range(count - 1)
    )
    return [scene.committee, *made]


def _memberships(committees, organizations, count):
    from committees.models import Membership

    def period(n):
        committee = committees[n % len(committees)]
        organization = organizations[n // len(committees) % len(organizations)]
        joined = datetime.date(2016, 11, 1) + datetime.timedelta(days=n % 700)
        status = "left" if n % 10 == 3 else ("suspended" if n % 20 == 7 else "active")
        ended = joined + datetime.timedelta(days=400) if status == "left" else None
        return Membership(
            committee=committee,
            organization=organization,
            status=status,
            source="invitation",
            joined_on=joined,
            ended_on=ended,
        )

    Membership.objects.bulk_create((period(n) for n in range(count)), batch_size=BATCH)


def _sessions(scene, committees, count, *, public_every):
    """Past sessions, every ``public_every``-th public with approved minutes; return the public ones."""
    from django.utils import timezone

    from committees.models import Minutes, Session

    now = timezone.now()
    sessions = Session.objects.bulk_create(
        (
            Session(
                committee=committees[n % len(committees)],
                kind="committee",
                title=f"Sesión {n:05d}",
                starts_at=now - datetime.timedelta(days=n % 3000 + 10, hours=2),
                ends_at=now - datetime.timedelta(days=n % 3000 + 10),
                place="AMEXCID",
                status="held",
                is_public=n % public_every == 0,
                created_by=scene.staff,
            )
            for n in range(count)
        ),
        batch_size=BATCH,
    )
    public = [session for session in sessions if session.is_public]
    Minutes.objects.bulk_create(
        (
            Minutes(
                session=session,
                version=1,
                body="Minuta.",
                status="approved",
                drafted_by=scene.staff,
                approved_by=scene.staff,
                approved_at=session.ends_at + datetime.timedelta(days=1),
            )
            for session in public
        ),
        batch_size=BATCH,
    )
    return public


def _agreements(scene, sessions, organizations, count):
    from committees.models import Agreement

    Agreement.objects.bulk_create(
        (
            Agreement(
                session=session,
                committee=session.committee,
                description=f"Acuerdo {n:04d}",
                responsible_organization=organizations[n % len(organizations)],
                due_on=session.ends_at.date(),
                status="pending",
                created_by=scene.staff,
                created_at=session.ends_at,
            )
            for n, session in zip(range(count), sessions * (count // len(sessions) + 1), strict=False)
        ),
        batch_size=BATCH,
    )


def _ballots(scene, proposals, organizations, count, *, candidates=3, voters=10):
    """Closed named ballots of ``candidates`` published proposals, each voted by ``voters`` organizations."""
    from django.utils import timezone

    from projects import tally
    from projects.models import Ballot, BallotCandidate, BallotPaper, Elector, PaperChoice, Proposal, SelectionRound

    Proposal.objects.filter(pk__in=[p.pk for p in proposals]).update(status="structured", published_at=timezone.now())
    closed = timezone.now() - datetime.timedelta(days=30)
    rounds = SelectionRound.objects.bulk_create(
        SelectionRound(
            committee=scene.committee,
            title=f"Selección {n:03d}",
            method="vote",
            seats=1,
            opened_by=scene.staff,
            opened_at=closed - datetime.timedelta(days=7),
            status="closed",
            closed_by=scene.staff,
            closed_at=closed,
        )
        for n in range(count)
    )
    ballots = Ballot.objects.bulk_create(
        Ballot(
            round=selection_round,
            title=f"Votación {n:03d}",
            electorate="organizations",
            question="approval",
            max_choices=1,
            seats=1,
            majority="plurality",
            quorum_percent=50,
            opens_at=closed - datetime.timedelta(days=7),
            closes_at=closed,
            status="open",
            opened_at=closed - datetime.timedelta(days=7),
            created_by=scene.staff,
        )
        for n, selection_round in enumerate(rounds)
    )
    for n, ballot in enumerate(ballots):
        chosen = proposals[n * candidates : (n + 1) * candidates]
        ballot_candidates = BallotCandidate.objects.bulk_create(
            BallotCandidate(ballot=ballot, proposal=proposal, position=i) for i, proposal in enumerate(chosen, 1)
        )
        electors = Elector.objects.bulk_create(
            Elector(ballot=ballot, organization=organizations[(n * voters + i) % len(organizations)])
            for i in range(voters)
        )
        papers = BallotPaper.objects.bulk_create(
            BallotPaper(ballot=ballot, receipt_hash=f"{n:032d}{i:032d}", elector=elector)
            for i, elector in enumerate(electors)
        )
        PaperChoice.objects.bulk_create(
            PaperChoice(paper=paper, candidate=ballot_candidates[i % candidates], answer="approve")
            for i, paper in enumerate(papers)
        )
        ballot.status, ballot.closed_at, ballot.closed_by = "closed", closed, scene.staff
        ballot.result = tally.tally(ballot)
        ballot.save(update_fields=["status", "closed_at", "closed_by", "result"])


def _surveys(scene, count, *, closed_at):
    """Surveys built and published through the services, then past their closing date."""
    from surveys_results import build_survey

    from surveys.models import Survey

    made = [build_survey(scene.staff, f"Encuesta {n:03d}")[0].pk for n in range(count)]
    Survey.objects.filter(pk__in=made).update(opens_at=closed_at - datetime.timedelta(days=10), closes_at=closed_at)
