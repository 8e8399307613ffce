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
