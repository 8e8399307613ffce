"""Run faults one after another against a real deployment and print what each cost.

Run from the project root: ``python bench/faults.py``. It makes a throwaway PostgreSQL database
(``harness.setup``), starts a redis-server of its own on a free port (never the shared one: it is
the one stopped and frozen here), then gunicorn (2 processes), a Celery worker and Celery beat as
``deploy/systemd/`` runs them, each restarted 2-5 s after it exits, as ``Restart=always`` does. A
signed-in person browses three pages without pause the whole time, and documents are asked for
through the site's form. The faults, in order: Redis stopped for 60 s, Redis frozen for 20 s, the
worker killed (SIGKILL) mid-render, Redis stopped for 10 s under a render, the media folder made
unusable during a render (then repaired and the job tried again). PostgreSQL is shared and is not
stopped here. Per fault it prints the requests made, the server errors (5xx or no answer within
10 s), the jobs lost (not ready within 3 minutes), and the seconds from the end of the fault until
every job was ready and pages answered again. Targets: 0 lost, 0 errors, recovery under 180 s.
"""

import http.cookiejar
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from harness import ROOT, setup  # noqa: E402

sys.path.insert(0, str(ROOT))
from tests.redis_server import ThrowawayRedis, free_port  # noqa: E402

PASSWORD = "bench-faults-2026"
RECOVERY_LIMIT = 180.0
FOLDER = Path(tempfile.mkdtemp(prefix="axs-bench-faults-"))


class Supervised:
    """A process restarted ``restart_seconds`` after it exits, in a session of its own (killed whole)."""

    def __init__(self, name, command, env, restart_seconds):
        self.name, self.command, self.env, self.restart_seconds = name, command, env, restart_seconds
        self.log = open(FOLDER / f"{name}.log", "a")  # noqa: SIM115 (open for the whole run)
        self.process = None
        self.exits = 0
        self.stopping = False

    def start(self):
        self.process = subprocess.Popen(
            self.command, cwd=ROOT, env=self.env, stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True
        )

    def watch(self):
        if self.stopping or self.process.poll() is None:
            return
        self.exits += 1
        time.sleep(self.restart_seconds)
        if not self.stopping:
            self.start()

    def kill(self):
        os.killpg(self.process.pid, signal.SIGKILL)

    def stop(self):
        self.stopping = True
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)


class Browser:
    """A signed-in person loading pages one after another; every answer is noted with its time."""

    def __init__(self, base):
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))
        self.answers = []  # (time, status; 599 for no answer)
        self.running = False

    def open(self, path, data=None, timeout=10):
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        try:
            with self.opener.open(self.base + path, body, timeout=timeout) as response:
                return response.status, response.read().decode(), response.url
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode(errors="replace"), path
        except (urllib.error.URLError, OSError):
            return 599, "", path

    def csrf(self):
        return next(cookie.value for cookie in self.jar if cookie.name == "csrftoken")

    def sign_in(self, email):
        from django.urls import reverse

        deadline = time.monotonic() + 60
        while self.open(reverse("accounts:login"), timeout=30)[0] != 200:  # The first requests warm it up.
            if time.monotonic() > deadline:
                sys.exit("The sign-in page does not answer.")
            time.sleep(1)
        status, _page, url = self.open(
            reverse("accounts:login"), {"username": email, "password": PASSWORD, "csrfmiddlewaretoken": self.csrf()}
        )
        assert status == 200 and "entrar" not in url, (status, url)

    def post(self, path, data):
        return self.open(path, {**data, "csrfmiddlewaretoken": self.csrf()})

    def browse(self, pages):
        self.running = True
        while self.running:
            for page in pages:
                status, _body, url = self.open(page)
                if "entrar" in url:
                    status = 401  # Signed out: the session was lost.
                self.answers.append((time.monotonic(), status))

    def since(self, moment):
        return [status for at, status in self.answers if at >= moment]


def wait_for_port(port, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    sys.exit(f"Nothing answers on port {port}")


class Bench:
    def __init__(self, redis, base, browser, processes):
        self.redis, self.base, self.browser, self.processes = redis, base, browser, processes
        self.goals = iter([(number, language) for language in ("es-mx", "en") for number in range(1, 18)])
        self.rows = []

    def ask(self):
        """Ask for a goal sheet through the site's form; return the job's id."""
        from django.urls import reverse

        from documents.models import Document
        from sdg.models import Goal

        number, language = next(self.goals)
        goal = Goal.objects.get(number=number)
        data = {"kind": "sdg.goal_sheet", "object_id": goal.pk, "language": language}
        status, _page, _url = self.browser.post(reverse("documents:document-request"), data)
        self.browser.answers.append((time.monotonic(), status))
        return Document.objects.filter(target_id=str(goal.pk), language=language).latest("pk").pk

    def wait_rendering(self, document_id, timeout=60):
        from documents.models import Document

        deadline = time.monotonic() + timeout
        while Document.objects.get(pk=document_id).status != Document.Status.RENDERING:
            if time.monotonic() > deadline:
                return False
            time.sleep(0.02)
        return True

    def settle(self, document_ids, since):
        """Wait until every job is ready and pages answer 200; return (jobs lost, seconds to recover)."""
        from documents.models import Document

        deadline = since + RECOVERY_LIMIT
        while time.monotonic() < deadline:
            statuses = list(Document.objects.filter(pk__in=document_ids).values_list("status", flat=True))
            recent = [s for at, s in self.browser.answers[-6:] if at > since]
            if all(s == Document.Status.READY for s in statuses) and recent and all(s == 200 for s in recent):
                return 0, time.monotonic() - since
            time.sleep(0.5)
        lost = Document.objects.filter(pk__in=document_ids).exclude(status=Document.Status.READY).count()
        return lost, None

    def record(self, label, started, document_ids, fault_ended, note=""):
        lost, seconds = self.settle(document_ids, fault_ended)
        answers = self.browser.since(started)
        errors = sum(1 for status in answers if status >= 500 or status == 401)
        self.rows.append((label, len(answers), errors, len(document_ids), lost, seconds, note))

    def redis_down(self, seconds):
        started = time.monotonic()
        self.redis.stop()
        time.sleep(2)
        asked = [self.ask(), self.ask()]
        time.sleep(seconds - 2)
        self.redis.start()
        self.record(f"Redis stopped {seconds} s", started, asked, time.monotonic())

    def redis_frozen(self, seconds):
        started = time.monotonic()
        self.redis.freeze()
        time.sleep(2)
        asked = [self.ask()]
        time.sleep(seconds - 2)
        self.redis.thaw()
        self.record(f"Redis frozen {seconds} s", started, asked, time.monotonic())

    def worker_killed(self):
        started = time.monotonic()
        worker = self.processes["worker"]
        document_id = self.ask()
        self.wait_rendering(document_id)
        worker.kill()
        self.record("worker SIGKILL mid-render", started, [document_id], time.monotonic())

    def redis_drops_under_render(self, seconds):
        started = time.monotonic()
        worker = self.processes["worker"]
        exits = worker.exits
        document_id = self.ask()
        self.wait_rendering(document_id)
        self.redis.stop()
        time.sleep(seconds)
        self.redis.start()
        ended = time.monotonic()
        self.record(f"Redis stopped {seconds} s mid-render", started, [document_id], ended)
        self.rows[-1] = (*self.rows[-1][:6], f"worker exits: {worker.exits - exits}")

    def media_unusable(self, media_root):
        from django.urls import reverse

        from documents.models import Document

        started = time.monotonic()
        documents = media_root / "documents"
        shutil.rmtree(documents, ignore_errors=True)
        documents.write_text("not a folder")
        document_id = self.ask()
        deadline = time.monotonic() + 60
        while Document.objects.get(pk=document_id).status != Document.Status.FAILED and time.monotonic() < deadline:
            time.sleep(0.1)
        reason = Document.objects.get(pk=document_id).error
        documents.unlink()
        repaired = time.monotonic()
        self.browser.post(reverse("documents:document-retry", args=[document_id]), {})
        self.record("media folder unusable", started, [document_id], repaired, note=f"recorded: {reason[:60]!r}")


def seed():
    from django.contrib.auth.hashers import PBKDF2PasswordHasher

    from accounts.models import User

    person = User.objects.create_user(
        email="bench.faults@axs.example", full_name="Bench", role=User.Role.REPRESENTATIVE
    )
    # Hashed as gunicorn's settings expect (the harness makes this process use a fast hasher).
    hasher = PBKDF2PasswordHasher()
    person.password = hasher.encode(PASSWORD, hasher.salt())
    person.save(update_fields=["password"])
    return person


def main():
    redis = ThrowawayRedis(FOLDER).start()
    setup("axs_bench_faults", broker_url=redis.url(0))
    from django.urls import reverse

    person = seed()
    media_root = FOLDER / "media"
    media_root.mkdir()
    queue = f"bench-faults-{uuid.uuid4().hex[:6]}"
    web_port = free_port(8600)
    env = {
        **os.environ,
        "DATABASE_URL": os.environ["DATABASE_URL"],
        "CELERY_BROKER_URL": redis.url(0),
        "CACHE_URL": redis.url(1),
        "CELERY_TASK_DEFAULT_QUEUE": queue,
        "DJANGO_MEDIA_ROOT": str(media_root),
        "DJANGO_CONN_MAX_AGE": "60",
        "CELERY_BEAT_SCHEDULE_FILENAME": str(FOLDER / "celerybeat-schedule"),
    }
    venv = ROOT / ".venv" / "bin"
    processes = {
        "web": Supervised(
            "web",
            [str(venv / "gunicorn"), "axs_platform.wsgi", "--bind", f"127.0.0.1:{web_port}", "--workers", "2"],
            env,
            2,
        ),
        "worker": Supervised(
            "worker",
            [str(venv / "celery"), "-A", "axs_platform", "worker", "--loglevel=INFO", "--concurrency=1"]
            + ["--without-gossip", "--without-mingle"],
            env,
            5,
        ),
        "beat": Supervised("beat", [str(venv / "celery"), "-A", "axs_platform", "beat", "--loglevel=INFO"], env, 5),
    }
    for process in processes.values():
        process.start()
    watching = True

    def supervise():
        while watching:
            for process in processes.values():
                process.watch()
            time.sleep(0.5)

    threading.Thread(target=supervise, daemon=True).start()
    browser = Browser(f"http://127.0.0.1:{web_port}")
    try:
        wait_for_port(web_port)
        print(f"Redis {redis.url()}, gunicorn on {web_port}, queue {queue}; logs in {FOLDER}")
        browser.sign_in(person.email)
        pages = [reverse("home"), reverse("documents:document-list"), reverse("sdg:goal-detail", args=[7])]
        threading.Thread(target=browser.browse, args=(pages,), daemon=True).start()
        bench = Bench(redis, browser.base, browser, processes)
        time.sleep(5)
        bench.record("no fault (baseline)", time.monotonic(), [bench.ask()], time.monotonic())
        bench.redis_down(60)
        bench.redis_frozen(20)
        bench.worker_killed()
        bench.redis_drops_under_render(10)
        bench.media_unusable(media_root)
    finally:
        browser.running = False
        watching = False
        for process in processes.values():
            process.stop()
        redis.stop()
    print_table(bench.rows, processes)


def print_table(rows, processes):
    print(f"\n{'fault':34} {'requests':>8} {'5xx':>5} {'jobs':>5} {'lost':>5} {'recovery s':>10}  note")
    missed = []
    for label, requests, errors, jobs, lost, seconds, note in rows:
        recovery = f"{seconds:10.1f}" if seconds is not None else f"{'> 180':>10}"
        print(f"{label:34} {requests:8d} {errors:5d} {jobs:5d} {lost:5d} {recovery}  {note}")
        if errors or lost or seconds is None or seconds > RECOVERY_LIMIT:
            missed.append(label)
    print("Process exits (restarted by the supervisor): " + ", ".join(f"{n} {p.exits}" for n, p in processes.items()))
    if missed:
        print("MISSED: " + "; ".join(missed))
        sys.exit(1)
    print("All targets met: 0 lost, 0 errors, recovery under 180 s.")


if __name__ == "__main__":
    main()
