"""A seat on a committee and a post's term start on a plausible day, not in year 1 nor after 2100."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from committees import services
from committees.models import Membership, PostKind
from tests.factories import make_committee, make_committee_member, make_organization, make_staff

pytestmark = pytest.mark.django_db

D = datetime.date


@pytest.mark.parametrize("day", [D(1, 1, 1), D(2014, 12, 31)])
def test_an_organization_is_not_seated_since_an_implausible_day(day):
    committee, organization = make_committee(), make_organization()
    with pytest.raises(ValidationError) as error:
        services.membership_add(actor=make_staff(), committee=committee, organization=organization, joined_on=day)
    assert error.value.error_dict["joined_on"][0].code == "implausible_date"
    assert not Membership.objects.filter(committee=committee, organization=organization).exists()


def test_the_add_member_page_refuses_year_one_and_keeps_what_was_typed(client):
    committee, organization = make_committee(), make_organization()
    client.force_login(make_staff())
    response = client.post(
        reverse("committees:membership-add", args=[committee.pk]),
        {"organization": organization.pk, "joined_on": "0001-01-01"},
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert "Revise el año: no se aceptan fechas anteriores a 2015." in content
    assert 'value="0001-01-01"' in content
    assert not Membership.objects.filter(committee=committee, organization=organization).exists()


def test_a_term_does_not_start_on_an_implausible_day(client):
    committee = make_committee()
    holder = make_committee_member(committee, full_name="Mariana Torres")
    with pytest.raises(ValidationError) as error:
        services.post_appoint(
            actor=make_staff(), committee=committee, kind=PostKind.CHAIR, holder=holder, started_on=D(1, 1, 1)
        )
    assert error.value.error_dict["started_on"][0].code == "implausible_date"
    assert not committee.posts.exists()
    client.force_login(make_staff(preferred_language="en"))
    response = client.post(
        reverse("committees:post-appoint", args=[committee.pk]),
        {"kind": PostKind.CHAIR, "holder": holder.pk, "started_on": "0001-01-01"},
    )
    assert response.status_code == 200
    assert "Check the year: dates before 2015 are not accepted." in response.content.decode()
    assert not committee.posts.exists()
