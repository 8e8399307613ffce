"""A signed-out visitor asking for a document signs in and comes back to the page that asked, never to the
POST-only request URL (a GET there answers 405); a public session page offers the minutes PDF only to people
signed in, as the goal pages do.
"""

from urllib.parse import parse_qs, urlparse

import pytest
from django.urls import reverse

from committees import services
from tests.factories import make_committee, make_session, make_staff

pytestmark = pytest.mark.django_db


def _next_of(response):
    assert response.status_code == 302
    location = urlparse(response["Location"])
    assert location.path == reverse("accounts:login")
    return parse_qs(location.query)["next"][0]


@pytest.fixture
def public_session():
    session = make_session(make_committee(4), days_from_now=-3, is_public=True)
    staff = make_staff()
    draft = services.minutes_save_draft(actor=staff, session=session, body="Se acordó la ruta de trabajo.")
    services.minutes_approve(actor=staff, minutes=draft)
    return session


def test_a_signed_out_request_signs_in_and_comes_back_to_the_posted_page(client, public_session):
    page = reverse("committees:session-detail", args=[public_session.pk])
    data = {"kind": "committees.minutes", "object_id": public_session.pk, "language": "es", "next": page}
    assert _next_of(client.post(reverse("documents:document-request"), data)) == page


def test_without_next_it_comes_back_to_the_referring_page_and_never_to_the_request_url(client):
    url = reverse("documents:document-request")
    referer = "http://testserver/ods/4/"
    assert _next_of(client.post(url, {"next": "https://evil.example/"}, HTTP_REFERER=referer)) == "/ods/4/"
    landing = _next_of(client.post(url, {"next": "https://evil.example/"}, HTTP_REFERER="https://evil.example/x"))
    assert landing != url and landing == reverse("documents:document-list")


def test_the_public_session_page_offers_the_minutes_pdf_only_to_people_signed_in(client, public_session):
    page = reverse("committees:session-detail", args=[public_session.pk])
    request_url = reverse("documents:document-request")
    assert request_url not in client.get(page).content.decode()
    client.force_login(make_staff())
    assert request_url in client.get(page).content.decode()
