"""When staff change a person's sign-in e-mail, the old address is told and the new one confirmed."""

import pytest
from django.core import mail
from django.urls import reverse

from accounts.services import user_update
from audit.models import AuditEvent
from axs_platform.models import OutgoingEmail
from tests.factories import make_representative, make_staff

pytestmark = pytest.mark.django_db


def _messages_to(address):
    return [message for message in mail.outbox if message.to == [address]]


def test_the_old_address_is_told_and_the_new_one_confirmed_in_the_persons_language(
    django_capture_on_commit_callbacks,
):
    staff = make_staff(full_name="Laura Méndez", email="laura@amexcid.example")
    person = make_representative(email="ana@vieja.example", full_name="Ana Ruiz", preferred_language="es-mx")
    with django_capture_on_commit_callbacks(execute=True):
        user_update(actor=staff, user=person, email="ana@nueva.example")
    [old] = _messages_to("ana@vieja.example")
    assert old.subject == "Se cambió el correo con el que inicia sesión"
    assert "ana@nueva.example" in old.body and "Laura Méndez" in old.body and "laura@amexcid.example" in old.body
    assert "Si no esperaba este cambio" in old.body
    [new] = _messages_to("ana@nueva.example")
    assert new.subject == "Ahora inicia sesión con este correo electrónico"
    assert "ana@vieja.example" in new.body and "laura@amexcid.example" in new.body
    kinds = set(OutgoingEmail.objects.values_list("kind", flat=True))
    assert {"accounts.email_changed", "accounts.email_confirmed"} <= kinds
    event = AuditEvent.objects.get(
        action=AuditEvent.Action.UPDATED, target_type__model="user", target_id=str(person.pk)
    )
    assert event.changes["email"] == ["ana@vieja.example", "ana@nueva.example"]


def test_a_person_who_reads_english_is_told_in_english(django_capture_on_commit_callbacks):
    person = make_representative(email="old@b.example", preferred_language="en")
    with django_capture_on_commit_callbacks(execute=True):
        user_update(actor=make_staff(), user=person, email="new@b.example")
    [old] = _messages_to("old@b.example")
    assert old.subject == "The e-mail address you sign in with was changed"
    assert "If you did not expect this change" in old.body


def test_other_changes_and_a_change_of_letter_case_send_nothing(django_capture_on_commit_callbacks):
    person = make_representative(email="same@b.example")
    with django_capture_on_commit_callbacks(execute=True):
        user_update(actor=make_staff(), user=person, job_title="Directora")
        user_update(actor=make_staff(), user=person, email="same@B.EXAMPLE")
    assert mail.outbox == []


def test_staff_changing_the_email_on_the_page_sends_both_notices(client, django_capture_on_commit_callbacks):
    client.force_login(make_staff())
    person = make_representative(email="antes@b.example", full_name="Persona Uno")
    data = {
        "email": "despues@b.example",
        "full_name": person.full_name,
        "job_title": "",
        "phone": "",
        "role": "representative",
        "preferred_language": "es-mx",
        "is_active": "on",
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("accounts:user-update", args=[person.pk]), data)
    assert response.status_code == 302
    assert sorted(message.to[0] for message in mail.outbox) == ["antes@b.example", "despues@b.example"]
