"""Benchmark the directory of member organizations with 50,000 rows against a trivial page.

Run from the project root: ``python bench/companies_directory.py``. With a PostgreSQL
``DATABASE_URL`` it creates a throwaway database next to the one named there and drops it at
the end; otherwise it uses a temporary SQLite file. It prints median and 95th-percentile times,
the queries each page ran and the ratio to the trivial page, and exits non-zero when the
directory's median is more than 10 times the trivial page's or its query count changes.
"""

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

ORGANIZATIONS = int(os.environ.get("BENCH_ORGANIZATIONS", "50000"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "40"))
TARGET_RATIO = 10


def throwaway_database():
    """Point DATABASE_URL at a new database; return a function that removes it."""
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        import psycopg2

        parsed = urlparse(url)
        name = f"axs_bench_companies_{os.getpid()}"
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
    """Create the organizations and their SDG priorities in bulk, as an import of old data would."""
    import random

    from companies.geography import MexicanState
    from companies.models import (
        DueDiligenceState,
        Organization,
        OrganizationSize,
        OrganizationType,
        ParticipationStatus,
        SDGPriority,
        Sector,
    )
    from sdg.models import Goal

    rng = random.Random(2016)
    goals = list(Goal.objects.all())
    statuses = [ParticipationStatus.ACTIVE] * 7 + [
        ParticipationStatus.INVITED,
        ParticipationStatus.SUSPENDED,
        ParticipationStatus.WITHDRAWN,
    ]
    batch = []
    for number in range(ORGANIZATIONS):
        batch.append(
            Organization(
                legal_name=f"Organización {number:05d}, S.A. de C.V.",
                short_name=f"Org {number:05d}",
                organization_type=rng.choice(OrganizationType.values),
                size=rng.choice(OrganizationSize.values),
                sector=rng.choice(Sector.values),
                rfc=f"ORG{number // 10000:02d}{number // 1000 % 10 + 1:02d}{number % 28 + 1:02d}{number % 1000:03d}",
                country="MX",
                state=rng.choice(MexicanState.values),
                participation_status=rng.choice(statuses),
                due_diligence_state=rng.choice(DueDiligenceState.values),
            )
        )
    Organization.objects.bulk_create(batch, batch_size=5000)
    priorities = []
    for organization_id in Organization.objects.values_list("pk", flat=True):
        for rank, goal in enumerate(rng.sample(goals, 3), start=1):
            priorities.append(SDGPriority(organization_id=organization_id, goal=goal, rank=rank))
    SDGPriority.objects.bulk_create(priorities, batch_size=10000)


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
        seed()
        print(f"{engine}: seeded {ORGANIZATIONS:,} organizations in {time.perf_counter() - started:.1f} s")

        from accounts.models import User
        from companies.models import Organization
        from sdg.models import Goal

        staff = User.objects.create_user(email="bench@amexcid.example", full_name="Bench", role="staff")
        goal = Goal.objects.get(number=12).pk
        public = Organization.objects.public().count()
        deep_public = max(1, public // 25 - 1)
        deep_staff = max(1, Organization.objects.not_archived().count() // 25 - 1)
        anonymous, signed_in = Client(), Client()
        signed_in.force_login(staff)
        pages = [
            ("trivial page", anonymous, "/salud/trivial/"),
            ("public directory, page 1", anonymous, "/organizaciones/"),
            ("public, filtered", anonymous, f"/organizaciones/?organization_type=company&size=small&goal={goal}"),
            (f"public, page {deep_public:,}", anonymous, f"/organizaciones/?page={deep_public}"),
            ("staff directory, page 1", signed_in, "/organizaciones/"),
            ("staff, filtered", signed_in, f"/organizaciones/?due_diligence=pending&state=JAL&goal={goal}"),
            (f"staff, page {deep_staff:,}", signed_in, f"/organizaciones/?page={deep_staff}"),
        ]
        results = [(label, *measure(client, url)) for label, client, url in pages]
        trivial_median = results[0][1]
        print(f"\n{'page':32} {'median ms':>10} {'p95 ms':>10} {'queries':>8} {'× trivial':>10}")
        for label, median, p95, queries in results:
            count = "/".join(str(q) for q in sorted(queries))
            print(f"{label:32} {median:10.2f} {p95:10.2f} {count:>8} {median / trivial_median:10.1f}")
        worst = max(median for _label, median, _p95, _queries in results[1:])
        directory_queries = {q for _label, _m, _p, queries in results[1:4] for q in queries}
        staff_queries = {q for _label, _m, _p, queries in results[4:] for q in queries}
        print(
            f"\nWorst directory median: {worst / trivial_median:.1f}× the trivial page (target ≤ {TARGET_RATIO}×); "
            f"queries per page: public {sorted(directory_queries)}, staff {sorted(staff_queries)}."
        )
        return 0 if worst <= TARGET_RATIO * trivial_median and len(directory_queries) == 1 else 1
    finally:
        drop()


if __name__ == "__main__":
    sys.exit(main())
