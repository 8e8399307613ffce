"""Every open-data download at the issue's sizes, against PostgreSQL's COPY of the same rows (issue #19).

Run from the project root::

    .venv/bin/python bench/opendata_downloads.py

It creates the throwaway PostgreSQL database ``axs_opendata_bench`` (``bench/harness.py``) and seeds,
with ``bench/scale_seed.py``'s helpers, 50,000 organizations and 20,000 proposals (6,000 of them
published, with their results matrices) spread over 300 calls opened over ten years, each proposal
aligned with one to three SDG targets and one or two of their indicators, then 4,000 projects in
implementation with 20 indicators and 8 approved quarterly reports each: 640,000 approved progress
values. For every dataset and format it downloads the whole file through the URL (Django's test
client, the response read to the end) and prints its time, the growth of the process's resident
memory while it ran (sampled every 5 ms from ``/proc/self/statm``), and the time of
``COPY (<the dataset's query>) TO STDOUT`` of the same rows: the dataset's queryset, or for a dataset
whose rows are computed the queryset of its rows that ``bench/opendata_references.py`` writes (the
COPYed row count is printed beside the file's).
Targets of the issue: memory growth under 100 MB, time at most 3× COPY.

``--data committees`` seeds instead the committees, memberships, sessions, agreements, ballots and
surveys at 100× the demo (``bench/opendata_committees_seed.py``). The trivial page's time is printed
too: what any request costs, files served or not, which a COPY of a few hundred rows does not reach.
"""

import argparse
import contextlib
import csv
import datetime
import io
import itertools
import os
import subprocess
import sys
import threading
import time
from decimal import Decimal

import harness
import opendata_references

PAGE = os.sysconf("SC_PAGE_SIZE")
IMPLEMENTATIONS, INDICATORS, PERIODS = 4000, 20, 8
CALLS, CALL_YEARS = 300, range(2017, 2027)  # 30 calls a year over ten years, about 67 proposals each


def _rss():
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * PAGE


class PeakMemory:
    """Sample the resident set size in a thread; ``growth`` is the peak over the size at the start."""

    def __enter__(self):
        self.start = self.peak = _rss()
        self.running = True
        self.thread = threading.Thread(target=self._sample, daemon=True)
        self.thread.start()
        return self

    def _sample(self):
        while self.running:
            self.peak = max(self.peak, _rss())
            time.sleep(0.005)

    def __exit__(self, *exc):
        self.running = False
        self.thread.join()
        self.peak = max(self.peak, _rss())
        self.growth = self.peak - self.start


def seed():
    import scale_seed
    from django.utils import timezone

    from monitoring.models import Implementation, Indicator, Period, Report, ReportValue
    from projects.models import AlignedTarget, Call, Proposal

    scene = scale_seed.scene()
    organizations = scale_seed._organizations(scene, 0, 50_000)
    proposals = scale_seed._proposals(scene, organizations, 20_000)
    scale_seed._structured(scene, proposals[4_000:10_000])
    _calls(scene, proposals)
    _alignment(proposals)
    from accounts.models import User

    approver = User.objects.create_user(email="aprobador@bench.example", full_name="Aprobadora", role="staff")
    published = list(Proposal.objects.published().order_by("pk").values_list("pk", flat=True)[:IMPLEMENTATIONS])
    Proposal.objects.filter(pk__in=published).update(status="in_implementation")
    start = datetime.date(2018, 1, 1)
    implementations = Implementation.objects.bulk_create(
        Implementation(
            proposal_id=pk,
            starts_on=start,
            ends_on=datetime.date(2019, 12, 31),
            frequency="quarterly",
            created_by=scene.staff,
        )  # fmt: skip
        for pk in published
    )
    periods = Period.objects.bulk_create(
        (
            Period(
                implementation=implementation,
                number=n + 1,
                starts_on=start + datetime.timedelta(days=91 * n),
                ends_on=start + datetime.timedelta(days=91 * n + 90),
                due_on=start + datetime.timedelta(days=91 * n + 120),
            )  # fmt: skip
            for implementation in implementations
            for n in range(PERIODS)
        ),
        batch_size=scale_seed.BATCH,
    )
    indicators = Indicator.objects.bulk_create(
        (
            Indicator(
                implementation=implementation,
                position=n + 1,
                name=f"Indicador {n + 1}",
                value_type="number",
                unit="personas",
                baseline=Decimal(0),
                target=Decimal(800),
                means_of_verification="Registros",
            )  # fmt: skip
            for implementation in implementations
            for n in range(INDICATORS)
        ),
        batch_size=scale_seed.BATCH,
    )
    when = timezone.make_aware(datetime.datetime(2019, 1, 21, 12))
    reports = Report.objects.bulk_create(
        (
            Report(
                period=period,
                version=1,
                status="approved",
                achievements="Avance",
                created_by=scene.representative,
                submitted_by=scene.representative,
                submitted_at=when,
                decided_by=approver,
                decided_at=when,
            )  # fmt: skip
            for period in periods
        ),
        batch_size=scale_seed.BATCH,
    )
    by_implementation = {}
    for indicator in indicators:
        by_implementation.setdefault(indicator.implementation_id, []).append(indicator.pk)
    values = (
        ReportValue(report=report, indicator_id=indicator_id, number=Decimal(10 + (report.pk + indicator_id) % 90))
        for report, period in zip(reports, periods, strict=True)
        for indicator_id in by_implementation[period.implementation_id]
    )
    # bulk_create makes a list of what it is given: hand it 20,000 values at a time, not 640,000.
    while batch := list(itertools.islice(values, 20_000)):
        ReportValue.objects.bulk_create(batch, batch_size=scale_seed.BATCH)
    harness.analyze()
    return {
        "organizations": len(organizations),
        "proposals": len(proposals),
        "published": Proposal.objects.published().count(),
        "progress values": ReportValue.objects.count(),
        "calls": Call.objects.count(),
        "SDG alignments": AlignedTarget.objects.count(),
    }


def _calls(scene, proposals):
    """Spread the proposals over ``CALLS`` calls opened over ten years (the scene's two among them)."""
    from scale_seed import BATCH

    from projects.models import Call, Proposal

    per_year = CALLS // len(CALL_YEARS)
    openings = [datetime.date(year, 1 + n * 12 // per_year, 1) for year in CALL_YEARS for n in range(per_year)]
    calls = (
        [scene.matrix_call, scene.call]
        + Call.objects.bulk_create(
            (
                Call(
                    committee=scene.committee,
                    title=f"Convocatoria {opens_on:%Y-%m} ({n}) · Producción y consumo responsables",
                    guidance="Propuestas de proyecto que cumplan los siete criterios de la AxS: economía circular "
                    "con PyMES proveedoras, en México, Centroamérica y el Caribe.",
                    opens_on=opens_on,
                    closes_on=opens_on + datetime.timedelta(days=27),
                    created_by=scene.staff,
                )  # fmt: skip
                for n, opens_on in enumerate(openings[: CALLS - 2])
            ),
            batch_size=BATCH,
        )
    )
    size = -(-len(proposals) // len(calls))
    for n, call in enumerate(calls):
        Proposal.objects.filter(pk__in=[p.pk for p in proposals[n * size : (n + 1) * size]]).update(call=call)


def _alignment(proposals):
    """Align every proposal with one to three SDG targets, each with one or two of its indicators."""
    from scale_seed import BATCH

    from projects.models import AlignedTarget
    from sdg.models import Target

    targets = [t for t in Target.objects.prefetch_related("indicators").order_by("pk") if t.indicators.all()]
    aligned = AlignedTarget.objects.bulk_create(
        (
            AlignedTarget(proposal=p, target=targets[(n * 7 + k * 13) % len(targets)])
            for n, p in enumerate(proposals)
            for k in range(n % 3 + 1)
        ),
        batch_size=BATCH,
    )
    AlignedTarget.indicators.through.objects.bulk_create(
        (
            AlignedTarget.indicators.through(alignedtarget_id=a.pk, indicator_id=i.pk)
            for n, a in enumerate(aligned)
            for i in list(a.target.indicators.all())[: n % 2 + 1]
        ),
        batch_size=BATCH,
    )


def copy_seconds(dataset):
    """Time PostgreSQL's COPY of the dataset's rows (``opendata_references``); return seconds, bytes and rows."""
    from django.db import connection

    queryset = opendata_references.reference(dataset)
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        literal = cursor.cursor.mogrify(sql, params).decode()
        sink = io.StringIO()
        started = time.perf_counter()
        cursor.cursor.copy_expert(f"COPY ({literal}) TO STDOUT WITH CSV HEADER", sink)
        elapsed = time.perf_counter() - started
    return elapsed, sink.tell(), sum(1 for _ in csv.reader(io.StringIO(sink.getvalue()))) - 1  # less the header


def download(client, dataset, file_format, *, memory=True):
    """Download through the URL; return wall seconds, CPU seconds, memory growth, bytes and whether it streamed.

    ``memory=False`` times it without the sampling thread, which costs a small file's download about as
    much as the download itself (growth then 0).
    """
    from django.http import FileResponse
    from django.urls import reverse

    url = reverse("opendata:download", kwargs={"slug": dataset.slug, "file_format": file_format})
    sampler = PeakMemory() if memory else contextlib.nullcontext()
    with sampler:
        started, started_cpu = time.perf_counter(), time.process_time()
        response = client.get(url)
        if response.status_code == 406:  # Excel over the limit, not built ahead yet: refused with a page
            return None
        size = sum(len(chunk) for chunk in response.streaming_content)
        elapsed, cpu = time.perf_counter() - started, time.process_time() - started_cpu
    assert response.status_code == 200, (url, response.status_code)
    return elapsed, cpu, sampler.growth if memory else 0, size, not isinstance(response, FileResponse)


def build(dataset, file_format):
    """Build the file as the job does; return wall and CPU seconds and memory growth (None when it always streams)."""
    from opendata import prebuilt

    if prebuilt.source(dataset.slug) is None:
        return None
    with PeakMemory() as memory:
        started, started_cpu = time.perf_counter(), time.process_time()
        prebuilt.build(name=dataset.slug, file_format=file_format)
    return time.perf_counter() - started, time.process_time() - started_cpu, memory.growth


def measure(arguments):
    """Download every dataset in every format in this fresh process, streamed then built ahead; print the table."""
    import tempfile

    from django.conf import settings
    from django.test import Client

    from opendata import datasets

    settings.MEDIA_ROOT = tempfile.mkdtemp(prefix="axs-bench-opendata-")
    client = Client()
    # What any request costs (the site's layout through every middleware, no query): a download cannot
    # take less, however few its rows. Measured first and last; the floor is the smaller.
    trivial_before = harness.time_page(client, "/salud/trivial/", runs=20)
    rows = []
    for dataset in datasets.all_datasets():
        if arguments.only and dataset.slug not in arguments.only:
            continue
        count = sum(1 for _ in dataset.rows())
        copies = [copy_seconds(dataset) for _run in range(5)]
        copy_time, copied = min(copy[0] for copy in copies), copies[0][2]
        # The reference must COPY the file's rows: a queryset of other rows (e.g. surveys for their results)
        # is no reference. Printed, so that a difference shows.
        print(f"{dataset.slug}: {count} rows in the file, {copied} rows COPYed", flush=True)
        for file_format in arguments.formats:
            if file_format == "xlsx" and arguments.max_xlsx_rows is not None and count > arguments.max_xlsx_rows:
                continue
            streamed = download(client, dataset, file_format)
            built = build(dataset, file_format)
            served = [download(client, dataset, file_format) for _run in range(5)] if built else []
            # Timed apart from the memory sampling, best of 20, as COPY and the trivial page are timed.
            timed = [download(client, dataset, file_format, memory=False) for _run in range(20)] if built else []
            best = min(timed, key=lambda figures: figures[0]) if timed else streamed
            if best is None:
                continue
            growth = max(figures[2] for figures in served or [best])
            ratio = best[0] / copy_time if copy_time else float("inf")
            rows.append([
                dataset.slug, file_format, count, round(best[3] / 1e6, 2), round(copy_time * 1000, 1),
                "406" if streamed is None else f"{streamed[0]:.2f} ({streamed[1]:.2f} CPU)",
                f"{built[0]:.2f} ({built[1]:.2f} CPU, +{built[2] / 1e6:.0f} MB)" if built else "-",
                f"{best[0] * 1000:.1f} ({best[1] * 1000:.1f} CPU)" if served else "-",
                round(ratio, 2), (best[0], copy_time), round(growth / 1e6, 1),
                "ok" if growth < 100e6 and ratio <= 3 else ("memory ok" if growth < 100e6 else "MEMORY"),
            ])  # fmt: skip
            print("  ".join(str(cell) for cell in rows[-1][:9]), flush=True)  # as it goes: the big files take minutes
    headers = [
        "dataset",
        "format",
        "rows",
        "MB",
        "COPY ms",
        "streamed s",
        "job s",
        "served ms",
        "× COPY",
        "(− floor) × COPY",
        "RSS +MB",
        "",
    ]
    trivial_after = harness.time_page(client, "/salud/trivial/", runs=20)
    floor = min(min(trivial_before[0]), min(trivial_after[0])) / 1000
    for row in rows:
        served, copy_time = row[9]
        row[9] = round(max(served - floor, 0) / copy_time, 2) if copy_time else float("inf")
    harness.print_table(headers, rows)
    print(
        "trivial page (any request's fixed cost), best of 20, before and after: "
        f"{min(trivial_before[0]):.1f} ms ({min(trivial_before[3]):.1f} CPU) and "
        f"{min(trivial_after[0]):.1f} ms ({min(trivial_after[3]):.1f} CPU)"
    )
    print(
        f"(− floor) × COPY: the served time less the trivial page's (the smaller, {floor * 1000:.1f} ms), over COPY's"
    )
    print(f"load average: {os.getloadavg()}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", help="dataset slugs to measure (all by default)")
    parser.add_argument("--formats", nargs="*", default=["csv", "json", "xlsx"])
    parser.add_argument("--max-xlsx-rows", type=int, help="leave out Excel files of more rows (minutes to build)")
    parser.add_argument(
        "--data",
        choices=["large", "committees"],
        default="large",
        help="large: organizations, projects and progress; committees: committees, sessions, ballots and surveys "
        "at 100x the demo (bench/opendata_committees_seed.py)",
    )
    parser.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.measure:  # the child: the database is seeded, DATABASE_URL points at it
        os.environ["DJANGO_SETTINGS_MODULE"] = "axs_platform.settings"
        import django
        from django.conf import settings

        django.setup()
        settings.DEBUG = False
        settings.ALLOWED_HOSTS = ["testserver"]
        measure(arguments)
        return
    engine = harness.setup("axs_opendata_bench")
    if not engine.startswith("PostgreSQL"):
        raise SystemExit("This benchmark compares with PostgreSQL's COPY: PostgreSQL is needed.")
    started = time.perf_counter()
    if arguments.data == "committees":
        import opendata_committees_seed

        sizes = opendata_committees_seed.seed()
        harness.analyze()
    else:
        sizes = seed()
    print(f"Seeded in {time.perf_counter() - started:.0f} s: {sizes}", flush=True)
    from django.db import connections

    connections.close_all()
    # Measured in a fresh process: memory the seeding freed would hide the downloads' growth.
    subprocess.run([sys.executable, __file__, "--measure", *sys.argv[1:]], check=True)


if __name__ == "__main__":
    main()
