"""A staff member who opposes reminders is not reminded of requests nearly due; the rest of the unit still is."""

import datetime

import pytest

from notifications.models import Notification
from privacy import services
from tests.factories import make_representative, make_staff

pytestmark = pytest.mark.django_db


def test_deadline_reminders_skip_staff_who_oppose_reminders(mailoutbox, django_capture_on_commit_callbacks):
    opposing, willing = make_staff(), make_staff()
    services.purposes_set(person=opposing, choices={"reminders": False})
    rights_request = services.request_file(
        user=make_representative(), right="access", details="Mis datos.", channel="email"
    )
    mailoutbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        assert services.deadlines_remind(today=rights_request.due_on - datetime.timedelta(days=2)) == 1

    reminded = {address for message in mailoutbox for address in message.to}
    assert willing.email in reminded and opposing.email not in reminded
    assert not Notification.objects.filter(recipient=opposing, kind="privacy").exists()
