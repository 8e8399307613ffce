"""Follows: chairs and secretaries follow their committee, representatives their proposals, staff what they may see."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from committees.models import PostKind
from committees.services import notifications as committee_notices
from notifications import kinds
from notifications.models import Follow, Notification
from notifications.permissions import can_follow
from notifications.services import follow, notify_each, unfollow
from tests.factories import (
    PASSWORD,
    make_committee,
    make_committee_member,
    make_post_holder,
    make_representative,
    make_session,
    make_staff,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def committee():
    return make_committee(4, name="Educación")


def test_chairs_secretaries_and_staff_may_follow_a_committee_members_and_others_may_not(committee):
    chair = make_post_holder(committee, PostKind.CHAIR)
    secretary = make_post_holder(committee, PostKind.SECRETARY)
    member = make_committee_member(committee)
    other_chair = make_post_holder(make_committee(7), PostKind.CHAIR)
    assert can_follow(chair, committee) and can_follow(secretary, committee) and can_follow(make_staff(), committee)
    assert not can_follow(member, committee) and not can_follow(other_chair, committee)
    with pytest.raises(PermissionDenied):
        follow(actor=member, target=committee)
    follow(actor=chair, target=committee)
    follow(actor=chair, target=committee)
    assert Follow.objects.filter(person=chair).count() == 1
    assert unfollow(actor=chair, target=committee) is True
    assert not Follow.objects.exists()


def test_followers_of_a_committee_hear_of_its_sessions_once_with_why(committee, django_capture_on_commit_callbacks):
    chair = make_post_holder(committee, PostKind.CHAIR)
    staff = make_staff(preferred_language="en")
    follow(actor=chair, target=committee)  # invited anyway: told once
    follow(actor=staff, target=committee)
    session = make_session(committee)
    with django_capture_on_commit_callbacks(execute=True):
        committee_notices.notify_session(session, event=committee_notices.INVITATION)
    assert Notification.objects.filter(recipient=chair, kind=kinds.SESSION).count() == 1
    told = Notification.objects.get(recipient=staff)
    assert told.body.startswith("You follow Educación.")
    assert told.link == session.get_absolute_url()


def test_a_follower_who_lost_the_post_is_no_longer_told(committee):
    chair = make_post_holder(committee, PostKind.CHAIR)
    follow(actor=chair, target=committee)
    chair.committee_posts.update(ended_on="2020-01-01")
    notify_each([], kind=kinds.MINUTES, render=lambda person: {"title": "Minuta"}, about=committee)
    assert not Notification.objects.filter(recipient=chair).exists()


def test_the_follow_button_follows_and_stops_following(client, committee):
    chair = make_post_holder(committee, PostKind.CHAIR)
    client.login(email=chair.email, password=PASSWORD)
    page = client.get(committee.get_absolute_url()).content.decode()
    assert ">Seguir<" in page
    url = reverse("notifications:follow")
    data = {
        "model": "committees.committee",
        "object_id": committee.pk,
        "action": "follow",
        "next": "https://evil.test/",
    }
    response = client.post(url, data)
    assert response.status_code == 302 and response.url == reverse("notifications:following")
    assert Follow.objects.filter(person=chair).count() == 1
    assert "Educación" in client.get(reverse("notifications:following")).content.decode()
    assert "Dejar de seguir" in client.get(committee.get_absolute_url()).content.decode()
    client.post(url, {**data, "action": "unfollow"})
    assert not Follow.objects.exists()


def test_following_what_cannot_be_followed_is_refused(client, committee):
    person = make_representative()
    client.login(email=person.email, password=PASSWORD)
    url = reverse("notifications:follow")
    assert (
        client.post(url, {"model": "committees.committee", "object_id": committee.pk, "action": "follow"}).status_code
        == 403
    )
    assert client.post(url, {"model": "accounts.user", "object_id": person.pk, "action": "follow"}).status_code == 404
    assert client.post(url, {"model": "nonsense", "object_id": 1, "action": "follow"}).status_code == 404
    assert client.post(url, {"model": "committees.committee", "object_id": "x"}).status_code == 404
    assert not Follow.objects.exists()
