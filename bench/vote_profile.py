"""Profile vote requests in-process: CPU ms and queries for a first vote, a refused second vote, /salud/.

Run from the project root: ``python bench/vote_profile.py`` (BENCH_VOTERS voters, 20 by default, seeded as
``bench/ballots_http.py`` does, in the throwaway database BENCH_DATABASE, ``axs_bench_voteprofile``).
Each request goes through Django's test client (the whole middleware stack, no server). With
``VOTE_QUERIES=1`` it prints the SQL of each kind's last request; with
``VOTE_PROFILE=1`` cProfile's top functions by cumulative time for the first votes.
``bench/vote_callgrind.py`` runs it under callgrind and counts instructions per request of each kind.
"""

import cProfile
import os
import pstats
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("BENCH_VOTERS", "20")

from bench import ballots_http  # noqa: E402
from bench.harness import setup  # noqa: E402

# Called as ``PHASE_HOOK(label, count, started)`` around each kind's requests (bench/vote_callgrind.py).
PHASE_HOOK = None


def measure(label, client_for, requests):
    """Send ``requests`` [(cookie, path, data)], print CPU ms and queries per request."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    profile = cProfile.Profile() if os.environ.get("VOTE_PROFILE") else None
    cpu, queries, statuses = 0.0, 0, set()
    if PHASE_HOOK:
        PHASE_HOOK(label, len(requests), True)
    for cookie, path, data in requests:
        client = client_for(cookie)
        with CaptureQueriesContext(connection) as captured:
            started = time.process_time()
            if profile:
                profile.enable()
            response = client.post(path, data) if data else client.get(path)
            if profile:
                profile.disable()
            cpu += time.process_time() - started
        queries += len(captured)
        if os.environ.get("VOTE_QUERIES") and cookie is requests[-1][0]:
            print("\n".join(q["sql"][:160] for q in captured.captured_queries))
        statuses.add(response.status_code)
    if PHASE_HOOK:
        PHASE_HOOK(label, len(requests), False)
    count = len(requests)
    print(
        f"{label:<22} {count:>4} requests  {1000 * cpu / count:7.2f} ms CPU  {queries / count:5.1f} queries  {statuses}"
    )
    if profile:
        pstats.Stats(profile).sort_stats(os.environ.get("VOTE_PROFILE_SORT", "cumulative")).print_stats(30)


def main():
    os.environ["DJANGO_SECRET_KEY"] = "vote-profile-" + "x" * 50
    ballots_http.use_redis_cache()
    setup(os.environ.get("BENCH_DATABASE", "axs_bench_voteprofile"))
    from django.test import Client

    ballot, proposal_ids, cookies = ballots_http.seed()

    def client_for(cookie):
        client = Client()
        if cookie:
            client.cookies["sessionid"] = cookie[0]
        return client

    path = f"/votaciones/{ballot.pk}/votar/"
    health = [(None, "/salud/", None)] * len(cookies)
    first = [(cookie, path, {"choices": proposal_ids[0], "confirm": "yes"}) for cookie in cookies]
    second = [(cookie, path, {"choices": proposal_ids[1], "confirm": "yes"}) for cookie in cookies]
    measure("warm-up /salud/", client_for, health[:2])
    measure("/salud/", client_for, health)
    measure("first vote", client_for, first)
    measure("refused second vote", client_for, second)
    from projects.models import Participation

    print(f"stored votes: {Participation.objects.filter(ballot=ballot).count()} of {len(cookies)} voters")


if __name__ == "__main__":
    main()
