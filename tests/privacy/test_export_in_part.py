"""Rows that name other people besides the person come in part: e-mails to them, what they did, and why."""

import io
import json
import zipfile

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.utils import translation

from audit.services import audit_record
from axs_platform.mail import send_email
from axs_platform.models import OutgoingEmail
from axs_platform.outbox import recipients_erase
from documents.models import Document
from documents.services import document_request
from notifications.kinds import BALLOT, MENTION
from notifications.services import notification_mark_read, notify
from privacy import services
from privacy.documents import PERSONAL_DATA
from privacy.export import personal_data
from tests.factories import make_representative, make_staff

pytestmark = pytest.mark.django_db


def test_e_mails_to_the_person_come_without_other_recipients_or_links(django_capture_on_commit_callbacks):
    person, other = make_representative(), make_representative(email="otra.persona@b.example")
    send_email(
        subject="Recordatorio de la votación",
        body="Vote aquí: https://axs.example/v/abc123?token=secreto antes del viernes.",
        to=[person.email.upper(), other.email],
        kind="notifications.ballot",
    )
    send_email(subject="Solo para otra", body="Hola", to=[other.email], kind="notifications.ballot")
    with django_capture_on_commit_callbacks(execute=True):
        send_email(subject="Bienvenida", body="Su cuenta está lista.", to=[person.email], kind="accounts.welcome")

    rows = personal_data(person)["axs_platform.OutgoingEmail"]

    assert [row["subject"] for row in rows] == ["Recordatorio de la votación", "Bienvenida"]
    queued, sent = rows
    assert queued["to"] == [person.email.upper()] and queued["other_recipients"] == 1
    assert queued["kind"] == "notifications.ballot" and queued["status"] == "queued" and queued["created_at"]
    assert "antes del viernes" in queued["body"]
    assert "secreto" not in queued["body"] and "https://" not in queued["body"]
    assert sent["status"] == "sent" and sent["sent_at"] and sent["other_recipients"] == 0
    assert "otra.persona" not in json.dumps(rows, default=str)
    assert not {"html_body", "attachments", "error"} & set(queued)


def test_e_mails_erased_by_retention_are_no_longer_found():
    person = make_representative()
    send_email(subject="Aviso", body="Texto", to=[person.email], kind="accounts.welcome")
    email = OutgoingEmail.objects.get()
    OutgoingEmail.objects.filter(pk=email.pk).update(status="failed", started_at=email.created_at)
    recipients_erase(finished_before=email.created_at.replace(year=email.created_at.year + 1))
    assert personal_data(person)["axs_platform.OutgoingEmail"] == []


def test_what_the_person_did_about_others_gives_action_kind_and_time_only():
    staff = make_staff()
    other = make_representative(full_name="Otra Persona Nombrada")
    audit_record(
        actor=staff,
        action="updated",
        target=other,
        changes={"phone": ["55 1111 1111", "55 2222 2222"]},
        message="Corregido a petición de Otra Persona Nombrada",
    )
    audit_record(actor=staff, action="updated", target=staff, message="Mi propio teléfono")
    user_type = ContentType.objects.get_for_model(other)
    LogEntry.objects.create(
        user=staff,
        content_type=user_type,
        object_id=str(other.pk),
        object_repr="Otra Persona Nombrada",
        action_flag=CHANGE,
        change_message="Cambió el correo de Otra Persona Nombrada",
    )
    Document.objects.create(
        kind=PERSONAL_DATA, title="Datos personales de Otra Persona Nombrada", language="es",
        target_type=user_type, target_id=str(other.pk), requested_by=staff,
    )  # fmt: skip

    left_out = {}
    with translation.override("en"):
        data = personal_data(staff, left_out)

    assert "Otra Persona" not in json.dumps(data, default=str)
    assert "55 2222" not in json.dumps(data, default=str)
    by_staff = [row for row in data["audit.AuditEvent"] if row.get("target_type") == "accounts.user"]
    assert len(by_staff) == 1 and by_staff[0]["action"] == "updated" and by_staff[0]["created_at"]
    assert not {"target_id", "target_repr", "changes", "message", "path"} & set(by_staff[0])
    # An event about the person themself still comes whole.
    assert [row["message"] for row in data["audit.AuditEvent"] if "message" in row] == ["Mi propio teléfono"]
    [entry] = data["admin.LogEntry"]
    assert entry["content_type"] == "accounts.user" and entry["action_flag"] == CHANGE and entry["action_time"]
    assert not {"object_id", "object_repr", "change_message"} & set(entry)
    [document] = data["documents.Document"]
    assert document["kind"] == PERSONAL_DATA and "title" not in document and "target_id" not in document
    # What was left out is said, table by table, with the reason.
    assert set(left_out) >= {"audit.AuditEvent", "admin.LogEntry", "documents.Document"}
    [events] = left_out["audit.AuditEvent"]
    assert events["rows"] == len(by_staff) and events["why"]
    assert {"object", "changes", "reason or note"} <= set(events["fields"]) and "ID" not in events["fields"]


def test_the_zip_says_what_was_left_out_and_why(django_capture_on_commit_callbacks):
    staff, other = make_staff(), make_representative(full_name="Otra Persona Nombrada")
    audit_record(actor=staff, action="updated", target=other, message="Nota sobre Otra Persona Nombrada")
    rights_request = services.request_file(user=staff, right="access", details="Todo.", channel="email")
    with django_capture_on_commit_callbacks(execute=True):
        document = document_request(actor=staff, kind=PERSONAL_DATA, language="en", target=rights_request)
    document.refresh_from_db()
    assert document.status == "ready", document.error
    archive = zipfile.ZipFile(io.BytesIO(document.file.read()))
    left_out = json.loads(archive.read("left-out.json"))
    assert "audit.AuditEvent" in left_out and "other people" in left_out["audit.AuditEvent"][0]["why"]
    for name in archive.namelist():
        if not name.endswith(".pdf"):
            assert b"Otra Persona" not in archive.read(name), name
    # The e-mail confirming the request went to the staff member and is in their export, in part.
    mails = json.loads(archive.read("tables/axs_platform.OutgoingEmail.json"))
    assert mails and all(mail["to"] == [staff.email] for mail in mails)


def test_notifications_give_kind_time_and_read_but_no_text_naming_others(django_capture_on_commit_callbacks):
    person = make_representative()
    mention = notify(
        recipient=person,
        kind=MENTION,
        title="Otra Persona Nombrada le mencionó",
        body="Otra Persona Nombrada escribió: revise el presupuesto.",
        link="/personas/otra-persona-nombrada/",
    )
    notification_mark_read(actor=person, notification=mention)
    notify(recipient=person, kind=BALLOT, title="Votación abierta por Otra Persona Nombrada")
    left_out = {}
    with translation.override("en"):
        data = personal_data(person, left_out)

    rows = data["notifications.Notification"]
    assert "Otra Persona" not in json.dumps(rows, default=str)
    assert "otra-persona" not in json.dumps(rows, default=str)
    by_kind = {row["kind"]: row for row in rows}
    assert set(by_kind) == {MENTION, BALLOT}
    assert by_kind[MENTION]["read"] is True and by_kind[MENTION]["read_at"] and by_kind[MENTION]["created_at"]
    assert by_kind[BALLOT]["read"] is False and by_kind[BALLOT]["read_at"] is None
    assert by_kind[MENTION]["about"] == "Mentions of you"
    assert by_kind[MENTION]["shown_as"].startswith("Mentions of you")
    assert not {"title", "body", "link"} & set(by_kind[MENTION])
    [part] = left_out["notifications.Notification"]
    assert part["rows"] == 2 and "other people" in part["why"]
    assert {"title", "text", "link"} <= set(part["fields"])
    assert not {"read", "about", "kind", "created"} & set(part["fields"])
