"""Rows about other people that the person only recorded or assigned are counted, not exported whole."""

import datetime

import pytest
from django.utils import timezone

from committees.models import Post
from companies.models import Invitation
from privacy.export import TABLES, personal_data, recorded_by_person
from tests.factories import make_committee, make_member_person, make_post_holder, make_staff

pytestmark = pytest.mark.django_db

COUNTED = {
    "companies.Representative": {"ended_by"},
    "companies.Invitation": {"invited_by", "revoked_by"},
    "committees.Post": {"appointed_by"},
    "committees.Attendance": {"recorded_by"},
    "projects.Evaluation": {"assigned_by"},
    "api.ApiToken": {"created_by", "revoked_by"},
}


def test_the_recorded_and_assigned_relations_are_counted_and_never_lookups():
    declared = {table.label: table for table in TABLES}
    assert {label: set(table.counted) for label, table in declared.items() if table.counted} == COUNTED
    for label, fields in COUNTED.items():
        assert not fields & {lookup for lookup in declared[label].lookups if isinstance(lookup, str)}


def test_a_post_appointed_to_another_is_counted_and_ones_own_post_comes_whole():
    committee = make_committee()
    chair = make_post_holder(committee, "chair")
    secretary = make_post_holder(committee, "secretary")
    Post.objects.filter(holder=secretary).update(appointed_by=chair)
    Post.objects.filter(holder=chair).update(appointed_by=chair)  # the chair recorded their own post too

    data = personal_data(chair)

    assert [row["holder_id"] for row in data["committees.Post"]] == [chair.pk]
    assert recorded_by_person(chair)["committees.Post"] == {"appointed_by": 2}
    # The secretary's own post comes whole, with who appointed them.
    assert [row["appointed_by_id"] for row in personal_data(secretary)["committees.Post"]] == [chair.pk]


def test_invitations_sent_or_revoked_for_others_are_counted_and_name_nobody():
    staff = make_staff()
    organization = make_member_person().representations.get().organization
    for number in range(3):
        Invitation.objects.create(
            organization=organization,
            email=f"otra{number}@b.example",
            full_name=f"Otra Persona {number}",
            invited_by=staff,
            revoked_by=staff if number == 0 else None,
            revoked_at=timezone.now() if number == 0 else None,
            token_hash=f"{number:064d}",
            expires_at=timezone.now() + datetime.timedelta(days=7),
        )

    data = personal_data(staff)

    assert data["companies.Invitation"] == []
    assert "Otra Persona" not in str(data)
    assert recorded_by_person(staff)["companies.Invitation"] == {"invited_by": 3, "revoked_by": 1}
