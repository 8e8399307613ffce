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


NEW_ORGANIZATION = {
    "legal_name": "Delta Solar, S.A. de C.V.",
    "organization_type": "company",
    "size": "medium",
    "sector": "energy",
    "rfc": "DSO120304AB1",
    "country": "MX",
    "state": "SON",
    "contact_email": "contacto@delta.example",
}


def test_the_organization_form_shows_the_staff_notice_and_records_the_version_with_the_organization(
    client, staff, rep_a, org_a
):
    shown = publish("Aviso de organizaciones", "Notice for organizations")
    client.force_login(staff)
    page = client.get(reverse("companies:organization-create")).content.decode()
    assert "Aviso de organizaciones" in page
    value = shown_on(page, "organization-form")
    publish("Publicado mientras se escribía")
    assert client.post(reverse("companies:organization-create"), {**NEW_ORGANIZATION, FIELD: value}).status_code == 302
    created = NoticeAcknowledgement.objects.get()
    assert (created.point, created.person, created.notice) == ("organization_profile", staff, shown)
    assert created.organization.legal_name == NEW_ORGANIZATION["legal_name"]
    # A representative saving the profile is recorded too, under the version their page showed.
    client.force_login(rep_a)
    url = reverse("companies:organization-update", args=[org_a.pk])
    page = client.get(url).content.decode()
    form = client.get(url).context["form"]
    data = {name: value for name, value in form.initial.items() if value is not None and name != "logo"}
    data.update(contact_phone="33 1234 5678", **{FIELD: shown_on(page, "organization-form")})
    assert client.post(url, data).status_code == 302
    saved = NoticeAcknowledgement.objects.exclude(pk=created.pk).get()
    assert (saved.point, saved.person, saved.organization) == ("organization_profile", rep_a, org_a)
    assert saved.notice.text_es == "Publicado mientras se escribía"


def test_inviting_from_the_people_page_records_the_notice_its_form_showed(client, rep_a, org_a):
    shown = publish("Aviso al invitar", "Notice when inviting")
    client.force_login(rep_a)
    url = reverse("companies:people", args=[org_a.pk])
    page = client.get(url).content.decode()
    assert "Aviso al invitar" in page
    data = {"email": "colega@example.org", "full_name": "Colega Nueva", FIELD: shown_on(page, "invite-form")}
    assert client.post(url, data).status_code == 302
    acknowledgement = NoticeAcknowledgement.objects.get()
    assert (acknowledgement.point, acknowledgement.person, acknowledgement.notice) == ("invitation_send", rep_a, shown)
    assert acknowledgement.invitation.email == "colega@example.org"
