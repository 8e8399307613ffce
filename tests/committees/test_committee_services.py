"""Committees, memberships over time, posts and work plans: the rules the services keep."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from audit.models import AuditEvent
from committees import services
from committees.models import Committee, Membership, MembershipChange, Post, PostKind, WorkPlanActivity
from tests.factories import (
    make_committee,
    make_committee_member,
    make_member_person,
    make_organization,
    make_post_holder,
    make_staff,
    seat,
)

pytestmark = pytest.mark.django_db


def test_staff_create_a_committee_tied_to_an_sdg_and_it_is_audited():
    staff = make_staff()
    from sdg.models import Goal

    committee = services.committee_create(
        actor=staff, name="Agua limpia", goal=Goal.objects.get(number=6), decision_mechanism="vote"
    )
    assert committee.goal.number == 6
    assert AuditEvent.objects.filter(action=AuditEvent.Action.CREATED, target_id=str(committee.pk)).exists()


def test_a_representative_cannot_create_a_committee():
    from sdg.models import Goal

    with pytest.raises(PermissionDenied):
        services.committee_create(
            actor=make_member_person(), name="X", goal=Goal.objects.get(number=6), decision_mechanism="vote"
        )


def test_closing_a_committee_keeps_it_and_ends_its_posts():
    committee = make_committee()
    make_post_holder(committee, PostKind.CHAIR)
    services.committee_close(actor=make_staff(), committee=committee, reason="Se fusionó con otro comité.")
    committee.refresh_from_db()
    assert not committee.is_open
    assert Committee.objects.filter(pk=committee.pk).exists()
    assert not Post.objects.current().filter(committee=committee).exists()
    with pytest.raises(ValidationError) as error:
        services.membership_add(actor=make_staff(), committee=committee, organization=make_organization())
    assert error.value.code == "closed"


def test_closing_needs_a_reason():
    with pytest.raises(ValidationError) as error:
        services.committee_close(actor=make_staff(), committee=make_committee(), reason="  ")
    assert error.value.error_dict["reason"][0].code == "reason_required"


def test_membership_history_join_suspend_reinstate_leave_is_kept():
    staff = make_staff()
    committee = make_committee()
    organization = make_organization()
    membership = services.membership_add(
        actor=staff, committee=committee, organization=organization, joined_on=datetime.date(2016, 11, 1)
    )
    services.membership_transition(actor=staff, membership=membership, action="suspend", reason="Reestructura interna")
    services.membership_transition(actor=staff, membership=membership, action="reinstate")
    services.membership_transition(
        actor=staff, membership=membership, action="end", reason="El proyecto no se ajusta a su modelo de negocio"
    )
    membership.refresh_from_db()
    assert membership.status == "left"
    assert membership.ended_on is not None
    steps = list(
        MembershipChange.objects.filter(membership=membership).order_by("id").values_list("to_status", flat=True)
    )
    assert steps == ["active", "suspended", "active", "left"]
    # Coming back opens a new period; the old one stays.
    services.membership_add(actor=staff, committee=committee, organization=organization)
    assert Membership.objects.filter(committee=committee, organization=organization).count() == 2


def test_a_membership_is_active_on_the_days_its_history_says_so():
    staff = make_staff()
    committee = make_committee()
    membership = services.membership_add(
        actor=staff, committee=committee, organization=make_organization(), joined_on=datetime.date(2016, 11, 1)
    )
    for action, day in (("suspend", (2017, 3, 1)), ("reinstate", (2017, 6, 1)), ("end", (2017, 9, 1))):
        services.membership_transition(
            actor=staff, membership=membership, action=action, reason="Motivo", effective_on=datetime.date(*day)
        )
    written_directly = seat(committee, make_organization(), joined_on=datetime.date(2016, 11, 1))

    def active_on(*day):
        return set(Membership.objects.active_on(datetime.date(*day)).values_list("pk", flat=True))

    assert active_on(2016, 10, 31) == set()
    assert active_on(2016, 11, 1) == {membership.pk, written_directly.pk}
    assert active_on(2017, 4, 1) == {written_directly.pk}
    assert active_on(2017, 7, 1) == {membership.pk, written_directly.pk}
    assert active_on(2017, 9, 1) == {written_directly.pk}


def test_suspending_or_leaving_needs_a_reason():
    staff = make_staff()
    membership = seat(make_committee(), make_organization())
    with pytest.raises(ValidationError) as error:
        services.membership_transition(actor=staff, membership=membership, action="end", reason="")
    assert error.value.error_dict["reason"][0].code == "reason_required"


def test_an_organization_cannot_be_seated_twice():
    committee = make_committee()
    organization = make_organization()
    seat(committee, organization)
    with pytest.raises(ValidationError) as error:
        services.membership_add(actor=make_staff(), committee=committee, organization=organization)
    assert error.value.error_dict["organization"][0].code == "already_member"


def test_an_organization_may_sit_on_several_committees():
    staff = make_staff()
    organization = make_organization()
    services.membership_add(actor=staff, committee=make_committee(4), organization=organization)
    services.membership_add(actor=staff, committee=make_committee(11), organization=organization)
    assert Membership.objects.current().filter(organization=organization).count() == 2


def test_a_representative_requests_to_join_and_staff_approve():
    committee = make_committee()
    person = make_member_person()
    membership = services.membership_request(actor=person, committee=committee, reason="Tenemos un programa de becas")
    assert membership.status == "requested"
    services.membership_transition(actor=make_staff(), membership=membership, action="approve")
    membership.refresh_from_db()
    assert membership.status == "active"
    assert membership.joined_on is not None


def test_a_declined_request_needs_a_reason_and_is_kept():
    committee = make_committee()
    membership = services.membership_request(actor=make_member_person(), committee=committee)
    services.membership_transition(
        actor=make_staff(), membership=membership, action="decline", reason="Fuera del alcance"
    )
    membership.refresh_from_db()
    assert membership.status == "declined"


def test_a_request_cannot_be_suspended():
    membership = services.membership_request(actor=make_member_person(), committee=make_committee())
    with pytest.raises(ValidationError) as error:
        services.membership_transition(actor=make_staff(), membership=membership, action="suspend", reason="x")
    assert error.value.code == "invalid_transition"


def test_appointing_a_new_chair_ends_the_previous_term_and_keeps_history():
    staff = make_staff()
    committee = make_committee()
    first = make_committee_member(committee)
    second = make_committee_member(committee)
    services.post_appoint(
        actor=staff, committee=committee, kind=PostKind.CHAIR, holder=first, started_on=datetime.date(2016, 11, 1)
    )
    services.post_appoint(
        actor=staff, committee=committee, kind=PostKind.CHAIR, holder=second, started_on=datetime.date(2017, 6, 1)
    )
    terms = list(Post.objects.filter(committee=committee, kind=PostKind.CHAIR).order_by("started_on"))
    assert [t.holder for t in terms] == [first, second]
    assert terms[0].ended_on == datetime.date(2017, 6, 1)
    assert terms[1].ended_on is None


def test_the_database_refuses_a_second_current_chair():
    committee = make_committee()
    make_post_holder(committee, PostKind.CHAIR)
    other = make_committee_member(committee)
    with pytest.raises(IntegrityError), transaction.atomic():
        Post.objects.create(
            committee=committee,
            kind=PostKind.CHAIR,
            holder=other,
            organization=other.representations.get().organization,
            started_on=datetime.date(2017, 1, 1),
        )


def test_a_second_current_chair_through_the_form_rules_is_refused_with_a_clear_message():
    committee = make_committee()
    make_post_holder(committee, PostKind.CHAIR)
    other = make_committee_member(committee)
    post = Post(
        committee=committee,
        kind=PostKind.CHAIR,
        holder=other,
        organization=other.representations.get().organization,
        started_on=datetime.date(2017, 1, 1),
    )
    with pytest.raises(ValidationError) as error:
        post.full_clean()
    assert "Este cargo ya tiene una persona titular vigente." in str(error.value)


def test_a_post_holder_must_represent_a_member_organization():
    committee = make_committee()
    outsider = make_member_person()
    with pytest.raises(ValidationError) as error:
        services.post_appoint(actor=make_staff(), committee=committee, kind=PostKind.SECRETARY, holder=outsider)
    assert error.value.error_dict["holder"][0].code == "holder_not_member"


def test_a_chair_cannot_appoint_posts():
    committee = make_committee()
    chair = make_post_holder(committee, PostKind.CHAIR)
    with pytest.raises(PermissionDenied):
        services.post_appoint(
            actor=chair, committee=committee, kind=PostKind.SECRETARY, holder=make_committee_member(committee)
        )


def test_when_the_organization_leaves_its_post_holder_term_ends():
    committee = make_committee()
    chair = make_post_holder(committee, PostKind.CHAIR)
    membership = Membership.objects.get(committee=committee, organization=chair.representations.get().organization)
    services.membership_transition(actor=make_staff(), membership=membership, action="end", reason="Deja la alianza")
    assert not Post.objects.current().filter(committee=committee).exists()


def test_the_chair_keeps_the_work_plan_and_progress_counts_done_activities():
    committee = make_committee()
    chair = make_post_holder(committee, PostKind.CHAIR)
    organization = chair.representations.get().organization
    area = services.priority_area_create(actor=chair, committee=committee, name="Educación dual")
    activity = services.activity_create(
        actor=chair,
        committee=committee,
        priority_area=area,
        title="Mapeo de programas de las empresas",
        responsible_organization=organization,
        starts_on=datetime.date(2017, 1, 1),
        ends_on=datetime.date(2017, 3, 1),
        status="planned",
    )
    services.activity_update(actor=chair, activity=activity, status="done")
    from committees.selectors import work_plan

    _areas, progress = work_plan(committee)
    assert progress == {"total": 1, "done": 1, "in_progress": 0, "planned": 0, "cancelled": 0, "percent": 100}
    assert AuditEvent.objects.filter(target_id=str(activity.pk), action=AuditEvent.Action.UPDATED).exists()


def test_a_chair_of_another_committee_cannot_touch_this_work_plan():
    committee = make_committee()
    other_chair = make_post_holder(make_committee(7), PostKind.CHAIR)
    with pytest.raises(PermissionDenied):
        services.priority_area_create(actor=other_chair, committee=committee, name="Ajena")


def test_the_secretary_cannot_edit_the_work_plan():
    committee = make_committee()
    secretary = make_post_holder(committee, PostKind.SECRETARY)
    with pytest.raises(PermissionDenied):
        services.priority_area_create(actor=secretary, committee=committee, name="X")


def test_an_activity_needs_a_member_as_responsible_and_sane_dates():
    committee = make_committee()
    chair = make_post_holder(committee, PostKind.CHAIR)
    area = services.priority_area_create(actor=chair, committee=committee, name="Área")
    fields = {
        "priority_area": area,
        "title": "Actividad",
        "responsible_organization": make_organization(),
        "starts_on": datetime.date(2017, 1, 1),
        "ends_on": datetime.date(2017, 2, 1),
        "status": "planned",
    }
    with pytest.raises(ValidationError) as error:
        services.activity_create(actor=chair, committee=committee, **fields)
    assert error.value.error_dict["responsible_organization"][0].code == "responsible_not_member"
    fields.update(responsible_organization=chair.representations.get().organization, ends_on=datetime.date(2016, 1, 1))
    with pytest.raises(ValidationError):
        services.activity_create(actor=chair, committee=committee, **fields)
    assert not WorkPlanActivity.objects.exists()
