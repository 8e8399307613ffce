"""A voter who opposes reminders (privacy app) is told when a ballot opens but not reminded before it closes."""

import datetime

import pytest

from privacy import services as privacy_services
from projects import services

from .ballot_scene import make_ballot

pytestmark = pytest.mark.django_db


def test_the_ballot_reminder_skips_a_voter_who_opposes_reminders(scene, mailoutbox, django_capture_on_commit_callbacks):
    privacy_services.purposes_set(person=scene.voters[1], choices={"reminders": False})
    with django_capture_on_commit_callbacks(execute=True):
        ballot = make_ballot(scene)
    assert scene.voters[1].email in {address for message in mailoutbox for address in message.to}
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.ballots_due(now=ballot.closes_at - datetime.timedelta(hours=2))
    reminded = {address for message in mailoutbox for address in message.to}
    assert scene.voters[1].email not in reminded
    assert scene.voters[2].email in reminded
