"""Benchmark voting over HTTP: 2,000 voters vote twice each, concurrently, against gunicorn in production mode.

Run from the project root: ``python bench/ballots_http.py``. It creates the throwaway PostgreSQL
database ``axs_bench_ballots`` (bench/harness.py) and, when Redis answers, uses Redis database 9
as the cache, where sessions live as in production. It seeds a committee, three candidates and a
ballot whose named electorate is 2,000 people, and signs each of them in ahead (a session, as
signing in writes it, and a CSRF cookie), so the load is voting, not signing in. It collects the
static files into a temporary folder, starts gunicorn on 127.0.0.1 on a free port with
``DJANGO_DEBUG=0``, a generated secret key and no SSL redirect, then sends every voter's two votes
(shuffled) from a bounded pool of HTTP clients: 4,000 vote requests, of which the second of each
voter is refused; each request on a new connection, as the synchronous workers close it after each
answer. It prints vote requests and stored votes per second, latency, and the CPU time
per request of the web server, PostgreSQL and the load client (all on the same machine); it checks
that exactly one vote per voter was stored and that no request failed with a server error, and
exits non-zero otherwise, or when the targets (100 stored votes/s, p95 ≤ 250 ms) are missed. The
ballot does not allow changing a vote, so each request carries the confirmation (``confirm=yes``)
that the vote page asks for. Without Redis the cache is a temporary folder (production settings
require a shared cache).
Settings: BENCH_VOTERS, BENCH_CLIENTS, BENCH_GUNICORN_WORKERS, _THREADS, _WORKER_CLASS, _CONNECTIONS.
"""

import http.client
import os
import random
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.harness import ROOT, percentile, print_table, setup  # noqa: E402

VOTERS = int(os.environ.get("BENCH_VOTERS", "2000"))
CLIENTS = int(os.environ.get("BENCH_CLIENTS", "8"))
# As the README deploys it: three synchronous workers behind the proxy, which buffers slow clients.
# Measured here against 3 threaded workers × 2 threads: ≈15 % more votes per second (less CPU per
# request: no thread switching under the GIL); 2 or 4 synchronous workers did no better.
WORKERS = int(os.environ.get("BENCH_GUNICORN_WORKERS", "3"))
THREADS = int(os.environ.get("BENCH_GUNICORN_THREADS", "1"))
KEEP_ALIVE = int(os.environ.get("BENCH_GUNICORN_KEEP_ALIVE", "30"))
WORKER_CLASS = os.environ.get("BENCH_GUNICORN_WORKER_CLASS", "sync")
# Threaded workers only: at most this many client connections per worker (threads + 1 keeps one
# alive); they otherwise take every kept-alive connection they can, and one of them may end up with
# all the clients while the others idle (seen: 98 % of the requests on one of three workers).
CONNECTIONS = int(os.environ.get("BENCH_GUNICORN_CONNECTIONS", str(THREADS + 1)))
TARGET_STORED_RATE, TARGET_P95_MS = 100, 250
# BENCH_SECRET=1: a secret ballot (votes sealed until the close) instead of a named one.
SECRET = os.environ.get("BENCH_SECRET", "0") == "1"


def seed():
    """Create the committee, three candidates in review, 2,000 voters, the open ballot and the sessions."""
    import datetime

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.cached_db import SessionStore
    from django.utils import timezone

    from accounts.models import User
    from committees.models import Committee
    from companies.models import Organization
    from projects import services
    from projects.models import Call, Proposal
    from sdg.models import Goal

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    staff = User.objects.create_user(email="bench@amexcid.example", full_name="Bench", role="staff", is_staff=True)
    organization = Organization.objects.create(
        legal_name="Organización líder, S.A. de C.V.", organization_type="company", size="large", sector="food",
        rfc="ORG010101AAA", participation_status="active",
    )  # fmt: skip
    committee = Committee.objects.create(name="Educación", goal=Goal.objects.get(number=4), decision_mechanism="vote")
    today = datetime.date.today()
    call = Call.objects.create(
        committee=committee, title="Convocatoria", opens_on=today, closes_on=today, created_by=staff
    )
    proposals = [
        Proposal.objects.create(
            call=call,
            committee=committee,
            lead_organization=organization,
            created_by=staff,
            title=f"Candidato {n}",
            status="in_review",
            version=1,
        )  # fmt: skip
        for n in range(1, 4)
    ]
    voters = User.objects.bulk_create(
        User(email=f"votante{n:05d}@bench.example", full_name=f"Votante {n}", role="representative")
        for n in range(VOTERS)
    )
    selection_round = services.round_create(
        actor=staff, committee=committee, title="Selección", method="vote", proposals=proposals, seats=1
    )
    now = timezone.now()
    ballot = services.ballot_create(
        actor=staff, selection_round=selection_round, title="Votación", electorate="people", question="approval",
        max_choices=1, seats=1, majority="plurality", quorum_percent=50, named_voters=voters, is_secret=SECRET,
        opens_at=now - datetime.timedelta(minutes=1), closes_at=now + datetime.timedelta(hours=2),
    )  # fmt: skip
    ballot = services.ballot_open(actor=staff, ballot=ballot)
    cookies = []
    for voter in User.objects.filter(pk__in=[v.pk for v in voters]):
        # As signing in does: the session is written to the database and to the cache.
        store = SessionStore()
        store.update(
            {
                SESSION_KEY: str(voter.pk),
                BACKEND_SESSION_KEY: settings.AUTHENTICATION_BACKENDS[0],
                HASH_SESSION_KEY: voter.get_session_auth_hash(),
            }
        )
        store.create()
        cookies.append((store.session_key, secrets.token_hex(16)))
    return ballot, [p.pk for p in proposals], cookies


def use_redis_cache():
    """Cache (and so sessions) in Redis, as in production, when it answers; else each process's memory."""
    url = os.environ.get("BENCH_CACHE_URL", "redis://127.0.0.1:6379/9")
    try:
        import redis

        redis.Redis.from_url(url, socket_connect_timeout=2).flushdb()
    except Exception:  # noqa: BLE001 (any failure means: no Redis)
        folder = tempfile.mkdtemp(prefix="axs-bench-cache-")
        os.environ["CACHE_URL"] = f"file://{folder}"
        return f"a folder shared by the workers ({folder}; Redis not reachable)"
    os.environ["CACHE_URL"] = url
    return f"Redis ({url})"


def cpu_seconds(pid):
    """User and system CPU time a process has used, from /proc (0 if it is gone)."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def processes(*, parent=None, command=None):
    """Ids of the processes with this parent, or with this command name."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as stat:
                head, tail = stat.read().rsplit(")", 1)
        except OSError:
            continue
        name, ppid = head.split("(", 1)[1], int(tail.split()[1])
        if (parent is not None and ppid == parent) or (command is not None and name == command):
            found.append(int(entry))
    return found


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(port, static_root):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.ballots_settings",
        "BENCH_STATIC_ROOT": static_root,
        "DJANGO_DEBUG": "0",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_CONN_MAX_AGE": "60",
        "DJANGO_LOG_LEVEL": "WARNING",
    }
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"], cwd=ROOT, env=env, check=True
    )
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "axs_platform.wsgi", "--bind", f"127.0.0.1:{port}",
         "--workers", str(WORKERS), "--threads", str(THREADS), "--worker-class", WORKER_CLASS,
         "--keep-alive", str(KEEP_ALIVE), "--worker-connections", str(CONNECTIONS), "--log-level", "warning"],
        cwd=ROOT, env=env, start_new_session=True,
    )  # fmt: skip
    for _attempt in range(100):
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/salud/")
            if connection.getresponse().status == 200:
                return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("gunicorn did not start")


def exchange(port, request):
    """Send one request on a new connection and return ``(status, body)``, read to its Content-Length."""
    with socket.create_connection(("127.0.0.1", port), timeout=30) as connection:
        connection.sendall(request)
        received = b""
        while b"\r\n\r\n" not in received:
            chunk = connection.recv(65536)
            if not chunk:
                raise ConnectionError("the server closed the connection before answering")
            received += chunk
        head, body = received.split(b"\r\n\r\n", 1)
        lines = head.split(b"\r\n")
        status = int(lines[0].split()[1])
        lengths = [int(line.split(b":", 1)[1]) for line in lines if line.lower().startswith(b"content-length:")]
        length = lengths[0] if lengths else None
        while length is None or len(body) < length:
            chunk = connection.recv(65536)
            if not chunk:
                break
            body += chunk
        return status, body


def main():
    # One generated key for this process (which signs the sessions) and the server (which reads them).
    os.environ["DJANGO_SECRET_KEY"] = secrets.token_urlsafe(60)
    cache = use_redis_cache()
    engine = setup(os.environ.get("BENCH_DATABASE", "axs_bench_ballots"))
    ballot, proposal_ids, cookies = seed()
    print(
        f"Seeded {len(cookies)} voters on {engine}, cache and sessions in {cache}; gunicorn {WORKERS} "
        f"{WORKER_CLASS} workers × {THREADS} threads, {CLIENTS} clients"
    )
    static_root = tempfile.mkdtemp(prefix="axs-bench-static-")
    port = free_port()
    server = start_server(port, static_root)
    path = f"/votaciones/{ballot.pk}/votar/"
    tasks = [(index, attempt) for index in range(len(cookies)) for attempt in range(2)]
    random.Random(2017).shuffle(tasks)
    results = []
    lock = threading.Lock()

    def post(task):
        # A small HTTP/1.1 client on a socket: http.client's header parsing cost the load (which shares
        # the machine's two cores with the server) three times as much CPU. The synchronous workers
        # close the connection after each answer, as they do behind the proxy, so each vote connects.
        index, attempt = task
        session_key, csrf = cookies[index]
        body = f"choices={proposal_ids[(index + attempt) % 3]}&confirm=yes".encode()
        request = (
            f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
            "Content-Type: application/x-www-form-urlencoded\r\n"
            f"Content-Length: {len(body)}\r\nCookie: sessionid={session_key}; csrftoken={csrf}\r\n"
            f"X-CSRFToken: {csrf}\r\nConnection: close\r\n\r\n"
        ).encode() + body
        started = time.perf_counter()
        try:
            status, content = exchange(port, request)
        except OSError:
            status, content = 599, b""
        elapsed = (time.perf_counter() - started) * 1000
        with lock:
            results.append((status, elapsed, b'id="receipt-code"' in content))

    workers = processes(parent=server.pid)
    database = processes(command="postgres")
    try:
        before = {pid: cpu_seconds(pid) for pid in [*workers, *database, os.getpid()]}
        started = time.perf_counter()
        with ThreadPoolExecutor(max_workers=CLIENTS) as pool:
            list(pool.map(post, tasks))
        wall = time.perf_counter() - started
        # Database backends opened during the run (one per server thread) started from nothing.
        database = processes(command="postgres")
        used = {pid: cpu_seconds(pid) - before.get(pid, 0.0) for pid in {*before, *database}}
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)

    from projects import services
    from projects.models import BallotPaper, Participation, SealedPaper

    latencies = [elapsed for _status, elapsed, _receipt in results]
    statuses = {}
    for status, _elapsed, _receipt in results:
        statuses[status] = statuses.get(status, 0) + 1
    receipts = sum(1 for _status, _elapsed, receipt in results if receipt)
    stored = Participation.objects.filter(ballot=ballot).count()
    sealed = SealedPaper.objects.filter(ballot=ballot).count()
    # The close counts the papers (on a secret ballot it first opens the sealed votes): timed, then checked.
    closing = time.perf_counter()
    services.ballot_close(actor=ballot.created_by, ballot=ballot)
    closing = time.perf_counter() - closing
    papers = BallotPaper.objects.filter(ballot=ballot).count()
    rate = len(results) / wall
    p95 = percentile(latencies, 0.95)
    per_request = {
        "web server (gunicorn workers)": sum(used[pid] for pid in workers),
        "PostgreSQL": sum(used[pid] for pid in database),
        "load client (this process)": used[os.getpid()],
    }
    print_table(
        ["measure", "value"],
        [
            ("vote requests (2 per voter)", len(results)),
            ("wall time (s)", wall),
            ("vote requests per second", rate),
            ("votes stored per second", stored / wall),
            ("median latency (ms)", statistics.median(latencies)),
            ("p95 latency (ms)", p95),
            ("max latency (ms)", max(latencies)),
            ("status codes", " ".join(f"{k}:{v}" for k, v in sorted(statuses.items()))),
            ("receipts shown", receipts),
            ("participations stored", stored),
            ("sealed votes before the close", sealed),
            ("ballot papers counted at the close", papers),
            ("close (s)", closing),
            *((f"CPU ms per request: {name}", 1000 * seconds / len(results)) for name, seconds in per_request.items()),
            ("CPU used of the machine's (%)", 100 * sum(per_request.values()) / (wall * (os.cpu_count() or 1))),
            ("share of requests per worker (by CPU, %)", " ".join(
                f"{100 * used[pid] / max(per_request['web server (gunicorn workers)'], 1e-9):.0f}" for pid in workers
            )),
        ],
    )  # fmt: skip
    failures = []
    if stored != len(cookies) or papers != len(cookies) or receipts != len(cookies):
        failures.append("votes stored differ from voters")
    if any(status >= 500 for status in statuses):
        failures.append("server errors")
    if stored / wall < TARGET_STORED_RATE or p95 > TARGET_P95_MS:
        failures.append(f"target missed ({TARGET_STORED_RATE} stored votes/s, p95 ≤ {TARGET_P95_MS} ms)")
    print("OK" if not failures else "FAILED: " + "; ".join(failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
