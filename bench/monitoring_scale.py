"""Benchmark monitoring at issue 18's scale: 1,000 projects × 20 indicators × 32 periods (640,000 values).

Run from the project root: ``.venv/bin/python bench/monitoring_scale.py`` (PostgreSQL when reachable,
else SQLite; a throwaway database, see bench/harness.py). ``BENCH_PROJECTS``, ``BENCH_INDICATORS``,
``BENCH_PERIODS`` and ``BENCH_RUNS`` change the scale. It prints, beside the trivial page of the same
run, the alliance dashboard, a committee dashboard (a tenth of the projects), a project page and the
monitoring page (staff: every project and every report waiting, paged),
warm and cold (the cache cleared before each request), with their query counts.
"""

import os
import time

import harness

PROJECTS = int(os.environ.get("BENCH_PROJECTS", "1000"))
INDICATORS = int(os.environ.get("BENCH_INDICATORS", "20"))
PERIODS = int(os.environ.get("BENCH_PERIODS", "32"))
RUNS = int(os.environ.get("BENCH_RUNS", "10"))


def main():
    harness.setup("axs_bench_monitoring")
    from django.core.cache import cache
    from django.test import Client
    from monitoring_seed import seed

    from monitoring.models import ReportValue

    started = time.perf_counter()
    scene = seed(PROJECTS, INDICATORS, PERIODS)
    harness.analyze()
    print(
        f"Seeded {PROJECTS:,} projects × {INDICATORS} indicators × {PERIODS} periods "
        f"({ReportValue.objects.count():,} values) in {time.perf_counter() - started:.1f} s"
    )
    client = Client()
    client.force_login(scene.staff)
    pages = [
        ("alliance dashboard", "/seguimiento/tablero/"),
        ("committee dashboard", f"/seguimiento/tablero/comite/{scene.committees[0].pk}/"),
        ("project page", f"/seguimiento/{scene.implementations[0].pk}/"),
        ("monitoring page (staff: every project, paged)", "/seguimiento/"),
    ]
    cold = [(f"{label}, cold (cache cleared)", url, cache.clear) for label, url in pages]
    harness.compare_pages(client, [(f"{label}, warm", url) for label, url in pages] + cold, runs=RUNS)


if __name__ == "__main__":
    main()
