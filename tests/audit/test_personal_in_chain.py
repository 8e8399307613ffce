"""What the chain itself holds of people (version 1 events): counted by a read-only command, never rewritten."""

import io

import pytest
from django.core.management import call_command
from django.test import RequestFactory

from audit.identifiers import sign_in_identifier
from audit.models import AuditEvent
from audit.selectors import personal_data_in_chain
from audit.services import append_events, audit_record
from audit.verification import verify
from tests.factories import make_staff

pytestmark = pytest.mark.django_db


def web(address="203.0.113.9"):
    return RequestFactory().post("/algo/", REMOTE_ADDR=address, HTTP_USER_AGENT="Prueba/1")


def written_before_version_2():
    """Events as the trail recorded them before personal parts were kept apart: all in the chained fields."""
    old = [
        AuditEvent(action=AuditEvent.Action.LOGIN_FAILED, identifier="ana@b.example", ip_address="203.0.113.1"),
        AuditEvent(
            action=AuditEvent.Action.LOGIN_FAILED, identifier=sign_in_identifier("ana@b.example"), ip_address="::1"
        ),
        AuditEvent(action="privacy.filed", ip_address="203.0.113.2", path="/privacidad/solicitudes/nueva/"),
        AuditEvent(action=AuditEvent.Action.UPDATED, ip_address="203.0.113.3", path="/cuenta/perfil/"),
    ]
    append_events(old)
    return old


def test_the_count_names_what_the_chain_holds_and_leaves_the_chain_as_it_is():
    old = written_before_version_2()
    staff = make_staff()
    audit_record(actor=staff, action=AuditEvent.Action.UPDATED, target=staff, request=web())  # apart (version 2)
    audit_record(actor=None, action=AuditEvent.Action.LOGIN_FAILED, identifier="x@b.example", request=web())  # apart
    audit_record(actor=staff, action="privacy.answered", target=staff, request=web())  # apart (version 2)
    audit_record(actor=None, action=AuditEvent.Action.UPDATED, target=staff)  # no web request: nothing
    hashes = list(AuditEvent.objects.order_by("pk").values_list("hash", flat=True))

    counts = personal_data_in_chain()

    assert (counts["clear_addresses"], counts["hashed_addresses"]) == (1, 1)
    assert (counts["security_ips"], counts["other_ips"], counts["paths"]) == (3, 1, 2)  # the old ones only
    assert not AuditEvent.objects.filter(pk__gt=old[-1].pk).exclude(ip_address=None, path="").exists()
    assert counts["oldest"] <= counts["newest"]
    assert list(AuditEvent.objects.order_by("pk").values_list("hash", flat=True)) == hashes and verify().intact


@pytest.mark.parametrize(
    ("language", "line"),
    [
        ("es", "Direcciones escritas en claro (inicios de sesión fallidos y solicitudes de restablecimiento): 1"),
        ("en", "Typed addresses in clear (failed sign-ins and reset requests): 1"),
    ],
)
def test_the_command_reports_in_spanish_and_english(language, line):
    written_before_version_2()
    out = io.StringIO()
    call_command("audit_personal_in_chain", language=language, stdout=out)
    assert line in out.getvalue()


def test_the_command_says_when_nothing_is_held():
    audit_record(actor=make_staff(), action=AuditEvent.Action.UPDATED, request=web())  # kept apart: not counted
    out = io.StringIO()
    call_command("audit_personal_in_chain", language="en", stdout=out)
    assert "No event holds an address, IP address or page in the chain." in out.getvalue()
