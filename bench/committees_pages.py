"""Benchmark a committee page (500 member organizations, 200 sessions) and the cross-committee
agreements list (10,000 agreements) beside the trivial page measured in the same run.

Run from the project root: ``.venv/bin/python bench/committees_pages.py`` (PostgreSQL when
reachable, else SQLite; see bench/harness.py). It prints median and p95 times, the queries each page
ran and the ratio to the trivial page, for warm caches and for a first visitor after a change.
"""

import datetime
import os
import time

import harness

MEMBERS = int(os.environ.get("BENCH_MEMBERS", "500"))
SESSIONS = int(os.environ.get("BENCH_SESSIONS", "200"))
AGREEMENTS = int(os.environ.get("BENCH_AGREEMENTS", "10000"))
RUNS = int(os.environ.get("BENCH_RUNS", "30"))


def seed():
    """Create a large committee and a small one, their members, sessions and agreements, in bulk."""
    from django.utils import timezone

    from accounts.models import User
    from committees.models import Agreement, Committee, Membership, Minutes, Post, Session
    from companies.models import Organization, Representative
    from sdg.models import Goal

    organizations = Organization.objects.bulk_create(
        [
            Organization(
                legal_name=f"Organización {number:04d}, S.A. de C.V.",
                short_name=f"Org {number:04d}",
                organization_type="company",
                size="large",
                sector="manufacturing",
                country="US",
                participation_status="active",
            )
            for number in range(MEMBERS)
        ],
        batch_size=1000,
    )
    large = Committee.objects.create(name="Comité grande", goal=Goal.objects.get(number=12), decision_mechanism="vote")
    small = Committee.objects.create(name="Comité chico", goal=Goal.objects.get(number=4), decision_mechanism="vote")
    joined = datetime.date(2016, 11, 1)
    Membership.objects.bulk_create(
        [Membership(committee=large, organization=o, status="active", source="invitation", joined_on=joined)
         for o in organizations]
        + [Membership(committee=small, organization=o, status="active", source="invitation", joined_on=joined)
           for o in organizations[:5]]
    )  # fmt: skip
    people = []
    for index, organization in enumerate(organizations[:2]):
        person = User.objects.create_user(email=f"persona{index}@bench.example", full_name=f"Persona {index}")
        Representative.objects.create(organization=organization, user=person)
        for committee in (large, small):
            Post.objects.create(
                committee=committee, kind=("chair", "secretary")[index], holder=person,
                organization=organization, started_on=joined,
            )  # fmt: skip
        people.append(person)
    now = timezone.now()
    sessions = []
    for committee, count in ((large, SESSIONS), (small, 2)):
        for number in range(count):
            starts_at = now + datetime.timedelta(days=7 * (number - count // 2))
            sessions.append(
                Session(
                    committee=committee, kind="committee", title=f"Sesión {number}", starts_at=starts_at,
                    ends_at=starts_at + datetime.timedelta(hours=2), place="AMEXCID",
                )
            )  # fmt: skip
    sessions = Session.objects.bulk_create(sessions, batch_size=1000)
    Minutes.objects.bulk_create(
        [Minutes(session=s, version=1, body="Minuta", status="approved", drafted_by=people[1], approved_by=people[0],
                 approved_at=now) for s in sessions if s.starts_at < now]
    )  # fmt: skip
    large_sessions = [s for s in sessions if s.committee_id == large.pk]
    Agreement.objects.bulk_create(
        [
            Agreement(
                session=large_sessions[number % len(large_sessions)], committee=large,
                description=f"Acuerdo {number}", responsible_organization=organizations[number % MEMBERS],
                responsible_person=people[number % 2], due_on=now.date() + datetime.timedelta(days=number % 90 - 45),
                status=("pending", "in_progress", "done")[number % 3], created_by=people[1],
            )
            for number in range(AGREEMENTS)
        ],
        batch_size=2000,
    )  # fmt: skip
    return large, small, people


def main():
    harness.setup("axs_bench_committees")
    from django.test import Client

    from accounts.models import User
    from axs_platform import fragments

    def bump_committees_cache():
        fragments.changed(fragments.COMMITTEES)

    started = time.perf_counter()
    large, small, people = seed()
    # Give the planner the statistics autovacuum would gather after a bulk load like this one.
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    print(
        f"Seeded {MEMBERS:,} member organizations, {SESSIONS:,} sessions and {AGREEMENTS:,} agreements "
        f"in {time.perf_counter() - started:.1f} s"
    )
    staff = User.objects.create_user(email="bench@amexcid.example", full_name="Bench", role="staff")
    pages = {
        "anonymous": [("large committee, public", f"/comites/{large.pk}/")],
        "member (chair)": [
            ("small committee, member", f"/comites/{small.pk}/"),
            ("large committee, member", f"/comites/{large.pk}/"),
            ("large committee, page 10", f"/comites/{large.pk}/?page=10"),
            ("committee agreements", f"/comites/{large.pk}/acuerdos/"),
        ],
        "staff": [
            ("large committee, staff", f"/comites/{large.pk}/"),
            ("agreements, page 1", "/acuerdos/"),
            ("agreements, overdue", "/acuerdos/?overdue=on&status=open"),
            ("agreements, page 150", "/acuerdos/?page=150"),
        ],
    }
    who = {"anonymous": None, "member (chair)": people[0], "staff": staff}
    for audience, rows in pages.items():
        print(f"\n{audience}")
        client = Client()
        if who[audience] is not None:
            client.force_login(who[audience])
        cold = [(f"{label}, cold (after a change)", url, bump_committees_cache) for label, url in rows]
        harness.compare_pages(client, rows + cold, runs=RUNS)


if __name__ == "__main__":
    main()
