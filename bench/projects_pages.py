"""Benchmark the proposal lists and the evaluation matrix with 20,000 proposals against a trivial page.

Run from the project root: ``python bench/projects_pages.py``. It creates the throwaway PostgreSQL
database ``axs_bench_projects`` on ``BENCH_DATABASE_URL`` (default postgres://postgres@127.0.0.1:5432)
and drops it at the end. It seeds one committee whose large call holds the proposals and a call of
200 proposals scored by 5 evaluators, then measures each page with Django's test Client and prints
median and 95th-percentile times, query counts and the ratio to the trivial page. It exits
non-zero when a page's median passes 10 times the trivial page's or its query count varies.
"""

import os
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlparse, urlunparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "axs_platform.settings")

PROPOSALS = int(os.environ.get("BENCH_PROPOSALS", "20000"))
MATRIX_PROPOSALS, EVALUATORS = 200, 5
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "40"))
TARGET_RATIO = 10


def throwaway_database():
    """Create axs_bench_projects and point DATABASE_URL at it; return a function that drops it."""
    import psycopg2

    url = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432")
    parsed = urlparse(url)
    name = "axs_bench_projects"
    connection = psycopg2.connect(urlunparse(parsed._replace(path="/postgres")))
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cursor.execute(f'CREATE DATABASE "{name}"')
    os.environ["DATABASE_URL"] = urlunparse(parsed._replace(path=f"/{name}"))

    def drop():
        from django.db import connections

        connections.close_all()
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.close()

    return drop


def seed():
    """Create organizations, a committee, two calls, the proposals and the evaluations in bulk."""
    import datetime
    import random

    from accounts.models import User
    from committees.models import Committee
    from companies.models import Organization
    from projects.criteria import Criterion
    from projects.models import Call, Evaluation, Proposal, ProposalStatus, Score
    from sdg.models import Goal

    rng = random.Random(2017)
    staff = User.objects.create_user(email="bench@amexcid.example", full_name="Bench", role="staff")
    organizations = Organization.objects.bulk_create(
        Organization(
            legal_name=f"Organización {n:04d}, S.A. de C.V.",
            organization_type="company",
            size="large",
            sector="food",
            rfc=f"ORG{n // 1000 % 100:02d}{n // 100 % 10 + 1:02d}{n % 28 + 1:02d}{n % 1000:03d}",
            participation_status="active",
        )
        for n in range(300)
    )
    committee = Committee.objects.create(name="Producción y consumo", goal=Goal.objects.get(number=12),
                                         decision_mechanism="vote")  # fmt: skip
    today = datetime.date.today()
    big = Call.objects.create(committee=committee, title="Convocatoria grande", opens_on=today, closes_on=today,
                              created_by=staff)  # fmt: skip
    small = Call.objects.create(committee=committee, title="Convocatoria evaluada", opens_on=today, closes_on=today,
                                created_by=staff)  # fmt: skip
    statuses = [s for s in ProposalStatus.values if s != "draft"]
    rows = []
    for number in range(PROPOSALS):
        call = small if number < MATRIX_PROPOSALS else big
        rows.append(
            Proposal(
                call=call,
                committee=committee,
                lead_organization=rng.choice(organizations),
                created_by=staff,
                title=f"Propuesta {number:05d}",
                status="in_review" if call is small else rng.choice(statuses),
                version=1,
            )  # fmt: skip
        )
    Proposal.objects.bulk_create(rows, batch_size=5000)
    evaluators = [
        User.objects.create_user(email=f"evaluador{n}@bench.example", full_name=f"Evaluador {n}", role="evaluator")
        for n in range(EVALUATORS)
    ]
    evaluations = Evaluation.objects.bulk_create(
        Evaluation(
            proposal=proposal,
            evaluator=evaluator,
            assigned_by=staff,
            status="submitted",
            has_conflict=False,
            submitted_at=proposal.created_at,
        )  # fmt: skip
        for proposal in Proposal.objects.filter(call=small)
        for evaluator in evaluators
    )
    Score.objects.bulk_create(
        (
            Score(evaluation=evaluation, criterion=c, score=rng.randint(0, 5))
            for evaluation in evaluations
            for c in Criterion
        ),
        batch_size=10000,
    )
    return staff, committee, big, small


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
    drop = throwaway_database()
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
        staff, committee, big, small = seed()
        print(f"PostgreSQL: seeded {PROPOSALS:,} proposals and a {MATRIX_PROPOSALS}×{EVALUATORS} matrix "
              f"in {time.perf_counter() - started:.1f} s")  # fmt: skip
        anonymous, signed_in = Client(), Client()
        signed_in.force_login(staff)
        deep = big.proposals.count() // 50
        pages = [
            ("trivial page", anonymous, "/salud/trivial/"),
            ("call proposals, page 1", signed_in, f"/convocatorias/{big.pk}/"),
            (f"call proposals, page {deep:,}", signed_in, f"/convocatorias/{big.pk}/?page={deep}"),
            ("committee proposals, page 1", signed_in, f"/propuestas/comite/{committee.pk}/"),
            ("committee, filtered", signed_in, f"/propuestas/comite/{committee.pk}/?status=selected"),
            ("proposals to review", signed_in, "/propuestas/"),
            (f"matrix {MATRIX_PROPOSALS}×{EVALUATORS}", signed_in, f"/convocatorias/{small.pk}/matriz/"),
        ]
        results = [(label, *measure(client, url)) for label, client, url in pages]
        trivial_median = results[0][1]
        print(f"\n{'page':32} {'median ms':>10} {'p95 ms':>10} {'queries':>8} {'× trivial':>10}")
        for label, median, p95, queries in results:
            count = "/".join(str(q) for q in sorted(queries))
            print(f"{label:32} {median:10.2f} {p95:10.2f} {count:>8} {median / trivial_median:10.1f}")
        worst = max(median for _label, median, _p95, _queries in results[1:])
        steady = all(len(queries) == 1 for _label, _m, _p, queries in results[1:])
        print(f"\nWorst median: {worst / trivial_median:.1f}× the trivial page (target ≤ {TARGET_RATIO}×); "
              f"query counts steady: {steady}.")  # fmt: skip
        return 0 if worst <= TARGET_RATIO * trivial_median and steady else 1
    finally:
        drop()


if __name__ == "__main__":
    sys.exit(main())
