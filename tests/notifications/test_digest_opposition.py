"""A person who opposes newsletters and reminders (privacy app) gets no digest; the notifications stay in the inbox."""

import datetime
import zoneinfo

import pytest
from django.urls import reverse

from axs_platform.models import OutgoingEmail
from notifications import kinds
from notifications.digests import digests_due
from notifications.models import Delivery, Digest, Notification, Preference
from notifications.services import notify
from privacy import services as privacy_services
from tests.factories import make_representative

MEXICO = zoneinfo.ZoneInfo("America/Mexico_City")
WEDNESDAY_MORNING = datetime.datetime(2026, 3, 11, 8, 0, tzinfo=MEXICO)
NEXT_MONDAY_MORNING = datetime.datetime(2026, 3, 16, 8, 0, tzinfo=MEXICO)  # the weekly digest's

pytestmark = pytest.mark.django_db


def _waiting(person, delivery):
    Preference.objects.update_or_create(person=person, kind=kinds.BALLOT, defaults={"delivery": delivery})
    notification = notify(recipient=person, kind=kinds.BALLOT, title="Votación abierta", link="/votaciones/1/")
    Notification.objects.filter(pk=notification.pk).update(created_at=WEDNESDAY_MORNING - datetime.timedelta(hours=12))


@pytest.mark.parametrize("period", [Delivery.DAILY, Delivery.WEEKLY])
def test_the_digest_is_not_sent_to_a_person_who_opposes_reminders(period, django_capture_on_commit_callbacks):
    opposing, willing = make_representative(), make_representative()
    privacy_services.purposes_set(person=opposing, choices={"reminders": False})
    for person in (opposing, willing):
        _waiting(person, period)
    now = WEDNESDAY_MORNING + datetime.timedelta(
        days=(7 - WEDNESDAY_MORNING.weekday()) % 7 if period == "weekly" else 0
    )

    with django_capture_on_commit_callbacks(execute=True):
        digests_due(now=now)
        digests_due(now=now + datetime.timedelta(hours=1))  # safe to run twice: still nothing for them

    assert [email.to for email in OutgoingEmail.objects.all()] == [[willing.email]]
    digest = Digest.objects.get(recipient=opposing)
    assert digest.status == Digest.Status.OPPOSED and digest.notification_count == 1
    assert Notification.objects.filter(recipient=opposing, read_at__isnull=True).count() == 1  # still in the inbox
    assert Digest.objects.get(recipient=willing).status == Digest.Status.SENT


def test_the_preferences_page_tells_one_who_opposes_reminders_that_digests_are_not_e_mailed(client):
    opposing, willing = make_representative(), make_representative()
    privacy_services.purposes_set(person=opposing, choices={"reminders": False})
    url = reverse("notifications:preferences")
    notice = "no se le envían los resúmenes diarios ni semanales"

    client.force_login(opposing)
    page = client.get(url).content.decode()
    assert notice in page
    assert "Los recordatorios no le llegan" in page
    assert reverse("privacy:my-purposes") in page

    client.force_login(willing)
    assert notice not in client.get(url).content.decode()
