"""E-mailed links start at the address the request came to, unless the environment names the site."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from companies import services
from tests.factories import make_organization, make_staff

pytestmark = pytest.mark.django_db

INVITATION_LINK = re.compile(r"(https?://[^/\s]+)/organizaciones/invitacion/")


def invite_through_the_page(client, on_commit, staff, organization):
    client.force_login(staff)
    with on_commit(execute=True):
        response = client.post(
            reverse("companies:people", args=[organization.pk]),
            {"full_name": "Olga Ortega", "email": "olga@omega.example"},
            HTTP_HOST="testserver:8123",
        )
    assert response.status_code == 302
    return INVITATION_LINK.search(mail.outbox[-1].body).group(1)


@pytest.fixture
def staff_and_organization(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    staff = make_staff()
    return staff, make_organization(actor=staff, short_name="Omega")


def test_mail_queued_from_a_request_links_to_the_address_the_request_came_to(
    client, settings, staff_and_organization, django_capture_on_commit_callbacks
):
    settings.AXS_SITE_URL, settings.AXS_SITE_URL_FROM_ENVIRONMENT = "http://127.0.0.1:8000", False
    assert (
        invite_through_the_page(client, django_capture_on_commit_callbacks, *staff_and_organization)
        == "http://testserver:8123"
    )


def test_a_site_url_set_in_the_environment_wins_over_the_request(
    client, settings, staff_and_organization, django_capture_on_commit_callbacks
):
    settings.AXS_SITE_URL, settings.AXS_SITE_URL_FROM_ENVIRONMENT = "https://axs.amexcid.gob.mx", True
    assert (
        invite_through_the_page(client, django_capture_on_commit_callbacks, *staff_and_organization)
        == "https://axs.amexcid.gob.mx"
    )


def test_mail_sent_without_a_request_links_to_the_site_url(
    settings, staff_and_organization, django_capture_on_commit_callbacks
):
    settings.AXS_SITE_URL, settings.AXS_SITE_URL_FROM_ENVIRONMENT = "http://127.0.0.1:8000", False
    staff, organization = staff_and_organization
    with django_capture_on_commit_callbacks(execute=True):
        services.invitation_create(actor=staff, organization=organization, email="olga@omega.example", full_name="O")
    assert INVITATION_LINK.search(mail.outbox[-1].body).group(1) == "http://127.0.0.1:8000"
