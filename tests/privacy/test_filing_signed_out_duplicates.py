"""Signed out, the filing page tells nothing about an address's requests, and an unconfirmed one blocks nobody."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from audit.models import AuditEvent
from privacy import services
from privacy.models import RightsRequest
from privacy.services.notify import verification_token
from tests.factories import make_representative, make_staff

pytestmark = pytest.mark.django_db


def _post(client, email, details="x"):
    data = {"full_name": "Cualquiera", "email": email, "right": "access", "details": details, "channel": "email"}
    return client.post(reverse("privacy:request-file"), data, HTTP_ACCEPT_LANGUAGE="es")


def _unconfirmed(email, details="x"):
    return services.request_file(
        user=None, right="access", details=details, channel="email", full_name="X", email=email, language="es"
    )


def test_signed_out_the_answer_is_the_same_with_or_without_an_open_request(client):
    victim = make_representative(email="victima@example.org")
    open_request = services.request_file(user=victim, right="access", details="Mis datos.", channel="email")
    with_request = _post(client, "VICTIMA@example.org")
    without_request = _post(client, "nadie@example.org")
    assert with_request.status_code == without_request.status_code == 302
    assert with_request.url == without_request.url == reverse("privacy:request-filed")
    page = client.get(with_request.url).text
    assert open_request.number not in page and "Ya tiene una solicitud abierta" not in page
    assert not AuditEvent.objects.filter(action="privacy.duplicate_refused").exists()


def test_an_unconfirmed_request_blocks_no_new_filing():
    squatter = _unconfirmed("victima@example.org")
    own = _unconfirmed("Victima@example.org", details="Lo mío.")
    assert own.pk != squatter.pk and own.is_open and squatter.is_open
    # The owner confirms theirs: it goes on; the other stays unconfirmed and lapses as any other.
    assert services.identity_verify_by_link(token=verification_token(own)).identity_verified
    squatter.refresh_from_db()
    assert squatter.status == RightsRequest.Status.RECEIVED


def test_confirming_a_duplicate_of_a_confirmed_open_request_names_the_open_one(client):
    first = _unconfirmed("ana@example.org")
    services.identity_verify_by_link(token=verification_token(first))
    second = _unconfirmed("ana@example.org", details="Otra vez.")
    path = reverse("privacy:request-verify", args=[verification_token(second)])
    response = client.post(path, HTTP_ACCEPT_LANGUAGE="es")
    assert response.status_code == 400
    assert "Ya hay una solicitud abierta por este derecho" in response.text and first.number in response.text
    second.refresh_from_db()
    assert not second.identity_verified and second.status == RightsRequest.Status.RECEIVED
    assert AuditEvent.objects.filter(action="privacy.duplicate_refused", target_id=str(first.pk)).exists()
    # Staff cannot confirm it by other means either while the first is open.
    with pytest.raises(ValidationError) as error:
        services.identity_verify(actor=make_staff(), rights_request=second, reason="INE mostrada.")
    assert error.value.code == "duplicate"
