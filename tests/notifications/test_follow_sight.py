"""The follow button answers only about what the person may see: nobody learns a title or an id through it."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from notifications.models import Follow
from projects.models import Proposal
from tests.projects.conftest import cast, draft  # noqa: F401 (the projects' builders)

pytestmark = pytest.mark.django_db

URL = reverse("notifications:follow")


def _post(client, proposal_id, action):
    return client.post(URL, {"model": "projects.proposal", "object_id": proposal_id, "action": action})


def test_following_or_unfollowing_a_draft_one_may_not_see_answers_as_a_missing_id(client, cast, draft):  # noqa: F811
    client.force_login(cast.outsider)
    missing = Proposal.objects.order_by("-pk").first().pk + 1000
    for action in ("follow", "unfollow"):
        hidden = _post(client, draft.pk, action)
        assert hidden.status_code == 404, action
        assert draft.title not in hidden.content.decode()
        assert _post(client, missing, action).status_code == 404, action
    assert draft.title not in client.get(reverse("notifications:following")).content.decode()
    assert not Follow.objects.exists()


def test_one_who_lost_sight_of_a_followed_proposal_stops_following_it_unnamed(client, cast, draft):  # noqa: F811
    Follow.objects.create(
        person=cast.outsider, content_type=ContentType.objects.get_for_model(Proposal), object_id=draft.pk
    )
    client.force_login(cast.outsider)
    assert _post(client, draft.pk, "follow").status_code == 404
    response = _post(client, draft.pk, "unfollow")
    assert response.status_code == 302
    assert not Follow.objects.filter(person=cast.outsider).exists()
    page = client.get(response.url).content.decode()
    assert "Ya no sigue ese elemento." in page
    assert draft.title not in page


def test_the_consortium_follows_and_stops_following_its_draft_by_name(client, cast, draft):  # noqa: F811
    client.force_login(cast.lead)
    assert _post(client, draft.pk, "follow").status_code == 302
    assert Follow.objects.filter(person=cast.lead, object_id=draft.pk).exists()
    response = _post(client, draft.pk, "unfollow")
    assert f"Ya no sigue: {draft.title}." in client.get(response.url).content.decode()
    assert not Follow.objects.exists()
