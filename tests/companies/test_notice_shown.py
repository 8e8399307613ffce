"""Accepting an invitation records the privacy notice version the page showed, with the invitation."""

import pytest
from django.urls import reverse

from companies import services
from privacy.models import NoticeAcknowledgement
from tests.privacy.notice_shown import FIELD, publish, shown_on

pytestmark = pytest.mark.django_db
PASSWORD = "una-clave-larga-2026"


def test_accepting_an_invitation_records_the_version_the_page_showed_not_a_later_one(client, staff, org_a):
    invitation, token = services.invitation_create(
        actor=staff, organization=org_a, email="nora@example.org", full_name="Nora Nueva"
    )
    shown = publish("Versión que Nora leyó")
    url = reverse("companies:invitation-accept", args=[token])
    page = client.get(url).content.decode()
    assert "Versión que Nora leyó" in page
    value = shown_on(page, "invitation-form")
    assert value == str(shown.pk)
    publish("Versión publicada mientras Nora escribía")
    data = {"full_name": "Nora Nueva", "password1": PASSWORD, "password2": PASSWORD, FIELD: value}
    assert client.post(url, data).status_code == 302
    acknowledgement = NoticeAcknowledgement.objects.get()
    assert acknowledgement.point == "invitation_accept" and acknowledgement.invitation == invitation
    assert acknowledgement.person.email == "nora@example.org" and acknowledgement.notice == shown


def test_an_invitation_accepted_outside_a_page_records_no_notice(staff, org_a):
    _invitation, token = services.invitation_create(
        actor=staff, organization=org_a, email="eli@example.org", full_name="Eli"
    )
    publish()
    services.invitation_accept(token=token, full_name="Eli", password=PASSWORD)
    assert not NoticeAcknowledgement.objects.exists()


def test_a_refused_acceptance_records_nothing(client, staff, org_a):
    _invitation, token = services.invitation_create(
        actor=staff, organization=org_a, email="rui@example.org", full_name="Rui"
    )
    shown = publish()
    url = reverse("companies:invitation-accept", args=[token])
    data = {"full_name": "Rui", "password1": "corta", "password2": "corta", FIELD: str(shown.pk)}
    assert client.post(url, data).status_code == 200
    assert not NoticeAcknowledgement.objects.exists()
