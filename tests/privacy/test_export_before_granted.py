"""An access or portability request is granted only once the export of the person's data is built and kept."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from documents.models import Document
from documents.services import documents_erase
from privacy import services
from tests.factories import make_representative, make_staff
from tests.privacy.exports import built_export

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("right", ["access", "portability"])
def test_granting_without_a_ready_export_is_refused_then_allowed_once_it_is_built(right):
    staff, person = make_staff(), make_representative()
    rights_request = services.request_file(user=person, right=right, details="Todo.", channel="email")
    for outcome in ("granted", "partly_granted"):
        with pytest.raises(ValidationError) as error:
            services.request_answer(
                actor=staff, rights_request=rights_request, outcome=outcome, answer="Adjunto.", legal_reason="Art. 1"
            )
        assert error.value.error_dict["outcome"][0].code == "export_not_built"
    export = built_export(staff, rights_request)
    # An erased file gives the person nothing.
    documents_erase(documents=Document.objects.filter(pk=export.pk), title=lambda document: "Borrada")
    with pytest.raises(ValidationError):
        services.request_answer(actor=staff, rights_request=rights_request, outcome="granted", answer="Adjunto.")
    built_export(staff, rights_request)
    services.request_answer(actor=staff, rights_request=rights_request, outcome="granted", answer="Adjunto.")
    rights_request.refresh_from_db()
    assert (rights_request.status, rights_request.outcome) == ("answered", "granted")


def test_a_denial_needs_no_export():
    staff = make_staff()
    rights_request = services.request_file(user=make_representative(), right="access", details="x", channel="email")
    services.request_answer(
        actor=staff, rights_request=rights_request, outcome="denied", answer="No.", legal_reason="Art. 55."
    )
    rights_request.refresh_from_db()
    assert rights_request.outcome == "denied"


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("es", "Una solicitud de acceso o portabilidad se otorga entregando la exportación"),
        ("en", "An access or portability request is granted by giving the export"),
    ],
)
def test_the_page_says_why_in_the_staff_members_language(client, language, message):
    staff = make_staff(preferred_language=language)
    rights_request = services.request_file(user=make_representative(), right="access", details="x", channel="email")
    client.force_login(staff)
    response = client.post(
        reverse("privacy:request-action", args=[rights_request.pk, "answer"]),
        {"answer-outcome": "granted", "answer-answer": "Le enviamos sus datos."},
    )
    assert response.status_code == 400 and message in response.text and "Le enviamos sus datos." in response.text
