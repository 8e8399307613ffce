"""The life of a personal data request through the services: every step recorded, the person told."""

import datetime
import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from audit.models import AuditEvent
from privacy import services
from privacy.calendar import due_date_of
from privacy.deadlines import due_date
from privacy.models import DeadlinePolicy, Holiday, RightsRequest
from tests.factories import make_representative, make_staff

pytestmark = pytest.mark.django_db
# LGPDPPSO art. 55, fr. II: the data are not held; an access request of someone with no account is denied.
NO_DATA = "Art. 55, fr. II LGPDPPSO: la plataforma no tiene datos de esta persona."


def actions(rights_request):
    return list(
        AuditEvent.objects.filter(target_id=str(rights_request.pk), action__startswith="privacy.")
        .order_by("created_at", "id")
        .values_list("action", flat=True)
    )


def file_signed_in(person, right="access", **fields):
    fields.setdefault("details", "Todos mis datos personales.")
    fields.setdefault("channel", "email")
    return services.request_file(user=person, right=right, **fields)


def test_signed_in_request_is_received_and_verified_with_a_due_date(mailoutbox, django_capture_on_commit_callbacks):
    person = make_representative(preferred_language="en")
    with django_capture_on_commit_callbacks(execute=True):
        rights_request = file_signed_in(person)
    assert rights_request.status == "identity_verified"
    assert rights_request.requester == person and rights_request.email == person.email
    assert rights_request.term_days == 20
    assert rights_request.due_on == due_date(received_on=rights_request.received_on, business_days=20)
    assert actions(rights_request) == ["privacy.filed", "privacy.identity_verified"]
    assert [m.to for m in mailoutbox] == [[person.email]]  # one e-mail: received, identity verified, due date
    assert "Identity verified" in mailoutbox[-1].subject  # in the person's language


def test_anonymous_request_waits_for_the_emailed_link(mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        rights_request = services.request_file(
            user=None,
            right="cancellation",
            details="Mi cuenta.",
            channel="email",
            full_name="Ana Pérez",
            email="Ana@Example.org",
            language="es",
        )
    assert rights_request.status == "received" and rights_request.email == "ana@example.org"
    link = re.search(r"/privacidad/solicitudes/confirmar/(\S+)/", mailoutbox[-1].body)
    assert "Confirme" in mailoutbox[-1].subject
    verified = services.identity_verify_by_link(token=link.group(1))
    assert verified.status == "identity_verified" and verified.identity_verified_at is not None
    assert actions(rights_request) == ["privacy.filed", "privacy.identity_verified"]
    # A second click changes nothing.
    assert services.identity_verify_by_link(token=link.group(1)).status == "identity_verified"


def test_a_forged_or_expired_link_is_refused_and_recorded(settings):
    with pytest.raises(ValidationError) as error:
        services.identity_verify_by_link(token="not-a-token")
    assert error.value.code == "bad_link"
    rights_request = services.request_file(
        user=None, right="access", details="x", channel="email", full_name="B", email="b@example.org", language="es"
    )
    from privacy.services.notify import verification_token

    settings.AXS_PRIVACY_VERIFY_SECONDS = -1
    with pytest.raises(ValidationError) as error:
        services.identity_verify_by_link(token=verification_token(rights_request))
    assert error.value.code == "expired"
    assert AuditEvent.objects.filter(action="privacy.identity_check_failed").count() == 2
    rights_request.refresh_from_db()
    assert rights_request.status == "received"


def test_anonymous_person_cannot_ask_for_the_answer_on_the_platform():
    with pytest.raises(ValidationError) as error:
        services.request_file(
            user=None, right="access", details="x", channel="platform", full_name="C", email="c@example.org"
        )
    assert "channel" in error.value.error_dict


def test_duplicate_open_request_for_the_same_right_is_refused_and_recorded():
    person = make_representative()
    first = file_signed_in(person)
    with pytest.raises(ValidationError) as error:
        file_signed_in(person)
    assert error.value.code == "duplicate" and first.number in error.value.messages[0]
    assert AuditEvent.objects.filter(action="privacy.duplicate_refused", target_id=str(first.pk)).exists()
    assert file_signed_in(person, right="opposition").pk != first.pk  # another right is another request
    services.request_withdraw(actor=person, rights_request=first, reason="Ya no lo necesito.")
    assert file_signed_in(person).pk != first.pk  # once closed, the same right may be asked again


def test_the_database_refuses_a_second_open_request_too():
    from django.db import IntegrityError, transaction

    person = make_representative()
    first = file_signed_in(person)
    duplicate = RightsRequest(
        full_name="x",
        email=first.email.upper(),
        language="es",
        right="access",
        details="x",
        channel="email",
        received_on=first.received_on,
        term_days=20,
    )
    duplicate.save()  # unconfirmed, it blocks nobody
    duplicate.identity_verified_at = first.identity_verified_at
    with pytest.raises(IntegrityError), transaction.atomic():
        duplicate.save()


def test_full_flow_with_pause_extension_and_partial_answer(mailoutbox, django_capture_on_commit_callbacks):
    staff, person = make_staff(), make_representative()
    rights_request = file_signed_in(person, right="rectification")
    services.request_start(actor=staff, rights_request=rights_request)
    services.request_ask_completion(actor=staff, rights_request=rights_request, what_is_missing="¿Qué campo?")
    rights_request.refresh_from_db()
    assert rights_request.status == "awaiting_completion" and rights_request.due_on is None
    services.request_complete(actor=person, rights_request=rights_request, addition="El teléfono.")
    rights_request.refresh_from_db()
    assert rights_request.status == "in_progress" and "El teléfono." in rights_request.details
    assert rights_request.due_on == due_date_of(rights_request)
    services.request_extend(actor=staff, rights_request=rights_request, reason="Hay que consultar a la DGCREB.")
    rights_request.refresh_from_db()
    assert rights_request.extension_days == 10
    with pytest.raises(ValidationError) as error:
        services.request_extend(actor=staff, rights_request=rights_request, reason="Otra vez.")
    assert error.value.code == "already_extended"
    with pytest.raises(ValidationError) as error:
        services.request_answer(actor=staff, rights_request=rights_request, outcome="partly_granted", answer="Sí.")
    assert "legal_reason" in error.value.error_dict
    with django_capture_on_commit_callbacks(execute=True):
        services.request_answer(
            actor=staff,
            rights_request=rights_request,
            outcome="partly_granted",
            answer="Corregimos el teléfono.",
            legal_reason="Art. 55 LGPDPPSO.",
        )
    rights_request.refresh_from_db()
    assert rights_request.status == "answered" and rights_request.outcome == "partly_granted"
    assert actions(rights_request) == [
        "privacy.filed",
        "privacy.identity_verified",
        "privacy.started",
        "privacy.asked_to_complete",
        "privacy.completed",
        "privacy.extended",
        "privacy.answered",
    ]
    answered = AuditEvent.objects.get(action="privacy.answered", target_id=str(rights_request.pk))
    assert answered.actor == staff and "Corregimos el teléfono." not in answered.message  # the text stays on the row
    assert rights_request.answer == "Corregimos el teléfono."
    assert "Art. 55 LGPDPPSO." in mailoutbox[-1].body


def test_only_staff_take_staff_steps_and_closed_requests_do_not_move():
    person, other = make_representative(), make_representative()
    rights_request = file_signed_in(person)
    with pytest.raises(PermissionDenied):
        services.request_start(actor=person, rights_request=rights_request)
    with pytest.raises(PermissionDenied):
        services.request_withdraw(actor=other, rights_request=rights_request, reason="x")
    services.request_withdraw(actor=person, rights_request=rights_request, reason="Me equivoqué.")
    with pytest.raises(ValidationError) as error:
        services.request_start(actor=make_staff(), rights_request=rights_request)
    assert error.value.code == "wrong_status"


def test_a_request_cannot_be_answered_before_the_identity_is_verified():
    staff = make_staff()
    rights_request = services.request_file(
        user=None, right="access", details="x", channel="email", full_name="D", email="d@example.org"
    )
    with pytest.raises(ValidationError):
        services.request_answer(actor=staff, rights_request=rights_request, outcome="granted", answer="x")
    services.identity_verify(actor=staff, rights_request=rights_request, reason="Mostró su INE en ventanilla.")
    # No account has the address, so there is nothing to export: the answer denies it with the legal reason.
    services.request_answer(
        actor=staff,
        rights_request=rights_request,
        outcome="denied",
        answer="Sin datos.",
        legal_reason=NO_DATA,
    )


def test_holidays_and_the_policy_move_due_dates_of_open_requests_only():
    staff = make_staff()
    services.policy_update(actor=staff, answer_days=15)
    rights_request = file_signed_in(make_representative())
    assert rights_request.term_days == 15
    first_business_day = due_date(received_on=rights_request.received_on, business_days=1)
    holiday = services.holiday_add(actor=staff, day=first_business_day, name="Asueto")
    rights_request.refresh_from_db()
    assert rights_request.due_on == due_date(
        received_on=rights_request.received_on, business_days=15, holidays={first_business_day}
    )
    with pytest.raises(ValidationError):
        services.holiday_add(actor=staff, day=first_business_day, name="Otra vez")
    services.holiday_remove(actor=staff, holiday=holiday)
    rights_request.refresh_from_db()
    assert rights_request.due_on == due_date(received_on=rights_request.received_on, business_days=15)
    assert not Holiday.objects.exists()
    assert AuditEvent.objects.filter(action="privacy.holiday_removed").exists()
    with pytest.raises(ValidationError):
        services.policy_update(actor=staff, extension_days=15)
    assert DeadlinePolicy.current().answer_days == 15


def test_staff_are_reminded_once_per_due_date(mailoutbox, django_capture_on_commit_callbacks):
    staff = make_staff()
    rights_request = file_signed_in(make_representative())
    long_before = rights_request.received_on
    assert services.deadlines_remind(today=long_before) == 0  # 20 business days away, reminder at 5
    near = rights_request.due_on - datetime.timedelta(days=2)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.deadlines_remind(today=near) == 1
    assert staff.email in [m.to[0] for m in mailoutbox]
    assert services.deadlines_remind(today=near) == 0
    services.request_extend(actor=staff, rights_request=rights_request, reason="Carga de trabajo.")
    rights_request.refresh_from_db()
    assert services.deadlines_remind(today=rights_request.due_on) == 1  # a new due date, a new reminder


def test_the_policy_service_refuses_a_term_of_zero_days_with_a_clear_message():
    with pytest.raises(ValidationError) as refused:
        services.policy_update(actor=make_staff(), answer_days=0)
    assert refused.value.error_dict["answer_days"][0].code == "answer_days_too_short"
    assert refused.value.message_dict == {"answer_days": ["El plazo para responder debe ser de al menos 1 día hábil."]}
    assert DeadlinePolicy.current().answer_days == 20
