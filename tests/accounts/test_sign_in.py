"""Signing in with e-mail and password, signing out, and throttling repeated failures."""

import datetime

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from audit.identifiers import sign_in_identifier
from audit.models import AuditEvent, EventPersonalPart
from tests.factories import PASSWORD, make_representative

pytestmark = pytest.mark.django_db
LOGIN = reverse("accounts:login")
WRONG = "El correo electrónico o la contraseña no son correctos"


def sign_in(client, email, password=PASSWORD, **extra):
    return client.post(LOGIN, {"username": email, "password": password}, **extra)


def test_a_person_signs_in_with_email_and_password_and_lands_on_home(client):
    user = make_representative(email="mariana@bimbo.example")
    response = sign_in(client, "Mariana@Bimbo.example")
    assert response.status_code == 302
    assert response.url == reverse("home")
    assert int(client.session["_auth_user_id"]) == user.pk
    assert AuditEvent.objects.filter(action=AuditEvent.Action.LOGIN, actor=user).count() == 1


def test_sign_in_follows_next_when_it_is_a_local_page(client):
    make_representative(email="a@b.example")
    response = client.post(LOGIN + "?next=/cuenta/perfil/", {"username": "a@b.example", "password": PASSWORD})
    assert response.url == "/cuenta/perfil/"


def test_wrong_password_and_unknown_email_get_the_same_message(client):
    make_representative(email="known@b.example")
    wrong_password = sign_in(client, "known@b.example", "not-the-password")
    unknown_email = sign_in(client, "nobody@b.example", "not-the-password")
    assert wrong_password.status_code == unknown_email.status_code == 200
    assert WRONG in wrong_password.content.decode()
    assert WRONG in unknown_email.content.decode()
    assert "known@b.example" in wrong_password.content.decode()  # what was typed is kept


def test_an_inactive_person_cannot_sign_in_and_is_told_nothing_more(client):
    make_representative(email="gone@b.example", is_active=False)
    response = sign_in(client, "gone@b.example")
    assert WRONG in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_failed_sign_ins_are_recorded_with_a_keyed_hash_of_the_typed_email(client, settings):
    sign_in(client, "Someone@B.example", "bad")
    event = AuditEvent.objects.get(action=AuditEvent.Action.LOGIN_FAILED)
    # Kept apart from the chain, which holds only their digest, so that retention can erase them.
    assert (event.identifier, event.ip_address) == ("", None) and len(event.personal_digest) == 64
    typed = event.personal_part.identifier
    assert "someone" not in typed and typed == sign_in_identifier("someone@b.example")
    assert typed.startswith("hmac:") and len(typed) == 5 + 64
    settings.AXS_AUDIT_IDENTIFIER_KEY = "another key, set apart from the secret key"
    assert sign_in_identifier("someone@b.example") != typed  # a new key: older records unlinkable
    assert event.actor is None
    assert event.personal_part.ip_address == "127.0.0.1"


def test_after_five_failures_even_the_right_password_is_refused_for_a_while(client, settings):
    settings.AXS_LOGIN_FAILURE_LIMIT = 5
    make_representative(email="target@b.example")
    for _attempt in range(5):
        sign_in(client, "target@b.example", "guess")
    response = sign_in(client, "target@b.example")
    assert response.status_code == 200
    assert "Demasiados intentos fallidos" in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert AuditEvent.objects.filter(action=AuditEvent.Action.LOGIN_THROTTLED).count() == 1


def test_throttling_applies_to_unknown_emails_too_so_it_reveals_nothing(client, settings):
    settings.AXS_LOGIN_FAILURE_LIMIT = 3
    for _attempt in range(3):
        sign_in(client, "ghost@b.example", "guess")
    assert "Demasiados intentos fallidos" in sign_in(client, "ghost@b.example", "guess").content.decode()


def test_failures_older_than_the_window_no_longer_count(client, settings):
    settings.AXS_LOGIN_FAILURE_LIMIT = 2
    make_representative(email="late@b.example")
    # The trail refuses UPDATE (its trigger), so the failures are made in the past instead.
    earlier = timezone.now() - datetime.timedelta(seconds=settings.AXS_LOGIN_FAILURE_WINDOW_SECONDS + 60)
    with time_machine.travel(earlier, tick=False):
        for _attempt in range(2):
            sign_in(client, "late@b.example", "guess")
    assert sign_in(client, "late@b.example").status_code == 302


def test_many_failures_from_one_address_throttle_every_email_from_it(client, settings):
    settings.AXS_LOGIN_FAILURE_LIMIT = 1
    make_representative(email="victim@b.example")
    for number in range(10):
        sign_in(client, f"spray{number}@b.example", "guess")
    assert "Demasiados intentos fallidos" in sign_in(client, "victim@b.example").content.decode()


def test_sign_out_is_a_post_and_is_recorded(client):
    user = make_representative()
    client.force_login(user)
    response = client.post(reverse("accounts:logout"))
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session
    assert AuditEvent.objects.filter(action=AuditEvent.Action.LOGOUT, actor=user).exists()


def test_opening_sign_out_asks_to_confirm_and_signs_out_nobody(client):
    user = make_representative()
    client.force_login(user)
    response = client.get(reverse("accounts:logout"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "¿Cerrar sesión?" in page and f'action="{reverse("accounts:logout")}"' in page and 'method="post"' in page
    assert client.session["_auth_user_id"] == str(user.pk)
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.LOGOUT).exists()


def test_opening_sign_out_when_signed_out_goes_home(client):
    response = client.get(reverse("accounts:logout"))
    assert response.status_code == 302 and response.url == reverse("home")


def test_opening_the_language_switch_goes_back_to_the_page_it_came_from(client):
    language = reverse("accounts:set-language")
    came_from = "http://testserver" + reverse("sdg:goal-list")
    response = client.get(language, HTTP_REFERER=came_from)
    assert response.status_code == 302 and response.url == came_from
    assert client.get(language).url == reverse("home")
    assert client.get(language, HTTP_REFERER="https://elsewhere.example/").url == reverse("home")


def test_a_signed_in_person_opening_the_sign_in_page_goes_home(client):
    client.force_login(make_representative())
    assert client.get(LOGIN).status_code == 302


def test_a_strangers_guesses_from_another_address_do_not_lock_the_owner_out(client, settings):
    settings.AXS_LOGIN_FAILURE_LIMIT = 5
    make_representative(email="owner@b.example")
    for _attempt in range(5):
        sign_in(client, "owner@b.example", "guess", REMOTE_ADDR="203.0.113.9")
    assert "Demasiados intentos" in sign_in(client, "owner@b.example", REMOTE_ADDR="203.0.113.9").content.decode()
    assert sign_in(client, "owner@b.example", REMOTE_ADDR="198.51.100.20").status_code == 302


def test_guesses_on_one_account_from_many_addresses_lock_it(client, settings):
    settings.AXS_LOGIN_FAILURE_LIMIT = 2
    make_representative(email="wanted@b.example")
    for number in range(20):
        sign_in(client, "wanted@b.example", "guess", REMOTE_ADDR=f"203.0.113.{number + 1}")
    response = sign_in(client, "wanted@b.example", REMOTE_ADDR="198.51.100.20")
    assert "Demasiados intentos" in response.content.decode() and "_auth_user_id" not in client.session


def test_behind_a_proxy_each_visitor_is_counted_by_the_address_the_proxy_added(client, settings):
    settings.AXS_LOGIN_FAILURE_LIMIT = 1
    settings.AXS_BEHIND_PROXY = True
    make_representative(email="neighbour@b.example")
    proxy = {"REMOTE_ADDR": "10.0.0.2"}
    for number in range(10):
        # The client claims another address on the left; the proxy appends the one it saw.
        sign_in(
            client, f"spray{number}@b.example", "guess", HTTP_X_FORWARDED_FOR=f"192.0.2.{number}, 203.0.113.9", **proxy
        )
    event = AuditEvent.objects.filter(action=AuditEvent.Action.LOGIN_FAILED).first()
    assert event.personal_part.ip_address == "203.0.113.9"
    assert (
        "Demasiados intentos"
        in sign_in(client, "neighbour@b.example", HTTP_X_FORWARDED_FOR="203.0.113.9", **proxy).content.decode()
    )
    response = sign_in(client, "neighbour@b.example", HTTP_X_FORWARDED_FOR="198.51.100.20", **proxy)
    assert response.status_code == 302


def test_without_a_proxy_x_forwarded_for_is_not_believed(client, settings):
    settings.AXS_LOGIN_FAILURE_LIMIT = 1
    settings.AXS_BEHIND_PROXY = False
    make_representative(email="careful@b.example")
    for number in range(10):
        sign_in(client, f"spray{number}@b.example", "guess", HTTP_X_FORWARDED_FOR=f"192.0.2.{number}")
    assert set(EventPersonalPart.objects.values_list("ip_address", flat=True)) == {"127.0.0.1"}
    response = sign_in(client, "careful@b.example", HTTP_X_FORWARDED_FOR="198.51.100.20")
    assert "Demasiados intentos" in response.content.decode()


def test_the_admins_sign_in_is_throttled_like_the_platforms(client, settings):
    """Found by the role × URL matrix: /admin/login/ took guesses the platform's sign-in refuses."""
    from tests.factories import make_staff

    settings.AXS_LOGIN_FAILURE_LIMIT = 3
    make_staff(email="staff@b.example")
    admin_login = reverse("admin:login")
    for _attempt in range(3):
        client.post(admin_login, {"username": "staff@b.example", "password": "guess"})
    response = client.post(admin_login, {"username": "staff@b.example", "password": PASSWORD})
    assert response.status_code == 200 and "_auth_user_id" not in client.session
    assert AuditEvent.objects.filter(action=AuditEvent.Action.LOGIN_THROTTLED).count() == 1


def test_the_admins_sign_in_lets_staff_in_and_nobody_else(client):
    make_representative(email="rep@b.example")
    admin_login = reverse("admin:login")
    client.post(admin_login, {"username": "rep@b.example", "password": PASSWORD})
    assert "_auth_user_id" not in client.session
    from tests.factories import make_staff

    make_staff(email="staff@b.example")
    response = client.post(admin_login + "?next=/admin/", {"username": "staff@b.example", "password": PASSWORD})
    assert response.status_code == 302 and "_auth_user_id" in client.session
