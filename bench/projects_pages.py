"""Benchmark the proposal lists (20,000 proposals) and the evaluation matrix of a call with
200 proposals × 5 evaluators, beside the trivial page measured in the same run.

Run from the project root: ``.venv/bin/python bench/projects_pages.py`` (PostgreSQL when reachable,
else SQLite; see bench/harness.py). It prints median and p95 times, the queries each page ran and
the ratio to the trivial page.
"""

import os
import time

import harness

PROPOSALS = int(os.environ.get("BENCH_PROPOSALS", "20000"))
MATRIX_PROPOSALS, EVALUATORS = 200, 5
RUNS = int(os.environ.get("BENCH_RUNS", "30"))


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


def main():
    harness.setup("axs_bench_projects")
    from django.test import Client

    started = time.perf_counter()
    staff, committee, big, small = seed()
    # Give the planner the statistics autovacuum would gather after a bulk load like this one.
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    print(
        f"Seeded {PROPOSALS:,} proposals and a {MATRIX_PROPOSALS}×{EVALUATORS} matrix "
        f"in {time.perf_counter() - started:.1f} s"
    )
    from axs_platform import fragments

    def bump_lists_cache():
        fragments.changed(fragments.PROPOSALS)

    deep = big.proposals.count() // 50
    client = Client()
    client.force_login(staff)
    pages = [
        ("call proposals, page 1", f"/convocatorias/{big.pk}/"),
        (f"call proposals, page {deep:,}", f"/convocatorias/{big.pk}/?page={deep}"),
        ("committee proposals, page 1", f"/propuestas/comite/{committee.pk}/"),
        ("committee, filtered", f"/propuestas/comite/{committee.pk}/?status=selected"),
        ("proposals to review", "/propuestas/"),
        (f"matrix {MATRIX_PROPOSALS}×{EVALUATORS}", f"/convocatorias/{small.pk}/matriz/"),
    ]
    # Warm: the bodies come from the cache. Cold: every request follows a change (the versions are
    # bumped before it), as the first visitor after a change sees the page.
    cold = [(f"{label}, cold (after a change)", url, bump_lists_cache) for label, url in pages]
    harness.compare_pages(client, pages + cold, runs=RUNS)


if __name__ == "__main__":
    main()
