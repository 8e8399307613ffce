"""Retention of closed requests: no free text nor address survives in the request page or its audit events."""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.utils import timezone

from audit.models import AuditEvent
from privacy import services
from privacy.models import RightsRequest
from tests.factories import make_representative, make_staff
from tests.privacy.exports import built_export

pytestmark = pytest.mark.django_db

NAME = "Juan Pérez"


def _events_of(rights_request):
    kind = ContentType.objects.get_for_model(RightsRequest)
    return AuditEvent.objects.filter(target_type=kind, target_id=str(rights_request.pk))


def test_texts_and_address_are_gone_after_retention(client):
    staff = make_staff()
    person = make_representative()
    filed = services.request_file(user=person, right="access", details="Mis datos.", channel="email")
    services.request_ask_completion(actor=staff, rights_request=filed, what_is_missing=f"¿Es usted {NAME}?")
    services.request_complete(actor=person, rights_request=filed, addition=f"Sí, soy {NAME}.")
    services.request_extend(actor=staff, rights_request=filed, reason=f"Buscamos a {NAME} en los archivos.")
    built_export(staff, filed)
    services.request_answer(actor=staff, rights_request=filed, outcome="granted", answer=f"Datos de {NAME}.")
    RightsRequest.objects.filter(pk=filed.pk).update(answered_at=timezone.now() - datetime.timedelta(days=400))
    services.retention_rule_set(actor=staff, kind="closed_requests", keep_days=365)

    services.retention_apply()

    filed.refresh_from_db()
    assert filed.requester is None
    messages = " ".join(_events_of(filed).values_list("message", flat=True))
    identifiers = " ".join(_events_of(filed).values_list("identifier", flat=True))
    assert NAME not in messages and person.email not in identifiers
    client.force_login(staff)
    page = client.get(filed.get_absolute_url())
    assert page.status_code == 200 and NAME not in page.text


def test_withdrawal_reason_is_kept_on_the_request_and_blanked_by_retention():
    staff = make_staff()
    person = make_representative()
    filed = services.request_file(user=person, right="access", details="Mis datos.", channel="email")
    services.request_withdraw(actor=person, rights_request=filed, reason=f"Lo pidió {NAME} por error.")
    filed.refresh_from_db()
    assert NAME in filed.withdrawal_reason
    assert NAME not in " ".join(_events_of(filed).values_list("message", flat=True))
    RightsRequest.objects.filter(pk=filed.pk).update(received_at=timezone.now() - datetime.timedelta(days=400))
    services.retention_rule_set(actor=staff, kind="closed_requests", keep_days=365)
    services.retention_apply()
    filed.refresh_from_db()
    assert NAME not in filed.withdrawal_reason and filed.requester is None


def test_a_refused_duplicate_records_the_address_hashed():
    person = make_representative()
    services.request_file(user=person, right="access", details="Mis datos.", channel="email")
    with pytest.raises(ValidationError):
        services.request_file(user=person, right="access", details="Otra vez.", channel="email")
    refused = AuditEvent.objects.get(action="privacy.duplicate_refused")
    assert refused.identifier == ""  # kept apart, where retention can erase it
    assert refused.personal_part.identifier.startswith("hmac:") and person.email not in refused.personal_part.identifier
