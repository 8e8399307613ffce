"""Benchmark the staff's proposal management list at 20,000 proposals, cold, beside the trivial page.

Seeds what ``projects_pages.py`` seeds (20,000 proposals over 300 organizations, a 200 × 5 matrix)
plus an SDG alignment for every proposal and an assigned evaluator for one in ten, then times the
list with its seven filters' counts: unfiltered, filtered by status and SDG, by the query line, sorted
by score, and a deep page. Every request follows a change of the proposals (the lists' cache
versions are bumped before it), as the first visitor after a change sees it. Target: at most 4× the
trivial page. Run from the project root: ``.venv/bin/python bench/proposals_manage.py``.
"""

import os
import random
import time

import harness
import projects_pages

RUNS = int(os.environ.get("BENCH_RUNS", "20"))


def seed_more(staff):
    """Align every proposal with one SDG target and assign one proposal in ten to an evaluator."""
    from projects.models import AlignedTarget, Evaluation, Proposal
    from sdg.models import Target

    rng = random.Random(2018)
    targets = list(Target.objects.filter(goal__number__in=[4, 7, 10, 11, 12]).values_list("pk", flat=True))
    ids = list(Proposal.objects.values_list("pk", flat=True))
    AlignedTarget.objects.bulk_create(
        (AlignedTarget(proposal_id=pk, target_id=rng.choice(targets)) for pk in ids), batch_size=5000
    )
    from accounts.models import User

    evaluators = list(User.objects.filter(role="evaluator"))
    busy = set(Evaluation.objects.values_list("proposal_id", flat=True))
    Evaluation.objects.bulk_create(
        (
            Evaluation(proposal_id=pk, evaluator=rng.choice(evaluators), assigned_by=staff)
            for pk in ids[::10]
            if pk not in busy
        ),
        batch_size=5000,
    )


def main():
    harness.setup("axs_bench_proposals_manage")
    from django.test import Client

    from axs_platform import fragments

    started = time.perf_counter()
    staff, committee, big, small = projects_pages.seed()
    seed_more(staff)
    harness.analyze()
    print(f"Seeded {projects_pages.PROPOSALS:,} proposals in {time.perf_counter() - started:.1f} s")

    def after_a_change():
        fragments.changed(fragments.PROPOSALS)

    client = Client()
    client.force_login(staff)
    evaluator = staff.__class__.objects.filter(role="evaluator").first()
    base = "/propuestas/gestion/"
    pages = [
        ("manage, page 1", base),
        ("manage, status + SDG", f"{base}?estado=submitted&estado=in_review&ods=12"),
        ("manage, query line", f"{base}?q=estado%3Aenviada+ods%3A7+evaluador%3A{evaluator.pk}"),
        ("manage, by score", f"{base}?orden=puntaje"),
        ("manage, by title, page 200", f"{base}?orden=titulo&page=200"),
    ]
    harness.compare_pages(client, [(f"{label}, cold", url, after_a_change) for label, url in pages], runs=RUNS)


if __name__ == "__main__":
    main()
