"""The periodic task that opens and closes ballots at their times."""

import datetime

import pytest
from django.utils import timezone

from projects.tasks import ballots_due

from .ballot_scene import make_ballot

pytestmark = pytest.mark.django_db


def test_the_task_closes_a_ballot_whose_time_has_passed_and_is_safe_to_run_twice(scene):
    ballot = make_ballot(scene)
    type(ballot).objects.filter(pk=ballot.pk).update(closes_at=timezone.now() - datetime.timedelta(minutes=1))
    assert ballots_due.delay().get()["closed"] == 1
    assert ballots_due.delay().get()["closed"] == 0
    ballot.refresh_from_db()
    assert ballot.status == "closed"


def test_celery_beat_runs_ballots_due_every_minute():
    from django.conf import settings

    from axs_platform.celery import app
    from projects.tasks import ballots_due

    entries = [entry for entry in settings.CELERY_BEAT_SCHEDULE.values() if entry["task"] == ballots_due.name]
    assert len(entries) == 1 and entries[0]["schedule"] == 60.0
    assert app.conf.beat_schedule == settings.CELERY_BEAT_SCHEDULE
    assert ballots_due.name in app.tasks
