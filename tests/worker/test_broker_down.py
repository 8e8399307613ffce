"""A document asked for while the broker is down: the page answers within a second or two and says so,
the job is kept, and the sweep sends it once the broker is back.

The platform runs in a process of its own whose broker is a throwaway redis-server (never the shared
one), stopped while the request is made and started again for the sweep.
"""

import json
import os
import subprocess
import sys

import pytest
import redis
from django.db import connection

from documents.models import Document
from sdg.models import Goal
from tests.factories import make_representative

from .conftest import ROOT, _database_url

ASK = """
import json, os, time
import django
django.setup()
from django.test import Client
from django.urls import reverse
from accounts.models import User
client = Client()
client.force_login(User.objects.get(pk=int(os.environ["PERSON"])))
data = {"kind": "sdg.goal_sheet", "object_id": os.environ["GOAL"], "language": "es-mx"}
started = time.monotonic()
response = client.post(reverse("documents:document-request"), data, follow=True)
print(json.dumps({"status": response.status_code, "seconds": time.monotonic() - started,
                  "page": response.content.decode()}))
"""
SWEEP = """
import django
django.setup()
from documents.queueing import documents_sweep
print(documents_sweep())
"""


def run(script, broker_url, **env):
    completed = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "axs_platform.settings",
            "DATABASE_URL": _database_url(),
            "CELERY_BROKER_URL": broker_url,
            "CELERY_TASK_DEFAULT_QUEUE": "broker-down-test",
            "CACHE_URL": "",
            **env,
        },
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert completed.returncode == 0, completed.stderr
    return completed.stdout.strip().splitlines()[-1]


@pytest.mark.django_db(transaction=True)
def test_asking_while_the_broker_is_down_answers_quickly_and_the_sweep_sends_the_job_later(throwaway_redis):
    if connection.vendor != "postgresql":
        pytest.skip("The platform's process needs a database it can share with the test (PostgreSQL).")
    broker_url = throwaway_redis.url(0)
    port = throwaway_redis.port
    throwaway_redis.stop()
    person = make_representative()
    goal = Goal.objects.get(number=13)

    answer = json.loads(run(ASK, broker_url, PERSON=str(person.pk), GOAL=str(goal.pk)))
    assert answer["status"] == 200
    assert answer["seconds"] < 2.5, answer["seconds"]
    assert "La cola de documentos no responde en este momento" in answer["page"]
    document = Document.objects.get()
    assert document.status == Document.Status.QUEUED and document.sent_at is None

    throwaway_redis.port = port
    throwaway_redis.start()
    assert run(SWEEP, broker_url) == "1"
    document.refresh_from_db()
    assert document.sent_at is not None
    [message] = redis.Redis.from_url(broker_url).lrange("broker-down-test", 0, -1)
    assert json.loads(message)["headers"]["argsrepr"] == f"({document.pk},)"
