"""A personal part deleted, or marked erased while it still holds data, breaks the verification."""

import pytest
from django.test import RequestFactory
from django.utils import timezone

from audit.models import AuditEvent, EventPersonalPart
from audit.services import audit_record, personal_parts_erase
from audit.verification import verify

pytestmark = pytest.mark.django_db


def failed_sign_in():
    request = RequestFactory().post("/entrar/", REMOTE_ADDR="203.0.113.9", HTTP_USER_AGENT="Prueba/3")
    return audit_record(actor=None, action=AuditEvent.Action.LOGIN_FAILED, identifier="x" * 64, request=request)


def test_a_deleted_part_breaks_the_verification():
    event = failed_sign_in()
    assert verify().intact
    EventPersonalPart.objects.filter(pk=event.pk).delete()
    report = verify()
    assert report.broken.code == "personal" and report.broken.event_id == event.pk


def test_an_erased_part_that_still_holds_data_breaks_the_verification():
    event = failed_sign_in()
    personal_parts_erase(events=AuditEvent.objects.filter(pk=event.pk))
    assert verify().intact
    EventPersonalPart.objects.filter(pk=event.pk).update(ip_address="198.51.100.7")
    report = verify()
    assert report.broken.code == "personal" and report.broken.event_id == event.pk


def test_a_part_marked_erased_without_being_blanked_breaks_the_verification():
    event = failed_sign_in()
    EventPersonalPart.objects.filter(pk=event.pk).update(erased_at=timezone.now())
    assert not verify().intact


def test_the_page_is_covered_by_the_digest_and_parts_written_before_it_still_verify():
    event = failed_sign_in()
    assert event.personal_part.path == "/entrar/"
    EventPersonalPart.objects.filter(pk=event.pk).update(path="/otra/")
    assert verify().broken.code == "personal"
    # A part written before the page joined it: its digest was computed without one, and still matches.
    older = audit_record(actor=None, action=AuditEvent.Action.LOGIN_FAILED, identifier="y" * 64)
    EventPersonalPart.objects.filter(pk=event.pk).update(path="/entrar/")
    assert older.personal_part.path == "" and verify().intact
    EventPersonalPart.objects.filter(pk=older.pk).update(path="/entrar/")  # a page added afterwards
    report = verify()
    assert report.broken.code == "personal" and report.broken.event_id == older.pk
