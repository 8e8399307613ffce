"""Benchmark a committee page (500 member organizations, 200 sessions) and the cross-committee
agreements list (10,000 agreements) against a trivial page measured in the same run.

Run from the project root: ``python bench/committees_pages.py``. With a PostgreSQL ``DATABASE_URL``
(e.g. ``postgres://postgres@127.0.0.1:5432/postgres``) it creates the throwaway database
``axs_bench_committees`` and drops it at the end; otherwise it uses a temporary SQLite file. It prints
median and 95th-percentile times, the queries each page ran and the ratio to the trivial page, and
exits non-zero when a page's median is more than 10 times the trivial page's, or when a page's
query count differs between the small committee and the large one.
"""

import datetime
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlparse, urlunparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "axs_platform.settings")

MEMBERS = int(os.environ.get("BENCH_MEMBERS", "500"))
SESSIONS = int(os.environ.get("BENCH_SESSIONS", "200"))
AGREEMENTS = int(os.environ.get("BENCH_AGREEMENTS", "10000"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "40"))
TARGET_RATIO = 10


def throwaway_database():
    """Point DATABASE_URL at a new database; return a function that removes it."""
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        import psycopg2

        parsed = urlparse(url)
        name = "axs_bench_committees"
        admin_url = urlunparse(parsed._replace(path="/postgres"))
        connection = psycopg2.connect(admin_url)
        connection.autocommit = True
        with connection.cursor() as cursor:
            cursor.execute(f'CREATE DATABASE "{name}"')
        os.environ["DATABASE_URL"] = urlunparse(parsed._replace(path=f"/{name}"))

        def drop():
            from django.db import connections

            connections.close_all()
            with connection.cursor() as cursor:
                cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
            connection.close()

        return "PostgreSQL", drop
    handle, path = tempfile.mkstemp(suffix=".sqlite3", prefix="axs-bench-")
    os.close(handle)
    os.environ["DATABASE_URL"] = f"sqlite:///{path}"
    return "SQLite", lambda: os.unlink(path)


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


def measure(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(3):
        client.get(url)
    timings, queries = [], set()
    for _ in range(ROUNDS):
        with CaptureQueriesContext(connection) as captured:
            start = time.perf_counter()
            response = client.get(url)
            elapsed = (time.perf_counter() - start) * 1000
        assert response.status_code == 200, (url, response.status_code)
        timings.append(elapsed)
        queries.add(len(captured))
    timings.sort()
    p95 = timings[min(len(timings) - 1, int(round(0.95 * len(timings))) - 1)]
    return statistics.median(timings), p95, queries


def main():
    engine, drop = throwaway_database()
    try:
        import django

        django.setup()
        from django.conf import settings
        from django.core.management import call_command
        from django.test import Client
        from django.test.utils import setup_test_environment

        setup_test_environment()
        settings.DEBUG = False
        call_command("migrate", verbosity=0)
        started = time.perf_counter()
        large, small, people = seed()
        print(
            f"{engine}: seeded {MEMBERS:,} member organizations, {SESSIONS:,} sessions and {AGREEMENTS:,} "
            f"agreements in {time.perf_counter() - started:.1f} s"
        )

        from accounts.models import User

        staff = User.objects.create_user(email="bench@amexcid.example", full_name="Bench", role="staff")
        anonymous, member, signed_in = Client(), Client(), Client()
        member.force_login(people[0])
        signed_in.force_login(staff)
        pages = [
            ("trivial page", anonymous, "/salud/trivial/"),
            ("small committee, member", member, f"/comites/{small.pk}/"),
            ("large committee, member", member, f"/comites/{large.pk}/"),
            ("large committee, public", anonymous, f"/comites/{large.pk}/"),
            ("large committee, page 10", member, f"/comites/{large.pk}/?page=10"),
            ("agreements, staff, page 1", signed_in, "/acuerdos/"),
            ("agreements, overdue", signed_in, "/acuerdos/?overdue=on&status=open"),
            ("agreements, page 150", signed_in, "/acuerdos/?page=150"),
            ("committee agreements", member, f"/comites/{large.pk}/acuerdos/"),
        ]
        results = [(label, *measure(client, url)) for label, client, url in pages]
        trivial_median = results[0][1]
        print(f"\n{'page':30} {'median ms':>10} {'p95 ms':>10} {'queries':>8} {'× trivial':>10}")
        for label, median, p95, queries in results:
            count = "/".join(str(q) for q in sorted(queries))
            print(f"{label:30} {median:10.2f} {p95:10.2f} {count:>8} {median / trivial_median:10.1f}")
        worst = max(median for _label, median, _p95, _queries in results[1:])
        same_queries = results[1][3] == results[2][3]
        print(
            f"\nWorst median: {worst / trivial_median:.1f}× the trivial page (target ≤ {TARGET_RATIO}×); "
            f"committee page queries, small vs large: {sorted(results[1][3])} vs {sorted(results[2][3])}."
        )
        return 0 if worst <= TARGET_RATIO * trivial_median and same_queries else 1
    finally:
        drop()


if __name__ == "__main__":
    sys.exit(main())
