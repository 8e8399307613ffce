"""Benchmark: the directory of member organizations with 50,000 rows, beside the trivial page.

Run: .venv/bin/python bench/companies_directory.py (PostgreSQL when reachable, else SQLite).
Prints median and p95 times, the queries each page ran and the ratio to the trivial page.
"""

import os
import time

import harness  # noqa: F401

ORGANIZATIONS = int(os.environ.get("BENCH_ORGANIZATIONS", "50000"))


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


def main():
    harness.setup("axs_bench_companies")
    from django.test import Client

    from accounts.models import User
    from axs_platform import fragments
    from companies.models import Organization

    def bump_directory_cache():
        fragments.changed(fragments.DIRECTORY)

    from sdg.models import Goal

    started = time.perf_counter()
    seed()
    harness.analyze()
    print(f"Seeded {ORGANIZATIONS:,} organizations in {time.perf_counter() - started:.1f} s")
    staff = User.objects.create_user(email="bench@amexcid.example", full_name="Bench", role="staff")
    goal = Goal.objects.get(number=12).pk
    deep_public = max(1, Organization.objects.public().count() // 25 - 1)
    deep_staff = max(1, Organization.objects.not_archived().count() // 25 - 1)
    client = Client()
    harness.compare_pages(
        client,
        [
            ("public directory, page 1", "/organizaciones/"),
            ("public, filtered", f"/organizaciones/?organization_type=company&size=small&goal={goal}"),
            (f"public, page {deep_public:,}", f"/organizaciones/?page={deep_public}"),
            ("public, page 1, cold (after a change)", "/organizaciones/", bump_directory_cache),
            ("public, filtered, cold", f"/organizaciones/?organization_type=company&goal={goal}", bump_directory_cache),
        ],
    )
    client.force_login(staff)
    harness.compare_pages(
        client,
        [
            ("staff directory, page 1", "/organizaciones/"),
            ("staff, filtered", f"/organizaciones/?due_diligence=pending&state=JAL&goal={goal}"),
            (f"staff, page {deep_staff:,}", f"/organizaciones/?page={deep_staff}"),
            ("staff, page 1, cold (after a change)", "/organizaciones/", bump_directory_cache),
        ],
    )


if __name__ == "__main__":
    main()
