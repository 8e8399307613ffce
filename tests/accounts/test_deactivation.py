"""Deactivating a person ends what they were signed in with; reactivating them starts clean."""

import pytest
from django.test import Client
from django.urls import reverse

from accounts.services import user_update
from tests.factories import PASSWORD, make_representative, make_staff

pytestmark = pytest.mark.django_db
PROFILE = reverse("accounts:profile")


def test_a_session_opened_before_deactivation_is_refused_after_reactivation():
    staff, person = make_staff(), make_representative()
    browser = Client()
    assert browser.login(username=person.email, password=PASSWORD)
    assert browser.get(PROFILE).status_code == 200
    user_update(actor=staff, user=person, is_active=False)
    assert browser.get(PROFILE).status_code == 302
    user_update(actor=staff, user=person, is_active=True)
    response = browser.get(PROFILE)
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))
    fresh = Client()
    assert fresh.login(username=person.email, password=PASSWORD)  # the password itself still works
    assert fresh.get(PROFILE).status_code == 200


def test_other_changes_keep_the_person_signed_in():
    staff, person = make_staff(), make_representative()
    browser = Client()
    browser.force_login(person)
    user_update(actor=staff, user=person, job_title="Coordinadora")
    assert browser.get(PROFILE).status_code == 200


def test_deactivation_stops_the_calendar_feed_for_good():
    from audit.models import AuditEvent
    from committees.services import calendar_feed_renew

    staff, person = make_staff(), make_representative()
    feed, _created = calendar_feed_renew(person=person)
    address = reverse("committees:calendar-feed", args=[feed.token])
    assert Client().get(address).status_code == 200
    user_update(actor=staff, user=person, is_active=False)
    user_update(actor=staff, user=person, is_active=True)
    assert Client().get(address).status_code == 404  # reactivated, the old address still answers nothing
    stopped = AuditEvent.objects.get(action="committees.calendar_feed_stopped")
    assert stopped.actor_id == staff.pk
    user_update(actor=staff, user=person, is_active=False)  # no working feed: nothing to stop, no refusal
