"""Digests: one e-mail per person and period, in their language and time zone, never twice."""

import datetime
import threading
import zoneinfo

import pytest
from django.core import mail
from django.db import connection, connections

from axs_platform.models import OutgoingEmail
from notifications import kinds
from notifications.digests import digests_due
from notifications.models import Delivery, Digest, Notification, Preference
from notifications.services import notify
from tests.factories import make_representative

MEXICO = zoneinfo.ZoneInfo("America/Mexico_City")
TOKYO = zoneinfo.ZoneInfo("Asia/Tokyo")
# A Wednesday and the Monday of its week, at 08:00 in Mexico City (the digest hour is 07:00).
WEDNESDAY_MORNING = datetime.datetime(2026, 3, 11, 8, 0, tzinfo=MEXICO)


def _waiting(person, delivery, *, count=2, at=WEDNESDAY_MORNING - datetime.timedelta(hours=12), kind=kinds.BALLOT):
    Preference.objects.update_or_create(person=person, kind=kind, defaults={"delivery": delivery})
    for number in range(count):
        notification = notify(recipient=person, kind=kind, title=f"Evento {number}", link=f"/votaciones/{number}/")
        Notification.objects.filter(pk=notification.pk).update(created_at=at)


@pytest.mark.django_db
def test_the_digest_job_run_twice_sends_one_email_per_person_and_period(django_capture_on_commit_callbacks):
    person = make_representative(preferred_language="es-mx")
    _waiting(person, Delivery.DAILY, count=3)
    with django_capture_on_commit_callbacks(execute=True):
        first = digests_due(now=WEDNESDAY_MORNING)
        second = digests_due(now=WEDNESDAY_MORNING + datetime.timedelta(hours=1))
    assert first == {"daily": 1, "weekly": 0}
    assert second == {"daily": 0, "weekly": 0}
    digest = Digest.objects.get()
    assert (digest.period, digest.starts_on, digest.notification_count) == ("daily", datetime.date(2026, 3, 11), 3)
    email = OutgoingEmail.objects.get()
    assert email.to == [person.email]
    assert email.subject == "Su resumen diario de AxS: 3 avisos"
    assert Notification.objects.filter(digest=digest).count() == 3


@pytest.mark.django_db
def test_a_notification_after_the_morning_waits_for_the_next_days_digest(django_capture_on_commit_callbacks):
    person = make_representative()
    _waiting(person, Delivery.DAILY, count=1)
    _waiting(person, Delivery.DAILY, count=1, at=WEDNESDAY_MORNING + datetime.timedelta(hours=2))
    with django_capture_on_commit_callbacks(execute=True):
        digests_due(now=WEDNESDAY_MORNING + datetime.timedelta(hours=3))
        digests_due(now=WEDNESDAY_MORNING + datetime.timedelta(days=1))
    assert list(Digest.objects.order_by("starts_on").values_list("starts_on", "notification_count")) == [
        (datetime.date(2026, 3, 11), 1),
        (datetime.date(2026, 3, 12), 1),
    ]
    assert OutgoingEmail.objects.count() == 2


@pytest.mark.django_db
def test_digests_follow_each_persons_time_zone_and_language(django_capture_on_commit_callbacks):
    in_mexico = make_representative(preferred_language="es-mx")
    in_tokyo = make_representative(preferred_language="en", time_zone="Asia/Tokyo")
    before = datetime.datetime(2026, 3, 10, 12, 0, tzinfo=MEXICO)
    _waiting(in_mexico, Delivery.DAILY, count=1, at=before)
    _waiting(in_tokyo, Delivery.DAILY, count=1, at=before)
    tokyo_morning = datetime.datetime(2026, 3, 11, 7, 30, tzinfo=TOKYO)  # 16:30 of the 10th in Mexico City
    with django_capture_on_commit_callbacks(execute=True):
        digests_due(now=tokyo_morning)
    assert list(Digest.objects.values_list("recipient", "starts_on")) == [(in_tokyo.pk, datetime.date(2026, 3, 11))]
    [email] = mail.outbox
    assert email.subject == "Your daily AxS digest: 1 notification"
    assert "/votaciones/0/" in email.body
    # The notification's time is written in Tokyo's time: 12:00 in Mexico City is 03:00 of the 11th there.
    assert "March 11, 2026, 3 a.m." in email.body


@pytest.mark.django_db
def test_the_weekly_digest_goes_on_monday_morning_with_the_week_before(django_capture_on_commit_callbacks):
    person = make_representative(preferred_language="en")
    last_week = datetime.datetime(2026, 3, 4, 10, 0, tzinfo=MEXICO)
    _waiting(person, Delivery.WEEKLY, count=2, at=last_week)
    sunday = datetime.datetime(2026, 3, 8, 20, 0, tzinfo=MEXICO)
    monday_early = datetime.datetime(2026, 3, 9, 6, 0, tzinfo=MEXICO)
    monday_morning = datetime.datetime(2026, 3, 9, 7, 5, tzinfo=MEXICO)
    with django_capture_on_commit_callbacks(execute=True):
        assert digests_due(now=sunday) == {"daily": 0, "weekly": 0}  # last week's was already claimed, on the 2nd
        Digest.objects.all().delete()
        assert digests_due(now=monday_early) == {"daily": 0, "weekly": 0}
        assert digests_due(now=monday_morning) == {"daily": 0, "weekly": 1}
        assert digests_due(now=WEDNESDAY_MORNING) == {"daily": 0, "weekly": 0}
    digest = Digest.objects.get()
    assert (digest.period, digest.starts_on, digest.notification_count) == ("weekly", datetime.date(2026, 3, 9), 2)
    assert OutgoingEmail.objects.get().subject == "Your weekly AxS digest: 2 notifications"


@pytest.mark.django_db
def test_a_person_without_an_email_address_is_skipped_and_logged_once(caplog, django_capture_on_commit_callbacks):
    person = make_representative()
    _waiting(person, Delivery.DAILY, count=2)
    person.email = f"anonimizada-{person.pk}@anonimizada.invalid"
    person.save()
    with django_capture_on_commit_callbacks(execute=True):
        digests_due(now=WEDNESDAY_MORNING)
        digests_due(now=WEDNESDAY_MORNING + datetime.timedelta(hours=1))
    digest = Digest.objects.get()
    assert digest.status == Digest.Status.NO_ADDRESS
    assert OutgoingEmail.objects.count() == 0
    assert caplog.text.count("no e-mail address") == 1
    assert Notification.objects.filter(recipient=person, read_at__isnull=True).count() == 2


@pytest.mark.django_db
def test_nothing_waiting_records_no_digest():
    make_representative()
    assert digests_due(now=WEDNESDAY_MORNING) == {"daily": 0, "weekly": 0}
    assert Digest.objects.count() == 0


def test_two_digest_jobs_at_once_send_one_email_each_person(transactional_db):
    if connection.vendor != "postgresql":
        pytest.skip("Parallel transactions need PostgreSQL; SQLite serializes every writer.")
    people = [make_representative() for _ in range(5)]
    for person in people:
        _waiting(person, Delivery.DAILY, count=2)
    barrier = threading.Barrier(4)
    results = []

    def run():
        try:
            barrier.wait()
            results.append(digests_due(now=WEDNESDAY_MORNING)["daily"])
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sum(results) == 5
    assert Digest.objects.count() == 5
    assert OutgoingEmail.objects.count() == 5
    assert sorted(OutgoingEmail.objects.values_list("to", flat=True)) == sorted([[p.email] for p in people])


@pytest.mark.django_db
def test_an_inactive_person_gets_no_digest_and_the_period_is_recorded_not_sent(
    caplog, django_capture_on_commit_callbacks
):
    person = make_representative()
    _waiting(person, Delivery.DAILY, count=2)
    person.is_active = False
    person.save()
    with django_capture_on_commit_callbacks(execute=True):
        digests_due(now=WEDNESDAY_MORNING)
        digests_due(now=WEDNESDAY_MORNING + datetime.timedelta(hours=1))
    assert Digest.objects.get().status == Digest.Status.NO_ADDRESS
    assert OutgoingEmail.objects.count() == 0
    assert caplog.text.count("inactive") == 1
