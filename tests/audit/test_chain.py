"""The tamper-evident record: the hash chain, the trigger, the seals, and what the verification says."""

import io
import threading

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, connections, transaction
from django.urls import reverse

from audit import chain
from audit.models import AuditEvent
from audit.services import audit_record
from audit.verification import verify
from committees.models import Minutes, MinutesStatus, PostKind
from committees.services import minutes_approve, minutes_save_draft
from projects.models import Ballot, BallotStatus
from tests.factories import make_committee, make_post_holder, make_representative, make_session, make_staff

pytestmark = pytest.mark.django_db
ON_POSTGRESQL = connection.vendor == "postgresql"


def _record(count, **kwargs):
    return [
        audit_record(actor=None, action=AuditEvent.Action.LOGIN_FAILED, identifier=f"p{i}@x.example", **kwargs)
        for i in range(count)
    ]


def _raw(sql, params=()):
    """Run SQL as somebody with database access would, past the ORM and (PostgreSQL) the trigger."""
    with connection.cursor() as cursor:
        if ON_POSTGRESQL:  # A superuser's session can switch the triggers off; the chain still tells.
            cursor.execute("SET session_replication_role = replica")
        cursor.execute(sql, params)
        if ON_POSTGRESQL:
            cursor.execute("SET session_replication_role = origin")


def test_each_event_links_to_the_one_before_and_an_untouched_chain_is_intact():
    events = _record(5, changes={"b": 1, "a": [1.5, "ñ"]})
    assert events[0].prev_hash == chain.GENESIS
    assert all(later.prev_hash == earlier.hash for earlier, later in zip(events, events[1:], strict=False))
    report = verify()
    assert report.intact and report.checked == 5 and report.last_good_id == events[-1].pk
    assert report.head == events[-1].hash
    assert f"íntegro hasta el evento {events[-1].pk}" in report.summary


def test_bulk_created_events_are_chained_too():
    AuditEvent.objects.bulk_create([AuditEvent(action=AuditEvent.Action.LOGIN) for _ in range(3)])
    assert verify().checked == 3 and verify().intact


def test_a_rewritten_event_is_named_with_what_differs():
    events = _record(4)
    _raw("UPDATE audit_auditevent SET identifier = %s WHERE id = %s", ["someone@else.example", events[2].pk])
    report = verify()
    assert not report.intact and report.broken.event_id == events[2].pk and report.broken.code == "altered"
    assert report.last_good_id == events[1].pk
    assert report.broken.expected == events[2].hash and report.broken.found != events[2].hash


def test_a_removed_event_breaks_the_link_of_the_next_one():
    events = _record(4)
    _raw("DELETE FROM audit_eventpersonalpart WHERE event_id = %s", [events[1].pk])  # the sign-in's IP, kept apart
    _raw("DELETE FROM audit_auditevent WHERE id = %s", [events[1].pk])
    report = verify()
    assert report.broken.code == "link" and report.broken.event_id == events[2].pk
    assert f"el evento {events[0].pk}" in report.broken.message


@pytest.mark.skipif(not ON_POSTGRESQL, reason="the trigger exists on PostgreSQL only")
def test_postgresql_refuses_update_and_delete_of_the_trail():
    event = _record(1)[0]
    for sql in (
        "UPDATE audit_auditevent SET message = 'x' WHERE id = %s",
        "DELETE FROM audit_auditevent WHERE id = %s",
    ):
        refused = pytest.raises(DatabaseError, match="cannot be changed or deleted")
        with refused, transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql, [event.pk])
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEvent.objects.filter(pk=event.pk).update(message="x")
    assert AuditEvent.objects.get(pk=event.pk).message == ""


def test_approved_minutes_are_sealed_and_a_rewrite_is_named(demo):
    assert verify().intact
    minutes = Minutes.objects.filter(status=MinutesStatus.APPROVED).order_by("id").first()
    minutes.body = "Texto cambiado"
    with pytest.raises(ValidationError):
        minutes.save()  # The ORM refuses: approved minutes are frozen.
    Minutes.objects.filter(pk=minutes.pk).update(body="Texto cambiado")  # Past the model, as SQL would.
    report = verify()
    assert not report.intact and report.broken.code == "seal"
    sealing = AuditEvent.objects.exclude(sealed_digest="").get(target_id=str(minutes.pk), target_type__model="minutes")
    assert report.broken.event_id == sealing.pk and str(minutes.pk) in report.broken.message


def test_a_closed_ballots_stored_result_is_sealed_and_a_rewrite_is_named(demo):
    ballot = Ballot.objects.filter(status=BallotStatus.CLOSED).first()
    result = dict(ballot.result, selected=list(reversed(ballot.result["selected"])) + [999])
    Ballot.objects.filter(pk=ballot.pk).update(result=result)
    report = verify()
    assert report.broken.code == "seal" and str(ballot.pk) in report.broken.message


def test_minutes_approval_seals_the_text_through_the_service():
    committee = make_committee(4, name="Educación")
    chair = make_post_holder(committee, PostKind.CHAIR)
    secretary = make_post_holder(committee, PostKind.SECRETARY)
    draft = minutes_save_draft(actor=secretary, session=make_session(committee, days_from_now=-2), body="Acta")
    minutes_approve(actor=chair, minutes=draft)
    draft.refresh_from_db()
    draft.body = "Otra"
    with pytest.raises(ValidationError):
        draft.save()
    event = AuditEvent.objects.exclude(sealed_digest="").get()  # One approval, one seal.
    assert event.sealed_digest == chain.digest(Minutes.objects.get(pk=draft.pk).sealed_content())
    assert verify().intact and verify().seals_checked == 1


def test_audit_verify_command_reports_in_both_languages():
    events = _record(2)
    call_command("audit_verify", "--language=en", stdout=(out := io.StringIO()))
    assert f"intact up to event {events[-1].pk}" in out.getvalue()
    call_command("audit_verify", "--language=es", stdout=(out := io.StringIO()))
    assert f"íntegro hasta el evento {events[-1].pk}" in out.getvalue()
    _raw("UPDATE audit_auditevent SET action = 'auth.login' WHERE id = %s", [events[0].pk])
    with pytest.raises(CommandError, match=f"Event {events[0].pk} was changed"):
        call_command("audit_verify", "--language=en")


def test_the_verification_page_is_for_staff_and_names_the_break(client):
    url = reverse("audit:verify")
    assert client.get(url).status_code == 302
    client.force_login(make_representative())
    assert client.get(url).status_code == 403
    client.force_login(make_staff())
    events = _record(2)
    assert "Íntegro." not in client.get(url).content.decode()  # verifying is asked for, not run on every load
    assert "Íntegro." in client.post(url).content.decode()
    assert reverse("audit:verify") in client.get(reverse("audit:event-list")).content.decode()
    _raw("UPDATE audit_auditevent SET message = 'otra' WHERE id = %s", [events[1].pk])
    page = client.post(url).content.decode()
    assert "Roto." in page and f"El evento {events[1].pk} se modificó" in page
    assert str(events[1].pk) in page


@pytest.mark.skipif(not ON_POSTGRESQL, reason="two connections appending at once need PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_concurrent_appends_leave_one_unbroken_chain():
    barrier = threading.Barrier(2)
    errors = []

    def append(worker):
        try:
            barrier.wait()
            for i in range(25):
                with transaction.atomic():
                    audit_record(actor=None, action=AuditEvent.Action.LOGIN_FAILED, identifier=f"{worker}-{i}@x.mx")
        except Exception as error:  # noqa: BLE001 (reported by the assertion below)
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=append, args=(n,)) for n in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    report = verify()
    assert report.intact and report.checked == 50
