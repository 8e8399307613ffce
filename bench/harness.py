"""Shared plumbing of the benchmarks: a throwaway database, page timings, and the printed table.

A benchmark script calls ``setup(name)`` before importing any model: it creates a PostgreSQL
database of its own (SQLite in a temporary file when PostgreSQL cannot be reached), migrates
it, and drops it at exit. Pages are measured with Django's test client, side by side with the
trivial page, so the ratio does not depend on the machine.
"""

import atexit
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
POSTGRES = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432")


def _postgres_reachable():
    try:
        import psycopg2

        psycopg2.connect(f"{POSTGRES}/postgres", connect_timeout=3).close()
        return True
    except Exception:  # noqa: BLE001 (any failure means: use SQLite)
        return False


def _run_on_postgres(sql):
    import psycopg2

    connection = psycopg2.connect(f"{POSTGRES}/postgres")
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute(sql)
    connection.close()


def setup(name, *, broker_url=None):
    """Point Django at a new empty database called ``name``, migrate it, and drop it at exit.

    Tasks run inline unless ``broker_url`` names a broker for a real worker. ``BENCH_DB_PREFIX``
    prefixes the name, so that two people running one benchmark on a shared PostgreSQL do not drop
    each other's database.
    """
    name = os.environ.get("BENCH_DB_PREFIX", "") + name
    os.environ["DJANGO_SETTINGS_MODULE"] = "axs_platform.settings"
    if broker_url:
        os.environ["CELERY_BROKER_URL"] = broker_url
    else:
        os.environ.pop("CELERY_BROKER_URL", None)
    if _postgres_reachable():
        _run_on_postgres(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        _run_on_postgres(f'CREATE DATABASE "{name}"')
        os.environ["DATABASE_URL"] = f"{POSTGRES}/{name}"
        engine = "PostgreSQL"
    else:
        folder = tempfile.mkdtemp(prefix="axs-bench-")
        os.environ["DATABASE_URL"] = f"sqlite:///{folder}/{name}.sqlite3"
        engine = "SQLite (PostgreSQL not reachable)"

    import django
    from django.conf import settings

    django.setup()
    # Measure as production runs: no debug cursor, no template debugging.
    settings.DEBUG = False
    settings.ALLOWED_HOSTS = ["testserver"]
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    from django.core.management import call_command

    call_command("migrate", verbosity=0)

    def drop():
        from django.db import connections

        connections.close_all()
        if engine == "PostgreSQL":
            _run_on_postgres(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    atexit.register(drop)
    print(f"Database: {engine}, {name}")
    return engine


def analyze():
    """Vacuum and refresh the planner's statistics after a bulk load, as autovacuum would (PostgreSQL only).

    The vacuum too: it marks the loaded pages all-visible, without which no index-only scan pays (a
    count of 50,000 organizations read the table, 10 ms, instead of its partial index, 6 ms).
    """
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")


def time_page(client, url, *, runs=30, warmup=3, before_each=None):
    """Return (timings in ms, queries of one request, status, CPU ms of this process) for GETting ``url``.

    ``before_each`` runs, untimed, before every request: e.g. to empty a cache and time the
    page as its first visitor after a change sees it. The CPU time is this process's alone (not
    PostgreSQL's): on a machine shared with other work it moves far less than the wall time.
    """
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    prepare = before_each or (lambda: None)
    for _ in range(warmup):
        prepare()
        client.get(url)
    prepare()
    connection.queries_log.clear()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    queries = len(captured)  # read now: later requests clear the connection's query log
    timings, cpu = [], []
    for _ in range(runs):
        prepare()
        started, started_cpu = time.perf_counter(), time.process_time()
        client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
    return timings, queries, response.status_code, cpu


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def compare_pages(client, pages, *, runs=30):
    """Time each (label, url[, before_each]) beside the trivial page and print the table.

    The reference is the trivial page: the site's layout through the whole middleware stack
    with no data and no query (``/salud/trivial/``). A bare response that skips templates
    (``/salud/``, one ``SELECT 1``) is printed too, for scale.
    """
    ref_timings, ref_queries, _status, ref_cpu = time_page(client, "/salud/trivial/", runs=runs)
    ref_median, ref_cpu_median = statistics.median(ref_timings), statistics.median(ref_cpu)

    def row(label, timings, queries, status, cpu):
        median, cpu_median = statistics.median(timings), statistics.median(cpu)
        return (
            label,
            median,
            percentile(timings, 0.95),
            queries,
            median / ref_median,
            cpu_median,
            cpu_median / ref_cpu_median,
            status,
        )

    rows = [row("trivial page (reference)", ref_timings, ref_queries, 200, ref_cpu)]
    rows.append(row("bare health check", *time_page(client, "/salud/", runs=runs)))
    for label, url, *before_each in pages:
        measured = time_page(client, url, runs=runs, before_each=before_each[0] if before_each else None)
        rows.append(row(label, *measured))
    headers = ["page", "median ms", "p95 ms", "queries", "× trivial", "CPU ms", "CPU × trivial", "status"]
    print_table(headers, rows)
    return rows


def print_table(headers, rows):
    """Print rows as an aligned text table."""
    formatted = [[f"{cell:.2f}" if isinstance(cell, float) else str(cell) for cell in row] for row in rows]
    widths = [max(len(str(header)), *(len(row[i]) for row in formatted)) for i, header in enumerate(headers)]
    line = "  ".join(f"{{:<{widths[0]}}}" if i == 0 else f"{{:>{width}}}" for i, width in enumerate(widths))
    print(line.format(*headers))
    print("  ".join("-" * width for width in widths))
    for row in formatted:
        print(line.format(*row))
