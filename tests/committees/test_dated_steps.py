"""Appointments and membership steps take effect the day they are recorded: none after today, none out of order."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from committees import permissions, services
from committees.models import Membership, MembershipChange, Post, PostKind
from tests.factories import make_committee, make_committee_member, make_organization, make_post_holder, make_staff

pytestmark = pytest.mark.django_db

D = datetime.date


def tomorrow():
    return timezone.localdate() + datetime.timedelta(days=1)


def _code(error, field):
    return error.value.error_dict[field][0].code


def test_a_chair_appointed_from_a_future_day_is_refused_and_the_current_chair_keeps_the_post():
    committee = make_committee()
    chair = make_post_holder(committee, PostKind.CHAIR)
    successor = make_committee_member(committee)
    with pytest.raises(ValidationError) as error:
        services.post_appoint(
            actor=make_staff(), committee=committee, kind=PostKind.CHAIR, holder=successor, started_on=tomorrow()
        )
    assert _code(error, "started_on") == "future_date"
    assert Post.objects.current().get(committee=committee, kind=PostKind.CHAIR).holder == chair
    assert permissions.is_chair(chair, committee.pk)
    assert not permissions.is_chair(successor, committee.pk)


def test_a_chair_appointed_today_takes_the_post_today():
    committee = make_committee()
    make_post_holder(committee, PostKind.CHAIR)
    successor = make_committee_member(committee)
    post = services.post_appoint(
        actor=make_staff(), committee=committee, kind=PostKind.CHAIR, holder=successor, started_on=timezone.localdate()
    )
    assert post.is_current and post.started_on == timezone.localdate()


def test_a_suspension_from_a_future_day_is_refused_and_the_membership_stays_active():
    membership = services.membership_add(
        actor=make_staff(), committee=make_committee(), organization=make_organization(), joined_on=D(2016, 11, 1)
    )
    with pytest.raises(ValidationError) as error:
        services.membership_transition(
            actor=make_staff(), membership=membership, action="suspend", reason="Pausa", effective_on=tomorrow()
        )
    assert _code(error, "effective_on") == "future_date"
    membership.refresh_from_db()
    assert membership.status == "active"
    assert MembershipChange.objects.filter(membership=membership).count() == 1


def test_an_organization_cannot_join_from_a_future_day():
    committee = make_committee()
    with pytest.raises(ValidationError) as error:
        services.membership_add(
            actor=make_staff(), committee=committee, organization=make_organization(), joined_on=tomorrow()
        )
    assert _code(error, "joined_on") == "future_date"
    assert not Membership.objects.filter(committee=committee).exists()


def test_a_step_dated_before_the_latest_change_is_refused_with_that_date():
    staff = make_staff()
    membership = services.membership_add(
        actor=staff, committee=make_committee(), organization=make_organization(), joined_on=D(2016, 11, 1)
    )
    services.membership_transition(
        actor=staff, membership=membership, action="suspend", reason="Pausa", effective_on=D(2017, 6, 1)
    )
    with pytest.raises(ValidationError) as error:
        services.membership_transition(
            actor=staff, membership=membership, action="reinstate", effective_on=D(2017, 1, 1)
        )
    assert _code(error, "effective_on") == "before_latest_change"
    assert "01/06/2017" in error.value.messages[0]
    membership.refresh_from_db()
    assert membership.status == "suspended"
    # The same day as the latest change, or later, is fine; the history then agrees with the status.
    services.membership_transition(actor=staff, membership=membership, action="reinstate", effective_on=D(2017, 6, 1))
    assert Membership.objects.active_on(D(2017, 7, 1)).filter(pk=membership.pk).exists()


def test_the_appointment_form_refuses_a_future_term_and_keeps_what_was_typed(client):
    committee = make_committee()
    make_post_holder(committee, PostKind.CHAIR)
    successor = make_committee_member(committee, full_name="Lucía Andrade")
    client.force_login(make_staff())
    day = tomorrow().isoformat()
    response = client.post(
        reverse("committees:post-appoint", args=[committee.pk]),
        {"kind": "chair", "holder": successor.pk, "started_on": day},
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert "El periodo no puede empezar después de hoy" in content
    assert f'value="{day}"' in content
    assert Post.objects.filter(committee=committee).count() == 1


def test_the_suspension_form_refuses_a_future_date_and_keeps_what_was_typed(client):
    committee = make_committee()
    membership = services.membership_add(
        actor=make_staff(), committee=committee, organization=make_organization(), joined_on=D(2016, 11, 1)
    )
    client.force_login(make_staff())
    day = tomorrow().isoformat()
    response = client.post(
        reverse("committees:membership-transition", args=[membership.pk, "suspend"]),
        {"effective_on": day, "reason": "Cambio de representante"},
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert "El cambio no puede surtir efecto después de hoy" in content
    assert f'value="{day}"' in content and "Cambio de representante" in content
    membership.refresh_from_db()
    assert membership.status == "active"
