"""Personal tokens: issued and revoked by staff, stored as a digest, audited; a bad token is refused with 401."""

import datetime

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from api import services
from api.models import ApiToken, key_digest
from audit.models import AuditEvent
from tests.factories import make_representative, make_staff

from .helpers import client_for, issue

pytestmark = pytest.mark.django_db
GOALS = "/api/v1/goals/"


def test_issued_key_is_stored_only_as_its_digest_and_audited():
    staff, person = make_staff(), make_representative()
    token, key = issue(person, staff=staff)
    assert key.startswith("axs_") and len(key) > 40
    token.refresh_from_db()
    assert token.key_hash == key_digest(key) and key not in token.key_hash
    assert token.key_prefix == key[4:12]
    assert not ApiToken.objects.filter(key_hash=key).exists()
    event = AuditEvent.objects.get(action="api.token_issued")
    assert event.actor == staff and event.target_id == str(token.pk)


def test_only_staff_issue_and_only_staff_or_the_person_revoke():
    staff, person = make_staff(), make_representative()
    with pytest.raises(PermissionDenied):
        issue(person, staff=person)
    token, _key = issue(person, staff=staff)
    with pytest.raises(PermissionDenied):
        services.token_revoke(actor=make_representative(), token=token)


def test_expiry_must_be_ahead_and_not_too_far():
    staff, person = make_staff(), make_representative()
    with pytest.raises(ValidationError) as error:
        issue(person, staff=staff, days=-1)
    assert error.value.error_dict["expires_on"][0].code == "expired"
    with pytest.raises(ValidationError) as error:
        issue(person, staff=staff, days=400)
    assert error.value.error_dict["expires_on"][0].code == "too_long"


def test_a_valid_token_authenticates_and_records_its_last_use():
    staff, person = make_staff(), make_representative()
    token, key = issue(person, staff=staff)
    assert client_for(key).get("/api/v1/calls/").status_code == 200
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_revoked_token_gets_401_saying_so_and_the_row_stays():
    staff, person = make_staff(), make_representative()
    token, key = issue(person, staff=staff)
    services.token_revoke(actor=staff, token=token)
    response = client_for(key, HTTP_ACCEPT_LANGUAGE="en").get(GOALS)
    assert response.status_code == 401
    assert "revoked" in response.json()["detail"]
    assert response["WWW-Authenticate"].startswith("Bearer")
    assert ApiToken.objects.filter(pk=token.pk, revoked_by=staff).exists()
    assert AuditEvent.objects.filter(action="api.token_revoked", target_id=str(token.pk)).exists()
    with pytest.raises(ValidationError):
        services.token_revoke(actor=staff, token=token)


def test_expired_token_gets_401_saying_so():
    staff, person = make_staff(), make_representative()
    _token, key = issue(person, staff=staff, days=1)
    with time_machine.travel(timezone.now() + datetime.timedelta(days=3), tick=False):
        response = client_for(key, HTTP_ACCEPT_LANGUAGE="en").get(GOALS)
    assert response.status_code == 401
    assert "expired" in response.json()["detail"]


def test_unknown_token_and_deactivated_person_get_401():
    staff, person = make_staff(), make_representative()
    _token, key = issue(person, staff=staff)
    assert client_for("axs_not-a-real-key").get(GOALS).status_code == 401
    person.is_active = False
    person.save(update_fields=["is_active"])
    response = client_for(key, HTTP_ACCEPT_LANGUAGE="en").get(GOALS)
    assert response.status_code == 401 and "not active" in response.json()["detail"]


def test_401_messages_follow_accept_language():
    response = client_for("axs_nope", HTTP_ACCEPT_LANGUAGE="es").get(GOALS)
    assert response.json()["detail"] == "Esta clave no es válida."


def test_staff_page_issues_a_token_and_shows_its_key_once():
    staff, person = make_staff(), make_representative()
    client = Client()
    client.force_login(staff)
    day = (timezone.localdate() + datetime.timedelta(days=10)).isoformat()
    response = client.post(reverse("api:token-list"), {"email": person.email, "name": "Tablero", "expires_on": day})
    assert response.status_code == 200
    token = ApiToken.objects.get(person=person)
    key = response.context["key"]
    assert token.key_hash == key_digest(key) and key.encode() in response.content
    assert "no-cache" in response["Cache-Control"] or "no-store" in response["Cache-Control"]
    again = client.get(reverse("api:token-list"))
    assert key.encode() not in again.content and token.key_prefix.encode() in again.content


def test_staff_page_keeps_what_was_typed_when_the_email_is_unknown():
    client = Client()
    client.force_login(make_staff())
    response = client.post(
        reverse("api:token-list"), {"email": "nadie@example.org", "name": "Tablero", "expires_on": "2020-01-01"}
    )
    assert response.status_code == 200
    assert not ApiToken.objects.exists()
    assert b"nadie@example.org" in response.content and b"Tablero" in response.content
    assert response.context["form"].errors["email"]


def test_staff_page_revokes_on_post():
    staff, person = make_staff(), make_representative()
    token, key = issue(person, staff=staff)
    client = Client()
    client.force_login(staff)
    response = client.post(reverse("api:token-revoke", args=[token.pk]))
    assert response.status_code == 302
    token.refresh_from_db()
    assert token.revoked_by == staff
    assert client_for(key).get(GOALS).status_code == 401


def test_people_other_than_staff_cannot_reach_the_token_pages():
    staff, person = make_staff(), make_representative()
    token, _key = issue(person, staff=staff)
    client = Client()
    client.force_login(person)
    assert client.get(reverse("api:token-list")).status_code == 403
    assert client.post(reverse("api:token-revoke", args=[token.pk])).status_code == 403
    token.refresh_from_db()
    assert token.revoked_at is None


def test_the_person_sees_their_tokens_on_their_profile_not_the_key():
    staff, person = make_staff(), make_representative()
    token, key = issue(person, staff=staff, name="Mi tablero")
    client = Client()
    client.force_login(person)
    page = client.get(reverse("accounts:profile")).content.decode()
    assert "Mi tablero" in page and token.key_prefix in page and key not in page


def test_a_token_works_through_its_last_day_and_shows_that_day():
    staff, person = make_staff(), make_representative()
    token, key = issue(person, staff=staff, days=3)
    last_day = timezone.localdate() + datetime.timedelta(days=3)
    assert token.last_day == last_day
    evening = timezone.make_aware(datetime.datetime.combine(last_day, datetime.time(23, 59)))
    with time_machine.travel(evening, tick=False):
        assert client_for(key).get(GOALS).status_code == 200
    with time_machine.travel(evening + datetime.timedelta(minutes=2), tick=False):
        assert client_for(key).get(GOALS).status_code == 401


def test_deactivating_a_person_revokes_their_tokens_for_good():
    from accounts.services import user_update

    staff, person = make_staff(), make_representative()
    token, key = issue(person, staff=staff)
    user_update(actor=staff, user=person, is_active=False)
    user_update(actor=staff, user=person, is_active=True)
    response = client_for(key, HTTP_ACCEPT_LANGUAGE="en").get(GOALS)
    assert response.status_code == 401 and "revoked" in response.json()["detail"]
    token.refresh_from_db()
    assert token.revoked_by == staff
    assert AuditEvent.objects.filter(action="api.token_revoked", target_id=str(token.pk)).exists()


def test_a_person_revokes_their_own_token_from_their_profile_and_nobody_elses():
    staff, person, other = make_staff(), make_representative(), make_representative()
    token, key = issue(person, staff=staff, name="Mi tablero")
    others_token, _other_key = issue(other, staff=staff)
    client = Client()
    client.force_login(person)
    revoke = reverse("api:my-token-revoke", args=[token.pk])
    assert f'action="{revoke}"' in client.get(reverse("accounts:profile")).content.decode()
    assert client.get(revoke).status_code == 405
    assert client.post(reverse("api:my-token-revoke", args=[others_token.pk])).status_code == 404
    response = client.post(revoke)
    assert response.status_code == 302 and response.url == reverse("accounts:profile")
    token.refresh_from_db()
    others_token.refresh_from_db()
    assert token.revoked_by == person and others_token.revoked_at is None
    assert AuditEvent.objects.filter(action="api.token_revoked", actor=person, target_id=str(token.pk)).exists()
    assert client_for(key).get(GOALS).status_code == 401
    assert f'action="{revoke}"' not in client.get(reverse("accounts:profile")).content.decode()


def test_the_service_lets_a_person_revoke_only_their_own_token():
    staff, person, other = make_staff(), make_representative(), make_representative()
    token, _key = issue(person, staff=staff)
    with pytest.raises(PermissionDenied):
        services.token_revoke(actor=other, token=token)
    services.token_revoke(actor=person, token=token)


def test_the_person_is_told_by_email_in_their_language_when_a_token_is_issued_in_their_name(
    django_capture_on_commit_callbacks,
):
    from django.core import mail

    staff = make_staff()
    person = make_representative(email="lee@b.example", preferred_language="en")
    with django_capture_on_commit_callbacks(execute=True):
        token, key = issue(person, staff=staff, name="Dashboard")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["lee@b.example"]
    assert message.subject == "An API token was issued in your name"
    assert "Dashboard" in message.body and token.key_prefix in message.body and key not in message.body
