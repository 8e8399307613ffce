"""Password reset by e-mail (through the worker's task) and password change."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from audit.identifiers import sign_in_identifier
from audit.models import AuditEvent
from tests.factories import PASSWORD, make_representative

pytestmark = pytest.mark.django_db
RESET = reverse("accounts:password-reset")


def reset_link(message):
    return re.search(r"https?://[^/\s]+(/cuenta/contrasena/restablecer/\S+/)", message.body).group(1)


def test_reset_sends_a_single_use_link_in_the_accounts_language(client, django_capture_on_commit_callbacks):
    make_representative(email="eng@b.example", preferred_language="en")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(RESET, {"email": "ENG@b.example"})
    assert response.status_code == 302
    assert response.url == reverse("accounts:password-reset-done")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["eng@b.example"]
    assert message.subject == "Choose a new password for the Alliance for Sustainability"
    assert "/cuenta/contrasena/restablecer/" in message.body


def test_reset_in_spanish_for_a_spanish_speaking_account(client, django_capture_on_commit_callbacks):
    make_representative(email="es@b.example")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(RESET, {"email": "es@b.example"})
    assert mail.outbox[0].subject == "Elija una nueva contraseña para la Alianza por la Sostenibilidad"


def test_reset_for_an_unknown_email_looks_the_same_and_sends_nothing(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(RESET, {"email": "nobody@b.example"})
    assert response.url == reverse("accounts:password-reset-done")
    assert mail.outbox == []
    # The typed address is kept as the same keyed hash as a failed sign-in's, never in clear.
    requested = AuditEvent.objects.get(action=AuditEvent.Action.PASSWORD_RESET_REQUESTED)
    assert requested.identifier == "" and requested.personal_part.identifier == sign_in_identifier("nobody@b.example")
    assert "nobody" not in requested.personal_part.identifier


def test_the_link_sets_a_new_password_once(client, django_capture_on_commit_callbacks):
    user = make_representative(email="r@b.example")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(RESET, {"email": "r@b.example"})
    link = reset_link(mail.outbox[0])
    form_page = client.get(link, follow=True)
    set_password_url = form_page.redirect_chain[-1][0]
    response = client.post(
        set_password_url, {"new_password1": "Otra-Clave-Segura-77", "new_password2": "Otra-Clave-Segura-77"}
    )
    assert response.url == reverse("accounts:password-reset-complete")
    user.refresh_from_db()
    assert user.check_password("Otra-Clave-Segura-77")
    assert AuditEvent.objects.filter(action=AuditEvent.Action.PASSWORD_RESET_DONE, actor=user).exists()
    again = client.get(link, follow=True)
    assert "ya no funciona" in again.content.decode()


def test_password_change_needs_the_old_password_and_is_recorded(client):
    user = make_representative()
    client.force_login(user)
    url = reverse("accounts:password-change")
    refused = client.post(
        url, {"old_password": "wrong", "new_password1": "N3w-Pass-Word!", "new_password2": "N3w-Pass-Word!"}
    )
    assert refused.status_code == 200
    response = client.post(
        url, {"old_password": PASSWORD, "new_password1": "N3w-Pass-Word!", "new_password2": "N3w-Pass-Word!"}
    )
    assert response.url == reverse("accounts:profile")
    user.refresh_from_db()
    assert user.check_password("N3w-Pass-Word!")
    assert AuditEvent.objects.filter(action=AuditEvent.Action.PASSWORD_CHANGED, actor=user).exists()


def test_password_change_requires_sign_in(client):
    response = client.get(reverse("accounts:password-change"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


def test_a_link_sent_before_deactivation_no_longer_sets_a_password(client, django_capture_on_commit_callbacks):
    from accounts.services import user_update
    from tests.factories import make_staff

    user = make_representative(email="baja@b.example")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(RESET, {"email": "baja@b.example"})
    link = reset_link(mail.outbox[0])
    set_password_url = client.get(link, follow=True).redirect_chain[-1][0]  # opened while still active
    user_update(actor=make_staff(), user=user, is_active=False)
    assert "ya no funciona" in client.get(link, follow=True).content.decode()
    response = client.post(
        set_password_url, {"new_password1": "Otra-Clave-Segura-77", "new_password2": "Otra-Clave-Segura-77"}
    )
    assert "ya no funciona" in response.content.decode()
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


def test_a_persons_own_full_name_is_refused_as_their_password():
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    user = make_representative(full_name="Guadalupe Hernández Ochoa", job_title="Coordinadora de Alianzas")
    for typed in ("Guadalupe Hernández Ochoa", "Coordinadora de Alianzas"):
        with pytest.raises(ValidationError) as refused:
            validate_password(typed, user)
        assert "password_too_similar" in [error.code for error in refused.value.error_list]


def test_the_spanish_similarity_message_reads_well():
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError
    from django.utils import translation

    user = make_representative(email="guadalupe.hernandez@b.example")
    with translation.override("es-mx"), pytest.raises(ValidationError) as refused:
        validate_password("guadalupe.hernandez@b.example", user)
    assert "La contraseña se parece demasiado a su correo electrónico." in refused.value.messages


def test_reset_mails_to_one_address_stop_after_three_an_hour_and_the_answer_stays_the_same(
    client, django_capture_on_commit_callbacks
):
    import datetime

    import time_machine
    from django.utils import timezone

    make_representative(email="mucho@b.example")
    with django_capture_on_commit_callbacks(execute=True):
        answers = [client.post(RESET, {"email": "Mucho@b.example"}) for _ in range(12)]
    assert {(answer.status_code, answer.url) for answer in answers} == {(302, reverse("accounts:password-reset-done"))}
    assert len(mail.outbox) == 3
    assert AuditEvent.objects.filter(action=AuditEvent.Action.PASSWORD_RESET_REQUESTED).count() == 12
    later = timezone.now() + datetime.timedelta(minutes=61)
    with time_machine.travel(later), django_capture_on_commit_callbacks(execute=True):
        client.post(RESET, {"email": "mucho@b.example"})
    assert len(mail.outbox) == 4
