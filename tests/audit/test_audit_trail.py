"""The audit trail: recording, immutability, and the staff page that browses it."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from audit.models import AuditEvent
from audit.selectors import events_for
from audit.services import audit_record, changes_between, snapshot
from tests.factories import make_evaluator, make_representative, make_staff

pytestmark = pytest.mark.django_db
AUDIT = reverse("audit:event-list")


def test_an_event_records_who_what_which_object_and_what_changed(rf):
    staff = make_staff(email="ana@amexcid.example")
    person = make_representative(full_name="Mariana Torres")
    request = rf.get("/cuenta/personas/1/", REMOTE_ADDR="10.1.2.3")
    event = audit_record(
        actor=staff,
        action=AuditEvent.Action.UPDATED,
        target=person,
        changes={"role": ["a", "b"]},
        message="Cambio de área",
        request=request,
    )
    event.refresh_from_db()
    assert event.actor == staff and event.actor_repr == "ana@amexcid.example"
    assert event.target_repr.startswith("Mariana Torres")
    assert event.changes == {"role": ["a", "b"]}
    assert event.message == "Cambio de área"
    # The IP address and the page are kept beside the chain, in the part a cancellation or retention may erase.
    assert (event.ip_address, event.path) == (None, "") and len(event.personal_digest) == 64
    assert (event.shown_ip_address, event.shown_path) == ("10.1.2.3", "/cuenta/personas/1/")
    assert list(events_for(person)) == [event]


def test_events_can_be_neither_changed_nor_deleted():
    event = audit_record(actor=None, action=AuditEvent.Action.LOGIN_FAILED, identifier="x@y.example")
    event.message = "tampered"
    with pytest.raises(ValidationError):
        event.save()
    with pytest.raises(ValidationError):
        event.delete()
    assert AuditEvent.objects.get(pk=event.pk).message == ""


def test_changes_between_lists_only_the_fields_that_differ():
    person = make_representative(full_name="Uno", job_title="A")
    before = snapshot(person, ["full_name", "job_title", "role"])
    person.full_name = "Dos"
    assert changes_between(before, snapshot(person, ["full_name", "job_title", "role"])) == {
        "full_name": ["Uno", "Dos"]
    }


def test_the_audit_page_is_for_staff_only(client):
    assert client.get(AUDIT).status_code == 302
    for person in (make_representative(), make_evaluator()):
        client.force_login(person)
        assert client.get(AUDIT).status_code == 403


def test_staff_browse_and_filter_the_trail_with_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    staff = make_staff()
    person = make_representative(email="filtered@b.example")
    for _number in range(60):
        audit_record(actor=person, action=AuditEvent.Action.UPDATED, target=person, changes={"phone": ["1", "2"]})
    audit_record(actor=None, action=AuditEvent.Action.LOGIN_FAILED, identifier="intruso@b.example")
    client.force_login(staff)
    with django_assert_max_num_queries(10):
        response = client.get(AUDIT)
    assert response.status_code == 200
    failed = client.get(AUDIT, {"action": AuditEvent.Action.LOGIN_FAILED}).content.decode()
    assert "intruso@b.example" in failed
    assert "filtered@b.example" not in failed
    by_person = client.get(AUDIT, {"who": "filtered@"}).content.decode()
    assert "filtered@b.example" in by_person
    assert "Más antiguos" in by_person and "Más recientes" not in by_person


def test_a_filter_with_the_end_before_the_start_says_so(client):
    client.force_login(make_staff())
    response = client.get(AUDIT, {"date_from": "2026-05-02", "date_to": "2026-05-01"})
    assert response.status_code == 200
    assert "La fecha final no puede ser anterior a la fecha inicial" in response.content.decode()


def test_the_trail_pages_by_key_older_and_newer_with_the_same_queries_at_any_depth(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    person = make_representative()
    AuditEvent.objects.bulk_create(
        [AuditEvent(actor_repr=person.email, action=AuditEvent.Action.LOGIN) for _ in range(130)]
    )
    client.force_login(make_staff())
    seen, counts, query = [], [], {"who": person.email}
    for _ in range(3):
        with CaptureQueriesContext(connection) as captured:
            response = client.get(AUDIT, query)
        counts.append(len(captured))
        page = response.context["page_obj"]
        seen += [event.pk for event in page]
        query = {"who": person.email, "after": page.last_pk}
    assert len(seen) == len(set(seen)) == 130 and not page.has_next
    assert seen == sorted(seen, reverse=True)
    assert counts[1] == counts[2]
    back = client.get(AUDIT, {"who": person.email, "before": page.first_pk}).context["page_obj"]
    assert [event.pk for event in back] == seen[50:100]
    assert "Más recientes" in client.get(AUDIT, {"after": seen[10]}).content.decode()
    assert client.get(AUDIT, {"after": "x"}).status_code == 200  # a bad key reads the first page
