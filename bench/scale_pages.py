"""Every page a role can reach, at 1× and at N× the data (issue #23), beside the trivial page.

Run from the project root::

    CACHE_URL=redis://127.0.0.1:6379/13 .venv/bin/python bench/scale_pages.py --scale 100

It creates the throwaway PostgreSQL database ``axs_scale_bench`` (``bench/harness.py``), seeds
scale 1 (``bench/scale_seed.py``), walks the URL resolver and counts each page's queries for each
role (anonymous, representative, evaluator, chair, staff) that gets it; then grows the data to
``--scale`` and, for every page that answered HTML, prints its cold time (the cache emptied before
each request) and warm time against the trivial page, its query counts at 1× and N×, and its HTML
size. A page whose URL needs an id is measured when ``SAMPLES`` names one; the others are listed
at the end, so a new page shows up in the output without anyone adding it. Bounds of the issue:
cold at most 10×, warm at most 2×, the same queries at both sizes, HTML under 300 KB.
"""

import argparse
import re
import statistics
import time

import harness

ROLES = ("anonymous", "representative", "evaluator", "chair", "staff")
SKIPPED_NAMESPACES = {"admin"}
SKIPPED_NAMES = {"javascript-catalog", "health"}


def samples(scene):
    """URL kwargs per URL name: the largest object of each kind (pages of one object)."""
    from committees.models import Session

    session = Session.objects.filter(committee=scene.committee).order_by("-starts_at").first()
    project = scene.call.proposals.filter(status="structured").first() or scene.matrix_call.proposals.first()
    matrix = {"pk": scene.matrix_call.pk}
    return {
        "committees:committee-detail": {"pk": scene.committee.pk},
        "committees:committee-members": {"pk": scene.committee.pk},
        "committees:committee-sessions": {"pk": scene.committee.pk},
        "committees:committee-agreements": {"pk": scene.committee.pk},
        "committees:work-plan": {"pk": scene.committee.pk},
        "committees:session-detail": {"pk": session.pk},
        "committees:attendance-record": {"pk": session.pk},
        "companies:organization-detail": {"pk": scene.home.pk},
        "companies:people": {"pk": scene.home.pk},
        "projects:call-detail": {"pk": scene.call.pk},
        "projects:evaluation-matrix": matrix,
        "projects:committee-proposals": {"pk": scene.committee.pk},
        "projects:proposal-detail": {"pk": project.pk},
        "projects:project-detail": {"pk": project.pk},
        "projects:committee-selections": {"pk": scene.committee.pk},
        "surveys:survey-detail": {"pk": scene.survey.pk},
        "surveys:results": {"pk": scene.survey.pk},
        "surveys:invitation-list": {"pk": scene.survey.pk},
        "surveys:committee-proposals": {"pk": scene.survey.pk},
        "sdg:goal-detail": {"number": 12},
    }


def walk(patterns=None, namespace=""):
    """Yield (URL name, number of URL parameters) of every named page in the resolver."""
    from django.urls import URLResolver, get_resolver

    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace in SKIPPED_NAMESPACES:
                continue
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from walk(pattern.url_patterns, inner)
        elif pattern.name and pattern.name not in SKIPPED_NAMES:
            # A regex route's groups are parameters too (``re_path``, as the API's routers write them).
            yield f"{namespace}{pattern.name}", max(len(pattern.pattern.converters), pattern.pattern.regex.groups)


def clients(scene):
    from django.test import Client

    from committees.models import Post

    chair = scene.committee.memberships.select_related("organization").first()
    from companies.models import Representative

    holder = Representative.objects.filter(organization=chair.organization).first().user
    Post.objects.get_or_create(
        committee=scene.committee, kind="chair", defaults={"holder": holder, "organization": chair.organization,
                                                           "started_on": chair.joined_on},
    )  # fmt: skip
    people = {"representative": scene.representative, "evaluator": scene.evaluator, "chair": holder,
              "staff": scene.staff}  # fmt: skip
    result = {"anonymous": Client()}
    for role, person in people.items():
        result[role] = Client()
        result[role].force_login(person)
    return result


def reachable(scene, pages_clients):
    """Return [(label, role, url)] of the pages that answer 200 with HTML, and the names left unmeasured."""
    from django.urls import reverse

    known = samples(scene)
    pages, unmeasured = [], []
    for name, parameters in walk():
        if parameters and name not in known:
            unmeasured.append(name)
            continue
        url = reverse(name, kwargs=known.get(name))
        for role in ROLES:
            response = pages_clients[role].get(url)
            if response.status_code == 200 and response.get("Content-Type", "").startswith("text/html"):
                pages.append((name, role, url))
    return pages, unmeasured


def queries_of(client, url):
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    return len(captured), len(response.content)


def timings(client, url, runs, *, cold):
    """Return the median wall time and the median CPU time of this process (ms): load distorts only the first."""
    from django.core.cache import cache

    values, cpu = [], []
    client.get(url)
    for _ in range(runs):
        if cold:
            cache.clear()
        started, started_cpu = time.perf_counter(), time.process_time()
        client.get(url)
        cpu.append((time.process_time() - started_cpu) * 1000)
        values.append((time.perf_counter() - started) * 1000)
    return statistics.median(values), statistics.median(cpu)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=int, default=100, help="the large size, in units of the small one")
    parser.add_argument("--runs", type=int, default=5, help="timed requests per page, cold and warm each")
    parser.add_argument("--only", default="", help="measure only the pages whose URL name matches this regex")
    options = parser.parse_args()
    harness.setup("axs_scale_bench")
    import logging

    import scale_seed

    logging.getLogger("django.request").setLevel(logging.ERROR)  # the refusals of the walk are expected

    started = time.perf_counter()
    scene = scale_seed.scene()
    scale_seed.grow(scene, 1)
    harness.analyze()
    by_role = clients(scene)
    pages, unmeasured = reachable(scene, by_role)
    pages = [page for page in pages if re.search(options.only, page[0])]
    small = {(name, role): queries_of(by_role[role], url) for name, role, url in pages}
    print(f"1×: seeded and counted {len(pages)} pages in {time.perf_counter() - started:.0f} s")
    started = time.perf_counter()
    scale_seed.grow(scene, options.scale - 1)
    harness.analyze()
    print(f"{options.scale}×: seeded in {time.perf_counter() - started:.0f} s")

    # Each role's reference is the trivial page requested by the same person (a signed-in request
    # reads its session and user whatever the page).
    reference = {
        (role, cold): timings(by_role[role], "/salud/trivial/", options.runs * 4, cold=cold)
        for role in ROLES
        for cold in (True, False)
    }
    rows, failures = [], 0
    for name, role, url in pages:
        client = by_role[role]
        queries, size = queries_of(client, url)
        cold_ms, cold_cpu = timings(client, url, options.runs, cold=True)
        warm_ms, warm_cpu = timings(client, url, options.runs, cold=False)
        cold, warm = cold_ms / reference[(role, True)][0], warm_ms / reference[(role, False)][0]
        cpu = cold_cpu / reference[(role, True)][1], warm_cpu / reference[(role, False)][1]
        flat = queries == small[(name, role)][0]
        ok = cold <= 10 and warm <= 2 and flat and size < 300_000
        failures += not ok
        rows.append(
            (
                name,
                role,
                cold_ms,
                cold,
                warm_ms,
                warm,
                f"{cpu[0]:.1f} / {cpu[1]:.1f}",
                small[(name, role)][0],
                queries,
                f"{size / 1024:.0f} KB",
                "" if ok else "×",
            )  # fmt: skip
        )
    for role in ROLES:
        (cold_ms, cold_cpu), (warm_ms, warm_cpu) = reference[(role, True)], reference[(role, False)]
        print(
            f"trivial page, {role}: {cold_ms:.2f} ms cold ({cold_cpu:.2f} CPU), "
            f"{warm_ms:.2f} ms warm ({warm_cpu:.2f} CPU)"
        )
    harness.print_table(
        [
            "page",
            "role",
            "cold ms",
            "cold ×",
            "warm ms",
            "warm ×",
            "CPU × cold / warm",
            "queries 1×",
            f"queries {options.scale}×",
            "HTML",
            "",
        ],
        rows,
    )
    print(f"\nNot measured (needs an id not in SAMPLES): {', '.join(unmeasured)}")
    print(f"\n{failures} of {len(rows)} page-role pairs outside the bounds (marked ×)")


if __name__ == "__main__":
    main()
