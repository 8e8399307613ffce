"""Reporters, followers who oppose reminders (privacy app) are not reminded of a report, before or after it is due."""

import datetime

import pytest

from monitoring.services.reminders import reminders_due
from notifications.models import Notification
from notifications.services import follow
from privacy import services as privacy_services
from tests.factories import make_staff

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("today", "counts"), [(datetime.date(2024, 4, 24), (1, 0)), (datetime.date(2024, 5, 1), (0, 1))]
)
def test_report_reminders_skip_reporters_and_followers_who_oppose_them(
    scene, today, counts, mailoutbox, django_capture_on_commit_callbacks
):
    opposing_follower, willing_follower = make_staff(), make_staff()
    for person in (opposing_follower, willing_follower):
        follow(actor=person, target=scene.proposal)
    for person in (scene.second_lead, opposing_follower):
        privacy_services.purposes_set(person=person, choices={"reminders": False})
    mailoutbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        assert reminders_due(today=today) == counts

    reminded = {address for message in mailoutbox for address in message.to}
    assert reminded == {scene.lead.email, willing_follower.email}
    for person in (scene.second_lead, opposing_follower):
        assert not Notification.objects.filter(recipient=person, kind="report").exists()
