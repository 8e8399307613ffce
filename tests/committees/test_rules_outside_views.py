"""Rules that pages share, in services and selectors: the calendar address, choosable people, who approves minutes."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from accounts.selectors import active_person_with_email, people
from audit.models import AuditEvent
from committees import selectors, services
from committees.models import CalendarFeed
from companies.models import Representative
from tests.factories import (
    make_committee,
    make_committee_member,
    make_member_person,
    make_organization,
    make_representative,
    make_session,
    make_staff,
)

pytestmark = pytest.mark.django_db


def test_renewing_the_calendar_address_replaces_it_and_is_audited():
    person = make_representative()
    feed, created = services.calendar_feed_renew(person=person)
    first_token = feed.token
    assert created
    feed, created = services.calendar_feed_renew(person=person)
    assert not created and feed.token != first_token
    assert not CalendarFeed.objects.filter(token=first_token).exists()
    actions = list(AuditEvent.objects.filter(actor=person).order_by("id").values_list("action", flat=True))
    assert actions == ["committees.calendar_feed_created", "committees.calendar_feed_renewed"]


def test_stopping_the_calendar_address_keeps_the_row_and_is_audited_and_renewing_starts_it_again():
    person = make_representative()
    feed, _created = services.calendar_feed_renew(person=person)
    stopped = services.calendar_feed_stop(person=person)
    assert stopped.pk == feed.pk and stopped.stopped_at is not None
    assert CalendarFeed.objects.get(pk=feed.pk).stopped_at is not None
    assert selectors.calendar_feed_of(person) is None
    feed, created = services.calendar_feed_renew(person=person)
    assert not created and feed.stopped_at is None and feed.token != stopped.token
    assert selectors.calendar_feed_of(person) == feed
    events = AuditEvent.objects.filter(actor=person).order_by("id")
    assert list(events.values_list("action", flat=True)) == [
        "committees.calendar_feed_created",
        "committees.calendar_feed_stopped",
        "committees.calendar_feed_renewed",
    ]
    assert {event.target_id for event in events} == {str(feed.pk)}


def test_stopping_a_calendar_address_that_does_not_work_is_refused():
    person = make_representative()
    with pytest.raises(ValidationError) as error:
        services.calendar_feed_stop(person=person)
    assert error.value.code == "no_calendar_feed"
    services.calendar_feed_renew(person=person)
    services.calendar_feed_stop(person=person)
    with pytest.raises(ValidationError) as error:
        services.calendar_feed_stop(person=person)
    assert error.value.code == "no_calendar_feed"
    assert AuditEvent.objects.filter(action="committees.calendar_feed_stopped").count() == 1


def test_a_cancellation_still_replaces_the_address_of_a_stopped_calendar(client):
    from privacy.services import person_anonymize

    person = make_representative()
    feed, _created = services.calendar_feed_renew(person=person)
    old_address = feed.get_absolute_url()
    services.calendar_feed_stop(person=person)
    person_anonymize(actor=make_staff(), user=person)
    feed.refresh_from_db()
    assert feed.stopped_at is not None and feed.get_absolute_url() != old_address
    assert client.get(old_address).status_code == 404


def test_the_person_lookup_by_email_refuses_an_unknown_or_inactive_address_on_the_field():
    person = make_representative(email="ana@axs.example")
    assert active_person_with_email(" ANA@axs.example ") == person
    with pytest.raises(ValidationError) as error:
        active_person_with_email("nadie@axs.example", field="other_email")
    assert "other_email" in error.value.message_dict
    person.is_active = False
    person.save(update_fields=["is_active"])
    with pytest.raises(ValidationError) as error:
        active_person_with_email("ana@axs.example")
    assert error.value.code == "unknown_person"


def test_an_agreement_names_only_current_representatives_but_keeps_who_already_answers_for_it():
    committee = make_committee()
    member = make_committee_member(committee)
    left = make_committee_member(committee)
    Representative.objects.filter(user=left).update(ended_at=timezone.now())
    outsider = make_member_person(make_organization())
    session = make_session(committee, days_from_now=-3)
    organizations, choosable = selectors.agreement_choices(session)
    assert member in choosable and left not in choosable and outsider not in choosable
    plenary = make_session(days_from_now=-3)
    _organizations, choosable = selectors.agreement_choices(plenary)
    assert member in choosable and outsider in choosable and left not in choosable

    class Answering:
        responsible_organization_id = None
        responsible_person_id = left.pk

    _organizations, choosable = selectors.agreement_choices(session, keeping=Answering)
    assert left in choosable


def test_minutes_are_approved_at_a_later_session_of_the_same_committee_already_held():
    committee = make_committee()
    session = make_session(committee, days_from_now=-20)
    held = make_session(committee, days_from_now=-5)
    make_session(committee, days_from_now=5)  # not held yet
    make_session(make_committee(7), days_from_now=-4)  # another committee
    make_session(committee, days_from_now=-30)  # earlier
    assert list(selectors.sessions_that_may_approve_minutes_of(session)) == [held]


def test_the_people_list_filters_by_name_or_email_role_and_status():
    ana = make_representative(full_name="Ana Ruiz", email="ana@axs.example")
    staff = make_staff(full_name="Beto Díaz", email="beto@axs.example")
    assert list(people(q="ruiz")) == [ana]
    assert list(people(q="beto@")) == [staff]
    assert staff in people(role="staff") and ana not in people(role="staff")
    ana.is_active = False
    ana.save(update_fields=["is_active"])
    assert ana in people(active="no") and ana not in people(active="yes")


def test_approving_the_draft_minutes_refuses_a_session_without_a_draft_and_approves_the_draft():
    from committees.models import PostKind
    from tests.factories import make_post_holder

    committee = make_committee()
    chair = make_post_holder(committee, PostKind.CHAIR)
    session = make_session(committee, days_from_now=-2)
    with pytest.raises(ValidationError) as error:
        services.minutes_approve_draft(actor=chair, session=session)
    assert error.value.code == "no_draft"
    services.minutes_save_draft(actor=make_staff(), session=session, body="Acuerdos de la sesión.")
    minutes = services.minutes_approve_draft(actor=chair, session=session)
    assert minutes.status == "approved"
