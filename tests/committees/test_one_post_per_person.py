"""The secretary drafts the minutes and the chair approves them: one person cannot hold both current posts."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from committees import services
from committees.models import Post, PostKind
from tests.factories import make_committee, make_committee_member, make_post_holder, make_staff

pytestmark = pytest.mark.django_db


def test_the_current_secretary_cannot_be_appointed_chair():
    committee = make_committee()
    chair = make_post_holder(committee, PostKind.CHAIR)
    secretary = make_post_holder(committee, PostKind.SECRETARY)
    with pytest.raises(ValidationError) as error:
        services.post_appoint(actor=make_staff(), committee=committee, kind=PostKind.CHAIR, holder=secretary)
    assert error.value.error_dict["holder"][0].code == "holds_other_post"
    assert Post.objects.current().get(committee=committee, kind=PostKind.CHAIR).holder == chair


def test_the_current_chair_cannot_be_appointed_secretary():
    committee = make_committee()
    chair = make_post_holder(committee, PostKind.CHAIR)
    with pytest.raises(ValidationError) as error:
        services.post_appoint(actor=make_staff(), committee=committee, kind=PostKind.SECRETARY, holder=chair)
    assert error.value.error_dict["holder"][0].code == "holds_other_post"
    assert not Post.objects.filter(committee=committee, kind=PostKind.SECRETARY).exists()


def test_a_former_secretary_may_become_chair():
    staff = make_staff()
    committee = make_committee()
    secretary = make_post_holder(committee, PostKind.SECRETARY)
    services.post_appoint(
        actor=staff, committee=committee, kind=PostKind.SECRETARY, holder=make_committee_member(committee)
    )
    post = services.post_appoint(actor=staff, committee=committee, kind=PostKind.CHAIR, holder=secretary)
    assert post.is_current


def test_the_database_refuses_one_person_in_both_current_posts():
    committee = make_committee()
    secretary = make_post_holder(committee, PostKind.SECRETARY)
    with pytest.raises(IntegrityError), transaction.atomic():
        Post.objects.create(
            committee=committee,
            kind=PostKind.CHAIR,
            holder=secretary,
            organization=secretary.representations.get().organization,
            started_on=datetime.date(2017, 1, 1),
        )


def test_the_appointment_form_refuses_the_secretary_as_chair_with_a_clear_message(client):
    committee = make_committee()
    make_post_holder(committee, PostKind.CHAIR)
    secretary = make_post_holder(committee, PostKind.SECRETARY, full_name="Tomás Beltrán")
    client.force_login(make_staff())
    response = client.post(
        reverse("committees:post-appoint", args=[committee.pk]),
        {"kind": "chair", "holder": secretary.pk, "started_on": "2017-01-01"},
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert "Esta persona ocupa hoy la secretaría del comité" in content
    assert 'value="2017-01-01"' in content
    assert Post.objects.current().filter(committee=committee, holder=secretary).count() == 1
