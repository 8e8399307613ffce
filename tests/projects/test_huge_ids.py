"""A ballot's named voters with an id no database can hold: the form says so, nothing is created, no 500."""

import pytest
from django.urls import reverse

from .ballot_scene import vote_round

pytestmark = pytest.mark.django_db

HUGE_ID = "1" * 40


def test_a_forty_digit_named_voter_is_refused_with_a_message(client, scene):
    selection_round = vote_round(scene)
    client.force_login(scene.staff)
    response = client.post(
        reverse("projects:ballot-create", args=[selection_round.pk]),
        {
            "title": "Votación nombrada", "electorate": "people", "named_voters": [HUGE_ID], "question": "approval",
            "max_choices": 1, "seats": 1, "majority": "plurality", "quorum_percent": 50,
            "opens_at": "2026-01-01T10:00", "closes_at": "2030-01-01T10:00",
        },
    )  # fmt: skip
    assert response.status_code == 200
    assert "named_voters" in response.context["form"].errors
    assert not selection_round.ballots.exists()
