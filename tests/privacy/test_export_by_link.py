"""Somebody who filed an access request without an account gets the export by e-mail, as a signed, expiring link."""

import datetime
import io
import re
import zipfile

import pytest
import time_machine
from django.utils import timezone

from audit.models import AuditEvent
from documents.services import document_request
from privacy import services
from privacy.documents import PERSONAL_DATA
from privacy.services.notify import verification_token
from tests.factories import make_representative, make_staff

pytestmark = pytest.mark.django_db

LINK = re.compile(r"https?://\S+(/privacidad/solicitudes/exportacion/\S+/)")


def signed_out_request(person, language="es"):
    """File an access request without signing in, from the person's address, and confirm it by the link."""
    rights_request = services.request_file(
        user=None,
        right="access",
        details="Todo lo que tienen de mí.",
        channel="email",
        full_name="Ana Pérez",
        email=person.email,
        language=language,
    )
    return services.identity_verify_by_link(token=verification_token(rights_request))


def build_export(staff, rights_request, capture):
    with capture(execute=True):
        document = document_request(
            actor=staff, kind=PERSONAL_DATA, language=rights_request.language, target=rights_request
        )
    document.refresh_from_db()
    assert document.status == "ready", document.error
    return document


def emailed_link(mailoutbox, address):
    bodies = [message.body for message in mailoutbox if message.to == [address] and LINK.search(message.body)]
    assert len(bodies) == 1, [message.subject for message in mailoutbox]
    return LINK.search(bodies[0]).group(1)


def test_the_export_is_emailed_as_a_link_that_downloads_it_without_an_account(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    staff, person = make_staff(), make_representative(full_name="Ana Pérez")
    rights_request = signed_out_request(person)
    mailoutbox.clear()
    export = build_export(staff, rights_request, django_capture_on_commit_callbacks)

    message = next(m for m in mailoutbox if m.to == [person.email])
    assert message.subject == f"Su exportación de datos personales está lista (solicitud {rights_request.number})"
    assert "El enlace funciona hasta el" in message.body
    path = emailed_link(mailoutbox, person.email)

    response = client.get(path)  # nobody signed in
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    content = b"".join(response.streaming_content)
    with zipfile.ZipFile(io.BytesIO(content)) as bundle:
        assert "personal-data.json" in bundle.namelist()
        assert person.email in bundle.read("personal-data.json").decode()
    assert export.filename in response["Content-Disposition"]
    actions = list(
        AuditEvent.objects.filter(target_id=str(rights_request.pk), action__startswith="privacy.export").values_list(
            "action", flat=True
        )
    )
    assert sorted(actions) == ["privacy.export_downloaded", "privacy.export_link_sent"]


def test_an_expired_link_shows_a_clear_page_in_spanish_and_in_english(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    staff, person = make_staff(), make_representative()
    rights_request = signed_out_request(person)
    build_export(staff, rights_request, django_capture_on_commit_callbacks)
    path = emailed_link(mailoutbox, person.email)

    with time_machine.travel(timezone.now() + datetime.timedelta(days=8), tick=False):
        spanish = client.get(path)
        english = client.get(path, headers={"accept-language": "en"})
    assert spanish.status_code == 410 and "Este enlace venció" in spanish.text
    assert english.status_code == 410 and "This link has expired" in english.text
    assert not AuditEvent.objects.filter(action="privacy.export_downloaded").exists()
    with time_machine.travel(timezone.now() + datetime.timedelta(days=6), tick=False):
        assert client.get(path).status_code == 200  # within the seven days it still works


def test_a_tampered_or_foreign_link_is_not_valid(client, mailoutbox, django_capture_on_commit_callbacks):
    staff, person = make_staff(), make_representative()
    rights_request = signed_out_request(person)
    build_export(staff, rights_request, django_capture_on_commit_callbacks)
    path = emailed_link(mailoutbox, person.email)

    tampered = client.get(path[:-3] + ("A" if path[-3] != "A" else "B") + path[-2:])
    assert tampered.status_code == 404 and "Este enlace no es válido" in tampered.text
    verify_token = verification_token(rights_request)  # signed, but for confirming the address
    foreign = client.get(f"/privacidad/solicitudes/exportacion/{verify_token}/", headers={"accept-language": "en"})
    assert foreign.status_code == 404 and "This link is not valid" in foreign.text


def test_a_link_to_an_export_erased_since_serves_nothing(client, mailoutbox, django_capture_on_commit_callbacks):
    staff, person = make_staff(), make_representative()
    rights_request = signed_out_request(person)
    build_export(staff, rights_request, django_capture_on_commit_callbacks)
    path = emailed_link(mailoutbox, person.email)
    with django_capture_on_commit_callbacks(execute=True):
        services.person_anonymize(actor=staff, user=person)

    response = client.get(path)
    assert response.status_code == 410 and "ya no está disponible" in response.text


def test_a_signed_in_requester_downloads_on_the_platform_and_gets_no_link(
    mailoutbox, django_capture_on_commit_callbacks
):
    staff, person = make_staff(), make_representative()
    rights_request = services.request_file(user=person, right="access", details="Mis datos.", channel="email")
    mailoutbox.clear()
    build_export(staff, rights_request, django_capture_on_commit_callbacks)
    assert not any(LINK.search(message.body) for message in mailoutbox)
    assert not AuditEvent.objects.filter(action="privacy.export_link_sent").exists()


def test_an_unconfirmed_request_gets_no_export_and_no_link(mailoutbox, django_capture_on_commit_callbacks):
    staff, person = make_staff(), make_representative()
    rights_request = services.request_file(
        user=None, right="access", details="Mis datos.", channel="email", full_name="X", email=person.email
    )
    with django_capture_on_commit_callbacks(execute=True):
        document = document_request(actor=staff, kind=PERSONAL_DATA, language="es", target=rights_request)
    document.refresh_from_db()
    assert document.status == "failed"
    assert not any(LINK.search(message.body) for message in mailoutbox)
