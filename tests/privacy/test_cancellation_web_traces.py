"""A cancellation leaves no IP address, browser or page of the person anywhere in the trail, and empties their mail.

Every audited web event keeps its IP address, browser and page beside the chain (``EventPersonalPart``), so the
cancellation can erase them and the chain still verifies; the outbox's rows to the person keep only their history.
"""

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from audit.models import AuditEvent, EventPersonalPart
from audit.selectors import personal_data_in_chain
from audit.services import audit_record
from audit.verification import verify
from axs_platform import outbox
from axs_platform.mail import send_email
from axs_platform.models import OutgoingEmail
from privacy import services
from privacy.export import personal_data
from tests.factories import PASSWORD, make_organization, make_representative, make_staff

pytestmark = pytest.mark.django_db
# The person is in the audit trail (they filed signed in), a record the law keeps.
KEPT = "Ley General de Archivos."
ADDRESS = "ana.lopez+axs@b.example"
HERS, STAFFS = "198.51.100.7", "203.0.113.40"


def web(path, address):
    return RequestFactory().get(path, REMOTE_ADDR=address, HTTP_USER_AGENT="Prueba/3")


def test_after_a_cancellation_no_event_of_the_person_keeps_an_ip_address_or_a_page(client):
    staff, person = make_staff(), make_representative(email=ADDRESS)
    organization = make_organization(actor=staff)
    client.post(reverse("accounts:login"), {"username": ADDRESS, "password": PASSWORD}, REMOTE_ADDR=HERS)
    audit_record(actor=person, action="object.updated", target=organization, request=web("/organizaciones/1/", HERS))
    # Staff searched the trail by her address: the page's address names her.
    search = audit_record(actor=staff, action="object.updated", request=web(f"/auditoria/?who={ADDRESS}", STAFFS))
    by_staff = audit_record(actor=staff, action="object.updated", target=organization, request=web("/x/", STAFFS))
    rights_request = services.request_file(
        user=person, right="cancellation", details="Todo.", channel="email", request=web("/privacidad/", HERS)
    )
    # Signed in, the account identifies her: filed and verified at once.
    hers = AuditEvent.objects.filter(actor=person)
    assert hers.count() >= 3 and not hers.exclude(ip_address=None, path="").exists()  # nothing in the chain
    assert set(EventPersonalPart.objects.filter(event__actor=person).values_list("ip_address", flat=True)) == {HERS}

    with translation.override("en"):  # the event's note is written in the active language
        services.request_cancel(actor=staff, rights_request=rights_request, answer="Hecho.", legal_reason=KEPT)

    parts = EventPersonalPart.objects.filter(event__in=hers)
    assert parts.count() == hers.count() and not parts.filter(erased_at=None).exists()
    assert not parts.exclude(ip_address=None).exists() and not parts.exclude(path="").exists()
    assert not parts.exclude(user_agent="").exists()
    assert not hers.exclude(ip_address=None, path="").exists()
    search.personal_part.refresh_from_db()
    assert (search.personal_part.path, search.personal_part.erased_at is not None) == ("", True)
    by_staff.personal_part.refresh_from_db()
    assert (by_staff.personal_part.ip_address, by_staff.personal_part.path) == (STAFFS, "/x/")  # not hers
    assert (personal_data_in_chain()["other_ips"], personal_data_in_chain()["paths"]) == (0, 0)
    report = verify()
    assert report.intact, report.summary
    assert report.personal_erased == parts.count() + 1  # her events and the search by her address
    anonymized = AuditEvent.objects.get(action="privacy.anonymized")
    assert f"IP address, browser and page were erased: {parts.count() + 1}." in anonymized.message
    # The audit page reads the parts: her IP address and pages are gone from it, staff's remain.
    client.force_login(staff)
    page = client.get(reverse("audit:event-list")).content.decode()
    assert HERS not in page and "/organizaciones/1/" not in page and "ana.lopez" not in page.split("<table")[1]
    assert STAFFS in page and "/x/" in page


def test_the_outbox_rows_to_the_person_keep_their_history_and_lose_their_content():
    staff, person = make_staff(), make_representative(email=ADDRESS)
    send_email(subject="Hola Ana", body="Texto", html_body="<p>Texto</p>", to=[ADDRESS], kind="accounts.welcome")
    send_email(subject="Recordatorio", body="Otro", to=[ADDRESS.upper()], kind="notifications.mention")
    send_email(subject="Para Diana", body="Suyo", to=["diana@b.example"], kind="accounts.welcome")
    sent, queued, theirs = OutgoingEmail.objects.order_by("pk")
    OutgoingEmail.objects.filter(pk=sent.pk).update(status=OutgoingEmail.Status.SENT, sent_at=sent.created_at)
    history = ("kind", "recipient_count", "created_at", "sent_at", "attempts")
    before = list(OutgoingEmail.objects.order_by("pk").values_list(*history))

    with translation.override("en"):
        services.person_anonymize(actor=staff, user=person, reason="SDP-1")

    assert list(OutgoingEmail.objects.order_by("pk").values_list(*history)) == before
    for email in (sent, queued):
        email.refresh_from_db()
        assert (email.to, email.subject, email.body, email.html_body) == ([], "", "", "")
        assert email.erased_at is not None
    assert sent.status == OutgoingEmail.Status.SENT and queued.status == OutgoingEmail.Status.FAILED
    assert outbox.deliver(queued.pk) == 0  # a cancelled message is never sent
    theirs.refresh_from_db()
    assert (theirs.to, theirs.subject, theirs.status) == (["diana@b.example"], "Para Diana", "queued")
    anonymized = AuditEvent.objects.get(action="privacy.anonymized")
    assert "E-mails to the address erased (queued ones cancelled): 2." in anonymized.message
    assert not personal_data(person)["axs_platform.OutgoingEmail"]


def test_the_export_gives_the_ip_address_of_their_own_steps_but_not_the_page():
    staff, person = make_staff(), make_representative()
    mine = audit_record(actor=person, action="object.updated", target=person, request=web("/cuenta/perfil/", HERS))
    audit_record(actor=staff, action="object.updated", target=person, request=web("/cuenta/personas/1/", STAFFS))
    left_out = {}
    data = personal_data(person, left_out)
    [part] = data["audit.EventPersonalPart"]
    assert (part["event_id"], part["ip_address"], part["user_agent"]) == (mine.pk, HERS, "Prueba/3")
    assert "path" not in part and STAFFS not in str(data)
    [why] = left_out["audit.EventPersonalPart"]
    assert why["rows"] == 1 and "página se omite" in why["why"]


def test_an_audited_web_event_costs_one_insert_more_than_one_without_a_request():
    staff = make_staff()
    audit_record(actor=staff, action="object.updated", target=staff)  # the content type is cached from here on
    with CaptureQueriesContext(connection) as without:
        audit_record(actor=staff, action="object.updated", target=staff)
    with CaptureQueriesContext(connection) as with_request:
        audit_record(actor=staff, action="object.updated", target=staff, request=web("/algo/", STAFFS))
    added = len(with_request.captured_queries) - len(without.captured_queries)
    assert added == 1 and "audit_eventpersonalpart" in with_request.captured_queries[-1]["sql"]


def test_a_cancellation_finds_what_was_left_under_an_address_the_person_had_before():
    from accounts.services import user_update
    from companies.models import Invitation
    from companies.services import invitation_create
    from privacy.services.anonymize import addresses_of

    staff, person = make_staff(), make_representative(email=ADDRESS)
    send_email(subject="Hola Ana", body="Texto", to=[ADDRESS], kind="accounts.welcome")
    audit_record(actor=staff, action="object.updated", request=web(f"/auditoria/?who={ADDRESS}", STAFFS))
    invitation_create(actor=staff, organization=make_organization(actor=staff), email=ADDRESS, full_name="Ana López")
    user_update(actor=staff, user=person, email="ana.nueva@b.example", reason="Rectificación SDP-2")
    assert addresses_of(person) == ["ana.lopez+axs@b.example", "ana.nueva@b.example"]

    services.person_anonymize(actor=staff, user=person, reason="SDP-3")

    assert not OutgoingEmail.objects.filter(subject="Hola Ana").exists()
    assert OutgoingEmail.objects.filter(subject="", erased_at__isnull=False).exists()
    assert not Invitation.objects.filter(email__iexact=ADDRESS).exists()
    assert not EventPersonalPart.objects.filter(path__icontains="ana.lopez").exists()
    assert verify().intact
