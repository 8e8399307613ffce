"""The rule ``web_traces`` erases the IP address, browser and page of old web steps; the chain still verifies."""

import datetime

import pytest
import time_machine
from django.test import RequestFactory
from django.utils import timezone

from audit.models import AuditEvent, EventPersonalPart
from audit.services import audit_record
from audit.verification import verify
from privacy import services
from tests.factories import make_representative, make_staff

pytestmark = pytest.mark.django_db


def web(path="/cuenta/perfil/"):
    return RequestFactory().get(path, REMOTE_ADDR="198.51.100.7", HTTP_USER_AGENT="Prueba/4")


def test_old_web_steps_lose_their_traces_and_security_and_request_events_keep_theirs():
    staff, person = make_staff(), make_representative()
    with time_machine.travel(timezone.now() - datetime.timedelta(days=40), tick=False):
        old = audit_record(actor=person, action="object.updated", target=person, request=web())
        failed = audit_record(actor=None, action=AuditEvent.Action.LOGIN_FAILED, identifier="x" * 64, request=web())
        rights_request = services.request_file(
            user=person, right="access", details="Mis datos.", channel="email", request=web("/privacidad/")
        )
    recent = audit_record(actor=person, action="object.updated", target=person, request=web())
    services.retention_rule_set(actor=staff, kind="web_traces", keep_days=30)

    assert services.retention_apply().results["web_traces"] == 1
    assert services.retention_apply().results["web_traces"] == 0  # safe to run twice

    erased = EventPersonalPart.objects.get(pk=old.pk)
    assert (erased.ip_address, erased.user_agent, erased.path, erased.erased_at is not None) == (None, "", "", True)
    assert EventPersonalPart.objects.get(pk=recent.pk).path == "/cuenta/perfil/"
    assert EventPersonalPart.objects.get(pk=failed.pk).ip_address == "198.51.100.7"  # security_events' own term
    filed = EventPersonalPart.objects.filter(event__target_id=str(rights_request.pk), event__action="privacy.filed")
    assert filed.get().ip_address == "198.51.100.7"  # an open request keeps its steps' traces
    report = verify()
    assert report.intact and report.personal_erased == 1, report.summary


def test_without_a_rule_set_by_staff_nothing_is_erased():
    person = make_representative()
    with time_machine.travel(timezone.now() - datetime.timedelta(days=4000), tick=False):
        audit_record(actor=person, action="object.updated", target=person, request=web())
    assert "web_traces" not in services.retention_apply().results
    assert not EventPersonalPart.objects.filter(erased_at__isnull=False).exists()
