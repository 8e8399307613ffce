"""The access export finds what is held under every address the account has had, as the cancellation does.

A request filed under an earlier address leads to the account (``privacy.subjects.person_of``), and the proposal
the person edited without starting or submitting it is named in their export.
"""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.services import user_update
from audit.models import AuditEvent
from audit.services import audit_record
from axs_platform.mail import send_email
from documents.services import document_request
from privacy import services
from privacy.documents import PERSONAL_DATA
from privacy.export import personal_data
from privacy.subjects import person_of
from projects.models import Proposal
from projects.services import call_create
from tests.factories import make_committee, make_organization, make_representative, make_staff

pytestmark = pytest.mark.django_db
OLD, NEW = "ana.lopez@b.example", "ana.nueva@b.example"


def _verified_request(staff, email, right="access"):
    rights_request = services.request_file(
        user=None, full_name="Ana López", email=email, right=right, details="Lo que tengan.", channel="email"
    )
    return services.identity_verify(actor=staff, rights_request=rights_request, reason="INE mostrada en persona")


def test_a_request_an_email_and_a_failed_sign_in_under_an_earlier_address_are_in_the_export(client):
    staff, person = make_staff(), make_representative(email=OLD)
    send_email(subject="Bienvenida", body="Texto", to=[OLD], kind="accounts.welcome")
    client.post(reverse("accounts:login"), {"username": OLD.upper(), "password": "mala"})
    old_request = _verified_request(staff, OLD)
    user_update(actor=staff, user=person, email=NEW, reason="Rectificación SDP-2")
    person.refresh_from_db()
    assert person.email == NEW

    data = personal_data(person)

    assert old_request.pk in [row["id"] for row in data["privacy.RightsRequest"]]
    welcome = [row for row in data["axs_platform.OutgoingEmail"] if row["subject"] == "Bienvenida"]
    assert [row["to"] for row in welcome] == [[OLD]]
    failed = [row for row in data["audit.AuditEvent"] if row["action"] == AuditEvent.Action.LOGIN_FAILED]
    assert len(failed) == 1


def test_a_request_filed_under_an_earlier_address_is_about_the_account_that_had_it():
    staff, person = make_staff(), make_representative(email=OLD)
    user_update(actor=staff, user=person, email=NEW, reason="Rectificación SDP-2")
    rights_request = _verified_request(staff, OLD.upper())

    assert person_of(rights_request) == person


def test_an_address_two_accounts_had_before_leads_to_neither():
    staff = make_staff()
    first, second = make_representative(email=OLD), make_representative(email="otra@b.example")
    user_update(actor=staff, user=first, email=NEW, reason="Cambio de correo")
    user_update(actor=staff, user=second, email=OLD, reason="Cambio de correo")
    user_update(actor=staff, user=second, email="otra.vez@b.example", reason="Cambio de correo")

    assert person_of(_verified_request(staff, OLD)) is None  # staff resolve whose data it is


def test_today_s_holder_of_an_address_comes_before_an_account_that_had_it():
    staff, before = make_staff(), make_representative(email=OLD)
    user_update(actor=staff, user=before, email=NEW, reason="Cambio de correo")
    today = make_representative(email=OLD)

    assert person_of(_verified_request(staff, OLD)) == today


def test_the_export_of_a_request_filed_under_an_earlier_address_is_built(django_capture_on_commit_callbacks):
    staff, person = make_staff(full_name="Staff"), make_representative(email=OLD, full_name="Ana López")
    user_update(actor=staff, user=person, email=NEW, reason="Rectificación SDP-2")
    rights_request = _verified_request(staff, OLD)
    with django_capture_on_commit_callbacks(execute=True):
        document = document_request(actor=staff, kind=PERSONAL_DATA, language="es", target=rights_request)
    document.refresh_from_db()
    assert document.status == "ready" and "Ana López" in document.title, document.error


def test_a_proposal_the_person_edited_but_neither_started_nor_submitted_is_named_in_their_export():
    staff, person, author = make_staff(), make_representative(), make_representative()
    committee = make_committee()
    today = timezone.localdate()
    call = call_create(
        actor=staff, committee=committee, title="Convocatoria", guidance="Proyectos replicables.",
        opens_on=today - datetime.timedelta(days=10), closes_on=today + datetime.timedelta(days=20),
    )  # fmt: skip
    proposal = Proposal.objects.create(
        call=call, committee=committee, lead_organization=make_organization(actor=staff), created_by=author,
        title="Agua limpia para escuelas",
    )  # fmt: skip
    audit_record(actor=person, action=AuditEvent.Action.UPDATED, target=proposal, changes={"summary": ["", "Texto"]})

    shown = [row["shown_as"] for row in personal_data(person)["audit.AuditEvent"]]

    assert any(f"#{proposal.pk}" in text and "Agua limpia para escuelas" in text for text in shown), shown
    assert not personal_data(person)["projects.Proposal"]  # reached through the event alone
