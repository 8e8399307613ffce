"""A membership whose continuation is not known: "no data" from a day on, neither current nor ended."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from audit.models import AuditEvent
from committees import services
from committees.models import Membership, MembershipChange, MembershipStatus
from committees.selectors import member_organizations
from tests.factories import make_committee, make_organization, make_staff

pytestmark = pytest.mark.django_db

D = datetime.date
INSTALLED = D(2016, 11, 1)


def _seated(staff, committee, organization=None):
    return services.membership_add(
        actor=staff, committee=committee, organization=organization or make_organization(), joined_on=INSTALLED
    )


def test_marking_no_data_records_the_change_and_the_audit_trail():
    staff = make_staff()
    membership = _seated(staff, make_committee())
    services.membership_mark_unknown(
        actor=staff, membership=membership, since=D(2016, 11, 2), reason="La fuente solo la nombra en la instalación."
    )
    membership.refresh_from_db()
    assert membership.status == MembershipStatus.UNKNOWN
    assert membership.ended_on is None
    change = MembershipChange.objects.filter(membership=membership).order_by("-id").first()
    assert (change.from_status, change.to_status, change.effective_on) == ("active", "unknown", D(2016, 11, 2))
    assert AuditEvent.objects.filter(
        action=AuditEvent.Action.TRANSITION, target_id=str(membership.pk), changes={"status": ["active", "unknown"]}
    ).exists()


def test_no_data_needs_a_reason_and_a_date_after_joining():
    staff = make_staff()
    membership = _seated(staff, make_committee())
    with pytest.raises(ValidationError) as error:
        services.membership_mark_unknown(actor=staff, membership=membership, since=D(2016, 11, 2), reason=" ")
    assert error.value.error_dict["reason"][0].code == "reason_required"
    with pytest.raises(ValidationError) as error:
        services.membership_mark_unknown(actor=staff, membership=membership, since=D(2016, 10, 1), reason="Sin fuente")
    assert error.value.error_dict["effective_on"][0].code == "date_before_joining"


def test_a_membership_with_no_data_counts_before_its_date_and_not_from_it():
    staff = make_staff()
    committee = make_committee()
    membership = _seated(staff, committee)
    services.membership_mark_unknown(actor=staff, membership=membership, since=D(2016, 11, 2), reason="Sin fuente")

    def in_force(day):
        return set(Membership.objects.on(day).values_list("pk", flat=True))

    assert in_force(INSTALLED) == {membership.pk}
    assert set(Membership.objects.active_on(INSTALLED).values_list("pk", flat=True)) == {membership.pk}
    assert in_force(D(2016, 11, 2)) == set()
    assert in_force(D(2018, 3, 31)) == set()
    assert list(Membership.objects.unknown_on(D(2018, 3, 31))) == [membership]
    assert not Membership.objects.unknown_on(INSTALLED).exists()


def test_a_membership_with_no_data_is_not_current_nor_in_the_member_list():
    staff = make_staff()
    committee = make_committee()
    known = _seated(staff, committee)
    unknown = _seated(staff, committee)
    services.membership_mark_unknown(actor=staff, membership=unknown, since=D(2016, 11, 2), reason="Sin fuente")
    assert list(Membership.objects.current()) == [known]
    assert list(member_organizations(committee)) == [known.organization]
    unknown.refresh_from_db()
    assert not unknown.is_current


def test_an_organization_with_no_data_may_join_again_and_is_then_in_force_not_unknown():
    staff = make_staff()
    committee = make_committee()
    organization = make_organization()
    old = _seated(staff, committee, organization)
    services.membership_mark_unknown(actor=staff, membership=old, since=D(2016, 11, 2), reason="Sin fuente")
    new = services.membership_add(actor=staff, committee=committee, organization=organization, joined_on=D(2018, 1, 10))
    assert Membership.objects.filter(committee=committee, organization=organization).count() == 2
    assert list(Membership.objects.current()) == [new]
    assert list(Membership.objects.unknown_on(D(2017, 6, 1))) == [old]
    assert not Membership.objects.unknown_on(D(2018, 3, 31)).exists()


def test_only_an_active_or_suspended_membership_can_be_marked_no_data():
    staff = make_staff()
    membership = _seated(staff, make_committee())
    services.membership_transition(actor=staff, membership=membership, action="end", reason="Se retiró")
    with pytest.raises(ValidationError) as error:
        services.membership_mark_unknown(actor=staff, membership=membership, since=D(2017, 1, 1), reason="Sin fuente")
    assert error.value.code == "invalid_transition"


def test_the_database_refuses_no_data_without_a_joining_date_or_a_change_without_reason():
    membership = _seated(make_staff(), make_committee())
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.filter(pk=membership.pk).update(status=MembershipStatus.UNKNOWN, joined_on=None)
    with pytest.raises(IntegrityError), transaction.atomic():
        MembershipChange.objects.create(membership=membership, from_status="active", to_status="unknown", reason="")


def test_the_history_page_the_open_data_and_the_api_say_no_data_for_such_a_membership(client):
    from django.urls import reverse

    from opendata import datasets

    staff = make_staff()
    committee = make_committee()
    membership = _seated(staff, committee, make_organization(legal_name="Sin Noticias, S.A."))
    services.membership_mark_unknown(actor=staff, membership=membership, since=D(2016, 11, 2), reason="Sin fuente")
    client.force_login(staff)
    page = client.get(reverse("committees:committee-members", args=[committee.pk]), HTTP_ACCEPT_LANGUAGE="es")
    row = page.content.decode().split(f"<td>{membership.organization}</td>")[1].split("</tr>")[0]
    assert "Sin dato" in row and "sin dato" in row  # the status, and where the leaving date would be
    assert "vigente" not in row
    [published] = [row for row in datasets.get("membresias-comites").queryset() if row.pk == membership.pk]
    assert (published.status, published.ended_on) == ("unknown", None)
    answer = client.get(f"/api/v1/memberships/?committee={committee.pk}", HTTP_ACCEPT_LANGUAGE="es").json()
    [item] = answer["results"]
    assert (item["status"], item["status_label"], item["ended_on"]) == ("unknown", "Sin dato", None)
