"""A closed request's page says when and why it closed, not a due date that no longer runs."""

import datetime

import pytest
from django.urls import reverse
from django.utils import formats, timezone, translation

from privacy import services
from privacy.models import RightsRequest
from tests.factories import make_representative, make_staff
from tests.privacy.exports import built_export

pytestmark = pytest.mark.django_db


def page_of(client, viewer, rights_request, language):
    viewer.preferred_language = language
    viewer.save(update_fields=["preferred_language"])
    client.force_login(viewer)
    response = client.get(reverse("privacy:request-detail", args=[rights_request.pk]))
    assert response.status_code == 200
    return response.content.decode()


def shown(day, language):
    with translation.override(language):
        return formats.date_format(day, "DATE_FORMAT")


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("es", "venció sin confirmarse 31 días después de recibirse"),
        ("en", "expired unconfirmed 31 days after it was received"),
    ],
)
def test_an_expired_request_says_when_and_why_it_closed_not_its_old_due_date(client, language, sentence):
    rights_request = services.request_file(
        user=None, email="ana.sin.cuenta@b.example", language="es", full_name="Ana Sin Cuenta",
        right="access", details="Mis datos.", channel="email",
    )  # fmt: skip
    due_on = rights_request.due_on
    later = timezone.now() + datetime.timedelta(days=31)
    services.retention_apply(now=later)
    rights_request.refresh_from_db()
    assert rights_request.closed_at == later and rights_request.days_open == 31

    text = page_of(client, make_staff(), rights_request, language)

    assert sentence in text and shown(timezone.localdate(later), language) in text
    assert 'id="request-due"' not in text and shown(due_on, language) not in text


def test_a_request_withdrawn_while_paused_says_so_not_that_the_clock_is_paused(client):
    staff, person = make_staff(), make_representative()
    rights_request = services.request_file(user=person, right="access", details="Todo.", channel="email")
    services.request_ask_completion(actor=staff, rights_request=rights_request, what_is_missing="¿Qué periodo?")
    services.request_withdraw(actor=person, rights_request=rights_request, reason="Ya no lo necesito.")
    rights_request.refresh_from_db()
    assert rights_request.status == RightsRequest.Status.WITHDRAWN and rights_request.closed_at

    text = page_of(client, person, rights_request, "en")

    assert f"Withdrawn on {shown(rights_request.closed_on, 'en')}." in text
    assert "Clock paused" not in text and "Overdue" not in text


def test_an_answered_request_says_when_and_whether_within_the_legal_term(client):
    staff, person = make_staff(), make_representative()
    rights_request = services.request_file(user=person, right="access", details="Todo.", channel="email")
    services.request_start(actor=staff, rights_request=rights_request)
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    RightsRequest.objects.filter(pk=rights_request.pk).update(due_on=yesterday)
    built_export(staff, rights_request)
    services.request_answer(actor=staff, rights_request=rights_request, outcome="granted", answer="Adjunto.")
    rights_request.refresh_from_db()

    text = page_of(client, staff, rights_request, "es")

    assert f"Respondida el {shown(timezone.localdate(), 'es')}." in text
    assert f"Vencía el {shown(yesterday, 'es')}: se cerró después del plazo legal." in text
    assert "Vencido" not in text


def test_the_queue_gives_closed_requests_their_closing_date_not_a_due_date(client):
    staff = make_staff()
    rights_request = services.request_file(
        user=None, email="ana.sin.cuenta@b.example", language="es", full_name="Ana Sin Cuenta",
        right="access", details="Mis datos.", channel="email",
    )  # fmt: skip
    later = timezone.now() + datetime.timedelta(days=31)
    services.retention_apply(now=later)
    client.force_login(staff)

    with translation.override("es"):
        closed, due = (
            formats.date_format(day, "SHORT_DATE_FORMAT") for day in (timezone.localdate(later), rights_request.due_on)
        )
    text = client.get(reverse("privacy:queue"), {"status": "expired"}).content.decode()

    assert rights_request.number in text and f"cerrada el {closed}" in text and due not in text
