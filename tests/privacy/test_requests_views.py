"""Pages of personal data requests: who may see what, forms that keep input, the steps from the page."""

import datetime
import re

import pytest
from django.urls import reverse

from axs_platform.models import OutgoingEmail
from privacy import services
from privacy.models import RightsRequest
from tests.factories import make_representative, make_staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def filed():
    person = make_representative()
    return person, services.request_file(user=person, right="access", details="Todo.", channel="email")


def test_anyone_may_open_the_form_with_the_simplified_notice(client):
    response = client.get(reverse("privacy:request-file"))
    assert response.status_code == 200
    assert 'name="email"' in response.text and reverse("privacy") in response.text


def test_staff_pages_answer_login_403_and_200(client, filed):
    _person, rights_request = filed
    for name, args in (("privacy:queue", []), ("privacy:calendar", [])):
        url = reverse(name, args=args)
        assert client.get(url).status_code == 302
        client.force_login(make_representative())
        assert client.get(url).status_code == 403
        client.force_login(make_staff())
        assert client.get(url).status_code == 200
        client.logout()
    url = rights_request.get_absolute_url()
    assert client.get(url).status_code == 302
    client.force_login(make_representative())
    assert client.get(url).status_code == 403


def test_queue_flags_overdue_requests(client, filed):
    _person, rights_request = filed
    RightsRequest.objects.filter(pk=rights_request.pk).update(due_on=rights_request.received_on.replace(year=2000))
    client.force_login(make_staff())
    response = client.get(reverse("privacy:queue"), {"overdue": "on"})
    assert rights_request.number in response.text and "table-danger" in response.text


def test_anonymous_filing_then_link_confirms(client, mailoutbox, django_capture_on_commit_callbacks):
    data = {"full_name": "Ana", "email": "ana@example.org", "right": "portability", "details": "x", "channel": "email"}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("privacy:request-file"), data)
    assert response.status_code == 302 and response.url == reverse("privacy:request-filed")
    path = re.search(r"https?://[^/]+(/privacidad/solicitudes/confirmar/\S+/)", mailoutbox[-1].body).group(1)
    assert client.get(path).status_code == 200  # the link only shows a button
    assert RightsRequest.objects.get().status == "received"
    response = client.post(path)
    assert response.status_code == 200 and RightsRequest.objects.get().status == "identity_verified"
    assert client.post(path.replace("confirmar/", "confirmar/x")).status_code == 400


def test_duplicate_keeps_what_was_typed(client, filed):
    person, _rights_request = filed
    client.force_login(person)
    response = client.post(
        reverse("privacy:request-file"), {"right": "access", "details": "Mi texto largo.", "channel": "email"}
    )
    assert response.status_code == 200
    assert "Ya tiene una solicitud abierta" in response.text and "Mi texto largo." in response.text


def test_staff_answer_denied_without_legal_reason_keeps_input_then_answers(client, filed):
    _person, rights_request = filed
    client.force_login(make_staff())
    url = reverse("privacy:request-action", args=[rights_request.pk, "answer"])
    response = client.post(url, {"answer-outcome": "denied", "answer-answer": "No procede."})
    assert response.status_code == 400 and "No procede." in response.text
    response = client.post(
        url, {"answer-outcome": "denied", "answer-answer": "No procede.", "answer-legal_reason": "Art. 55."}
    )
    assert response.status_code == 302
    rights_request.refresh_from_db()
    assert rights_request.status == "answered" and rights_request.legal_reason == "Art. 55."


def test_requester_sees_only_their_steps_and_may_withdraw(client, filed):
    person, rights_request = filed
    client.force_login(person)
    page = client.get(rights_request.get_absolute_url()).text
    assert "withdraw" in page and "/answer/" not in page
    assert client.post(reverse("privacy:request-action", args=[rights_request.pk, "answer"]), {}).status_code == 403
    response = client.post(
        reverse("privacy:request-action", args=[rights_request.pk, "withdraw"]), {"withdraw-reason": "Ya no."}
    )
    assert response.status_code == 302
    rights_request.refresh_from_db()
    assert rights_request.status == "withdrawn"
    page = client.get(reverse("privacy:my-requests")).text
    assert rights_request.number in page
    # The requester is told what happened to them, not the staff's "the person was told".
    assert "Te enviamos una confirmación por correo electrónico." in page and "Se avisó a la persona" not in page
    assert OutgoingEmail.objects.filter(to__icontains=person.email).exists()


def test_staff_step_tells_staff_the_person_was_told(client, filed):
    _person, rights_request = filed
    client.force_login(make_staff())
    response = client.post(
        reverse("privacy:request-action", args=[rights_request.pk, "withdraw"]),
        {"withdraw-reason": "Lo pidió por teléfono."},
        follow=True,
    )
    assert "Se avisó a la persona por correo electrónico." in response.text


def test_calendar_adds_and_removes_a_day_and_keeps_bad_input(client):
    client.force_login(make_staff())
    url = reverse("privacy:calendar")
    assert client.post(url, {"form": "holiday", "day": "2030-09-16", "name": "Independencia"}).status_code == 302
    response = client.post(url, {"form": "holiday", "day": "2030-09-16", "name": "Otra vez"})
    assert response.status_code == 400 and "Otra vez" in response.text
    response = client.post(
        url,
        {"form": "policy", "answer_days": "20", "extension_days": "15", "reminder_days": "3", "completion_days": "12"},
    )
    assert response.status_code == 400 and "10" in response.text
    from privacy.models import Holiday

    holiday = Holiday.objects.get()
    assert client.post(reverse("privacy:holiday-remove", args=[holiday.pk])).status_code == 302
    assert not Holiday.objects.exists()


def test_staff_cancel_from_the_page_anonymizes_and_answers(client):
    person = make_representative()
    rights_request = services.request_file(user=person, right="cancellation", details="Todo.", channel="email")
    client.force_login(make_staff())
    page = client.get(rights_request.get_absolute_url()).text
    # Filed signed in: the audit trail records the person, a record the law keeps, so the page says so.
    assert "Anonimizar a la persona y responder" in page and "2 eventos en la bitácora de auditoría" in page
    url = reverse("privacy:request-action", args=[rights_request.pk, "cancel"])
    refused = client.post(url, {"cancel-answer": "Hecho."})
    assert refused.status_code == 400 and "Hecho." in refused.text
    response = client.post(url, {"cancel-answer": "Hecho.", "cancel-legal_reason": "Ley General de Archivos."})
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.full_name.startswith("Persona anonimizada") and not person.is_active
    rights_request.refresh_from_db()
    assert rights_request.outcome == "partly_granted"


def test_staff_apply_a_rectification_through_the_accounts_service(client):
    from audit.models import AuditEvent

    person = make_representative(phone="55 0000 0000")
    rights_request = services.request_file(user=person, right="rectification", details="Mi teléfono.", channel="email")
    client.force_login(make_staff())
    page = client.get(rights_request.get_absolute_url()).text
    assert "55 0000 0000" in page  # the form starts from what the platform holds
    url = reverse("privacy:request-action", args=[rights_request.pk, "rectify"])
    data = {"rectify-full_name": person.full_name, "rectify-email": person.email, "rectify-phone": "55 1111 2222"}
    assert client.post(url, data).status_code == 302
    person.refresh_from_db()
    assert person.phone == "55 1111 2222"
    assert AuditEvent.objects.filter(action="object.updated", target_id=str(person.pk)).exists()
    assert AuditEvent.objects.filter(action="privacy.rectified", target_id=str(rights_request.pk)).exists()
    response = client.post(url, data)  # nothing differs now: refused, input kept
    assert response.status_code == 400 and "55 1111 2222" in response.text


def test_the_staff_desk_counts_overdue_requests(filed):
    from privacy.desk import staff_counts

    _person, rights_request = filed
    assert staff_counts(today=rights_request.due_on)["requests_overdue"] == 0
    assert staff_counts(today=rights_request.due_on + datetime.timedelta(days=1))["requests_overdue"] == 1


@pytest.mark.parametrize(
    "language, words",
    [
        ("es-mx", "Asegúrese de que este valor sea mayor o igual a 1."),
        ("en", "Ensure this value is greater than or equal to 1."),
    ],
)
def test_a_term_of_zero_days_is_refused_next_to_the_field_in_the_users_language(client, language, words):
    from privacy.models import DeadlinePolicy

    client.force_login(make_staff(preferred_language=language))
    url = reverse("privacy:calendar")
    page = client.get(url).text
    assert re.search(r'<input[^>]*name="answer_days"[^>]*min="1"', page)
    assert re.search(r'<input[^>]*name="completion_days"[^>]*min="1"', page)
    response = client.post(
        url,
        {"form": "policy", "answer_days": "0", "extension_days": "10", "reminder_days": "5", "completion_days": "10"},
    )
    assert response.status_code == 400
    assert words in response.text
    assert "privacy_policy_answer_days_positive" not in response.text
    assert response.context["policy_form"].errors["answer_days"] == [words]
    assert DeadlinePolicy.current().answer_days == 20


@pytest.mark.parametrize(
    ("language", "words"),
    [("es-mx", "La responderemos a más tardar el {day}."), ("en", "We answer it by {day} at the latest.")],
)
def test_the_message_after_filing_signed_in_writes_the_due_date_in_full_in_the_users_language(client, language, words):
    from django.utils import translation
    from django.utils.formats import date_format

    client.force_login(make_representative(preferred_language=language))
    data = {"right": "access", "details": "Todos mis datos.", "channel": "platform"}
    response = client.post(reverse("privacy:request-file"), data, follow=True)
    rights_request = RightsRequest.objects.get()
    with translation.override(language):
        day = date_format(rights_request.due_on, "DATE_FORMAT")
    assert words.format(day=day) in response.text
    assert rights_request.due_on.isoformat() not in response.text
