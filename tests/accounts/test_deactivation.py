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


def _form_data(person, **overrides):
    data = {
        "email": person.email,
        "full_name": person.full_name,
        "job_title": person.job_title,
        "phone": person.phone,
        "role": person.role,
        "preferred_language": person.preferred_language,
    }  # no "is_active": the box is unticked
    data.update(overrides)
    return data


def test_staff_see_what_ends_before_they_confirm_a_deactivation(client):
    from committees.models import PostKind
    from tests.factories import make_committee, make_post_holder

    committee = make_committee(4, name="Comité de Educación")
    secretary = make_post_holder(committee, PostKind.SECRETARY, full_name="Tomás Beltrán")
    organization = secretary.representations.get().organization
    client.force_login(make_staff())
    url = reverse("accounts:user-update", args=[secretary.pk])
    response = client.post(url, _form_data(secretary))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Confirme la desactivación" in page
    assert "Secretaría" in page and "Comité de Educación" in page
    assert str(organization) in page
    assert "Reactivar la cuenta no los vuelve a abrir" in page
    secretary.refresh_from_db()
    assert secretary.is_active  # nothing changed before the confirmation


def test_confirming_the_deactivation_ends_the_post_with_the_reason_typed(client):
    from committees.models import Post, PostKind
    from tests.factories import make_committee, make_post_holder

    committee = make_committee(4)
    secretary = make_post_holder(committee, PostKind.SECRETARY)
    staff = make_staff()
    client.force_login(staff)
    url = reverse("accounts:user-update", args=[secretary.pk])
    response = client.post(url, _form_data(secretary, confirm="yes", reason="Se jubiló"))
    assert response.status_code == 302
    secretary.refresh_from_db()
    assert not secretary.is_active
    assert Post.objects.get(holder=secretary).end_reason == "Se jubiló"
    from audit.models import AuditEvent

    event = AuditEvent.objects.get(
        action=AuditEvent.Action.UPDATED, target_type__model="user", target_id=str(secretary.pk)
    )
    assert event.message == "Se jubiló" and event.actor_id == staff.pk


def test_a_person_with_nothing_open_is_still_confirmed_before_deactivation(client):
    person = make_representative(full_name="Sin Cargos")
    client.force_login(make_staff())
    page = client.post(reverse("accounts:user-update", args=[person.pk]), _form_data(person)).content.decode()
    assert "Confirme la desactivación" in page
    assert "no tiene cargos, representaciones ni comités abiertos" in page
