"""A real web server loses its Redis for 60 s under a signed-in person browsing: not one server error.

gunicorn (two processes, as deploy/systemd runs it) keeps sessions (``cached_db``), page fragments and
the broker on a throwaway redis-server of the test's own, which the test stops for a minute while a
person browses several pages without pause, signs out and in again and mistypes a password (sign-in
throttling counts from the audit trail). Then Redis starts again, empty, as a Redis without persistence
does, and the server must use it again: the session and the pages are cached there once more.
"""

import http.cookiejar
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest
import redis
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.db import connection
from django.urls import reverse

from tests.factories import make_representative
from tests.redis_server import free_port

from .conftest import ROOT, _database_url

pytestmark = pytest.mark.django_db(transaction=True)
OUTAGE_SECONDS = 60
PASSWORD = "outage-browsing-2026"


class Person:
    """A browser with cookies: every answer is noted as (time, status, address asked, final address)."""

    def __init__(self, base):
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))
        self.answers = []

    def open(self, path, data=None):
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        started = time.monotonic()
        try:
            with self.opener.open(self.base + path, body, timeout=10) as response:
                answer = (response.status, response.read().decode(), response.url)
        except urllib.error.HTTPError as error:
            answer = (error.code, error.read().decode(errors="replace"), path)
        except OSError as error:  # no answer within 10 s counts as a server error
            answer = (599, repr(error), path)
        self.answers.append((started, answer[0], path, answer[2]))
        return answer

    def post(self, path, data):
        token = next(cookie.value for cookie in self.jar if cookie.name == "csrftoken")
        return self.open(path, {**data, "csrfmiddlewaretoken": token})

    def sign_in(self, email, password):
        self.open(reverse("accounts:login"))
        return self.post(reverse("accounts:login"), {"username": email, "password": password})


def wait_until_serving(port, process, timeout=90):
    """Wait until the port is open and the sign-in page answers (both processes have loaded Django)."""
    deadline = time.monotonic() + timeout
    answered = 0
    while time.monotonic() < deadline and answered < 4:
        assert process.poll() is None, "gunicorn ended before it answered"
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) != 0:
                time.sleep(0.2)
                continue
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}{reverse('accounts:login')}", timeout=30) as response:
                answered += response.status == 200
        except OSError:
            time.sleep(0.5)
    if answered < 4:
        pytest.fail(f"gunicorn does not serve on {port}")


@pytest.fixture
def web_server(throwaway_redis, tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("A server process needs a database it can share with the test (PostgreSQL).")
    port = free_port(8700)
    env = {
        **os.environ,
        "DATABASE_URL": _database_url(),
        "CACHE_URL": throwaway_redis.url(1),
        "CELERY_BROKER_URL": throwaway_redis.url(0),
        "CELERY_TASK_DEFAULT_QUEUE": f"outage-{port}",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_MEDIA_ROOT": str(tmp_path / "media"),
    }
    log = open(tmp_path / "gunicorn.log", "w")  # noqa: SIM115 (closed below, after the process)
    command = [sys.executable, "-m", "gunicorn", "axs_platform.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "2"]
    command += ["--worker-class", "gthread", "--threads", "4"]
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        wait_until_serving(port, process)
        yield f"http://127.0.0.1:{port}", tmp_path / "gunicorn.log"
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


def test_signed_in_browsing_goes_on_through_a_minute_without_redis(web_server, throwaway_redis):
    base, log_path = web_server
    person = make_representative(email="outage.browsing@axs.example")
    hasher = PBKDF2PasswordHasher()  # as the server checks it (the tests' own hasher is a fast one)
    person.password = hasher.encode(PASSWORD, hasher.salt())
    person.save(update_fields=["password"])
    cache = redis.Redis.from_url(throwaway_redis.url(1))
    browser = Person(base)
    pages = [reverse("home"), reverse("documents:document-list"), reverse("sdg:goal-detail", args=[7])]
    pages.append(reverse("companies:directory"))

    def browse(seconds):
        until = time.monotonic() + seconds
        while time.monotonic() < until:
            for page in pages:
                browser.open(page)

    assert "entrar" not in browser.sign_in(person.email, PASSWORD)[2]
    browse(3)
    assert cache.dbsize() > 0, "the session and the pages were not cached before the outage"

    throwaway_redis.stop()
    outage_started = time.monotonic()
    browse(OUTAGE_SECONDS / 2)
    # Sign out and in again, and mistype once: sessions and throttling go on from the database.
    browser.post(reverse("accounts:logout"), {})
    status, page, _url = browser.sign_in(person.email, "not the password")
    assert status == 200 and 'name="password"' in page
    assert "entrar" not in browser.sign_in(person.email, PASSWORD)[2]
    browse(OUTAGE_SECONDS - (time.monotonic() - outage_started))
    outage_ended = time.monotonic()
    throwaway_redis.start()
    browse(8)

    during = [answer for answer in browser.answers if outage_started <= answer[0] < outage_ended]
    errors = [answer for answer in browser.answers if answer[1] >= 500]
    assert not errors, (errors[:5], log_path.read_text()[-3000:])
    signed_out = [answer for answer in browser.answers if answer[2] in pages and "entrar" in answer[3]]
    assert not signed_out, signed_out[:5]  # the session was never lost
    assert len(during) >= 40, f"only {len(during)} pages in {OUTAGE_SECONDS} s without Redis"
    assert {answer[1] for answer in during} == {200}
    # Redis is back, empty: the session and the pages are kept there again.
    keys = [key.decode() for key in cache.keys("*")]
    assert any("sessions" in key for key in keys), keys
    assert any("fragments:" in key for key in keys), keys
