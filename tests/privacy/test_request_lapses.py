"""A request not completed in time is deemed not filed; an unconfirmed filing cannot block the address's owner."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from audit.models import AuditEvent
from privacy import services
from privacy.calendar import completion_due_of
from privacy.models import DeadlinePolicy, Holiday, RightsRequest
from privacy.services.notify import verification_token
from tests.factories import make_representative, make_staff

pytestmark = pytest.mark.django_db


def test_the_completion_term_counts_business_days_and_skips_holidays():
    # Asked on Thursday 2026-03-12; Monday 2026-03-16 (Benito Juárez) is a holiday.
    asked_on = datetime.date(2026, 3, 12)
    assert completion_due_of(asked_on, holidays=set()) == datetime.date(2026, 3, 26)
    Holiday.objects.create(day=datetime.date(2026, 3, 16), name="Natalicio de Benito Juárez")
    assert completion_due_of(asked_on) == datetime.date(2026, 3, 27)
    DeadlinePolicy.objects.update_or_create(pk=1, defaults={"completion_days": 3})
    assert completion_due_of(asked_on) == datetime.date(2026, 3, 18)


def _asked(mailoutbox, django_capture_on_commit_callbacks):
    person = make_representative(preferred_language="en")
    staff = make_staff()
    rights_request = services.request_file(user=person, right="access", details="Mis datos.", channel="email")
    with django_capture_on_commit_callbacks(execute=True):
        services.request_ask_completion(actor=staff, rights_request=rights_request, what_is_missing="¿Cuáles?")
    pause = rights_request.pauses.get()
    assert pause.complete_by == completion_due_of(pause.asked_on)
    assert pause.complete_by.strftime("%B") in mailoutbox[-1].body  # the person is told the term (in English)
    return person, rights_request, pause


def test_a_request_not_completed_in_time_is_closed_recorded_and_the_person_told(
    mailoutbox, django_capture_on_commit_callbacks
):
    person, rights_request, pause = _asked(mailoutbox, django_capture_on_commit_callbacks)
    assert services.incomplete_close(today=pause.complete_by) == 0  # the last day still counts
    with django_capture_on_commit_callbacks(execute=True):
        assert services.incomplete_close(today=pause.complete_by + datetime.timedelta(days=1)) == 1
    rights_request.refresh_from_db()
    assert rights_request.status == RightsRequest.Status.NOT_COMPLETED and not rights_request.is_open
    assert rights_request.closed_at is not None
    event = AuditEvent.objects.get(action="privacy.not_completed", target_id=str(rights_request.pk))
    assert event.actor is None and "deemed not filed" in event.message
    assert "Not completed in time" in mailoutbox[-1].subject and mailoutbox[-1].to == [person.email]
    assert services.incomplete_close(today=pause.complete_by + datetime.timedelta(days=9)) == 0  # safe twice
    # The right is free again: the person can file anew.
    again = services.request_file(user=person, right="access", details="Todos.", channel="email")
    assert again.is_open


def test_a_completed_request_is_not_closed(mailoutbox, django_capture_on_commit_callbacks):
    person, rights_request, pause = _asked(mailoutbox, django_capture_on_commit_callbacks)
    services.request_complete(actor=person, rights_request=rights_request, addition="Todos.")
    assert services.incomplete_close(today=pause.complete_by + datetime.timedelta(days=30)) == 0
    rights_request.refresh_from_db()
    assert rights_request.status == RightsRequest.Status.IN_PROGRESS


def test_a_pause_opened_before_completion_dates_lapses_from_the_day_it_was_asked(
    mailoutbox, django_capture_on_commit_callbacks
):
    person, rights_request, pause = _asked(mailoutbox, django_capture_on_commit_callbacks)
    pause.complete_by = None  # as a pause opened before migration 0010 was left
    pause.save(update_fields=["complete_by"])
    term = completion_due_of(pause.asked_on)
    assert services.incomplete_close(today=term) == 0  # the last day still counts
    pause.refresh_from_db()
    assert pause.complete_by == term  # given its date, so the request's page shows it
    with django_capture_on_commit_callbacks(execute=True):
        assert services.incomplete_close(today=term + datetime.timedelta(days=1)) == 1
    rights_request.refresh_from_db()
    assert rights_request.status == RightsRequest.Status.NOT_COMPLETED
    assert term.strftime("%Y-%m-%d") in AuditEvent.objects.get(action="privacy.not_completed").message
    assert services.incomplete_close(today=term + datetime.timedelta(days=9)) == 0  # safe twice


def _unconfirmed(email, right="cancellation"):
    return services.request_file(
        user=None, right=right, details="Borrar.", channel="email", full_name="X", email=email, language="es"
    )


def test_the_owner_signed_in_supersedes_an_unconfirmed_request_under_their_address():
    person = make_representative()
    squatter = _unconfirmed(person.email.upper())
    own = services.request_file(user=person, right="cancellation", details="Mi cuenta.", channel="email")
    assert own.is_open and own.requester == person
    squatter.refresh_from_db()
    assert squatter.status == RightsRequest.Status.SUPERSEDED and squatter.closed_at is not None
    event = AuditEvent.objects.get(action="privacy.superseded", target_id=str(squatter.pk))
    assert event.actor == person


def test_a_confirmed_request_still_counts_as_a_duplicate():
    person = make_representative()
    first = _unconfirmed(person.email)
    services.identity_verify(actor=make_staff(), rights_request=first, reason="INE mostrada.")
    with pytest.raises(ValidationError) as error:
        services.request_file(user=person, right="cancellation", details="Otra.", channel="email")
    assert error.value.code == "duplicate"
    # Without an account, a second filing is taken (the page tells nothing), and refused when its link is confirmed.
    services.identity_verify_by_link(token=verification_token(_unconfirmed("other@example.org")))
    second = _unconfirmed("other@example.org")
    with pytest.raises(ValidationError) as error:
        services.identity_verify_by_link(token=verification_token(second))
    assert error.value.code == "duplicate"


def test_a_refused_owner_filing_leaves_the_unconfirmed_request_open():
    person = make_representative()
    squatter = _unconfirmed(person.email)
    with pytest.raises(ValidationError):
        services.request_file(user=person, right="cancellation", details="  ", channel="email")
    squatter.refresh_from_db()
    assert squatter.status == RightsRequest.Status.RECEIVED
    assert not AuditEvent.objects.filter(action="privacy.superseded").exists()


def test_the_term_is_shown_on_the_page_and_lapsed_requests_are_anonymized_by_retention(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    person, rights_request, pause = _asked(mailoutbox, django_capture_on_commit_callbacks)
    client.force_login(person)
    page = client.get(rights_request.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en").text
    assert "to be completed by" in page or "completar a más tardar" in page
    services.incomplete_close(today=pause.complete_by + datetime.timedelta(days=1))
    old = timezone.now() - datetime.timedelta(days=400)
    RightsRequest.objects.filter(pk=rights_request.pk).update(received_at=old)
    services.retention_rule_set(actor=make_staff(), kind="closed_requests", keep_days=365)
    assert services.retention_apply().results["closed_requests"] == 1
    rights_request.refresh_from_db()
    assert rights_request.requester is None and person.email not in rights_request.email
