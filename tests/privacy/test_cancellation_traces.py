"""Cancellation also erases what sits under the old address: audit personal parts and e-mails (queued: cancelled)."""

import pytest
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from audit.identifiers import sign_in_identifier
from audit.models import EventPersonalPart
from audit.verification import verify
from axs_platform.models import OutgoingEmail
from privacy import services
from tests.factories import make_representative, make_staff

pytestmark = pytest.mark.django_db
ADDRESS = "ana@b.example"


def email(to, status, **fields):
    return OutgoingEmail.objects.create(subject="Hola Ana", body="Texto", to=to, status=status, **fields)


def test_anonymizing_erases_the_parts_and_mail_under_the_old_address(client):
    person, other = make_representative(email=ADDRESS), make_representative(email="diana@b.example")
    client.post(reverse("accounts:login"), {"username": ADDRESS.upper(), "password": "mala"})
    client.post(reverse("accounts:login"), {"username": other.email, "password": "mala"})
    services.request_file(
        user=None, right="access", details="Mis datos.", channel="email", full_name="Ana", email=ADDRESS,
        request=RequestFactory().get("/", REMOTE_ADDR="203.0.113.5"),
    )  # fmt: skip
    OutgoingEmail.objects.all().delete()
    sent = email([ADDRESS], OutgoingEmail.Status.SENT, sent_at=timezone.now())
    queued = email(["Ana@B.example", "x@b.example"], OutgoingEmail.Status.QUEUED)
    sending = email([ADDRESS], OutgoingEmail.Status.SENDING)
    not_hers = email(["diana@b.example"], OutgoingEmail.Status.QUEUED)

    services.person_anonymize(actor=make_staff(), user=person)

    mine = EventPersonalPart.objects.filter(identifier=sign_in_identifier(ADDRESS))
    assert not mine.exists()
    assert EventPersonalPart.objects.filter(erased_at__isnull=False).count() == 2  # the failed sign-in and the filing
    assert EventPersonalPart.objects.get(identifier=sign_in_identifier(other.email)).ip_address == "127.0.0.1"
    sent.refresh_from_db(), queued.refresh_from_db(), sending.refresh_from_db(), not_hers.refresh_from_db()
    assert (sent.to, sent.subject, sent.erased_at is not None) == ([], "", True)
    assert queued.status == OutgoingEmail.Status.FAILED and queued.to == [] and queued.erased_at is not None
    assert sending.to == [ADDRESS] and sending.status == OutgoingEmail.Status.SENDING
    assert not_hers.to == ["diana@b.example"] and not_hers.status == OutgoingEmail.Status.QUEUED
    report = verify()
    assert report.intact, report.summary
