"""The committee's members page: memberships, post holders and changes, each paged on its own."""

import datetime

import pytest
from django.urls import reverse

from committees import services
from committees.models import MembershipChange
from tests.factories import make_committee, make_organization, make_staff

pytestmark = pytest.mark.django_db


def test_every_change_of_a_large_committee_can_be_read_page_by_page_and_the_other_lists_keep_their_page(client):
    staff, committee = make_staff(), make_committee()
    membership = services.membership_add(
        actor=staff, committee=committee, organization=make_organization(), joined_on=datetime.date(2016, 11, 1)
    )
    MembershipChange.objects.bulk_create(
        MembershipChange(
            membership=membership,
            from_status="active",
            to_status="suspended",
            reason=f"Cambio {number:03}",
            effective_on=datetime.date(2017, 1, 1) + datetime.timedelta(days=number),
        )
        for number in range(70)
    )
    url = reverse("committees:committee-members", args=[committee.pk])
    first = client.get(url).content.decode()
    assert "Cambio 069" in first and "Cambio 020" in first  # the newest 50 first
    assert "Cambio 019" not in first
    assert "cargos=2" not in first  # one page of post holders: no links
    second = client.get(url, {"cambios": 2, "page": 1}).content.decode()
    assert "Cambio 000" in second and "Cambio 019" in second
    assert "Cambio 020" not in second
    assert "page=1&amp;cambios=1" in second  # back to the first page of changes, the members' page kept
