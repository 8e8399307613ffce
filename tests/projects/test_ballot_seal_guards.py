"""Guards around sealed votes: a copied sealed vote is not counted twice, and one ballot that cannot
close does not stop the periodic close of the others (found in review)."""

import datetime
import uuid

import pytest
from django.test import override_settings

from projects import services
from projects.models import BallotPaper, SealedPaper
from projects.sealing import SealBroken

from .ballot_scene import make_ballot

pytestmark = pytest.mark.django_db


def test_a_sealed_vote_copied_behind_the_platform_is_refused_at_the_count(scene):
    ballot = make_ballot(scene, is_secret=True)
    services.vote_cast(actor=scene.voters[0], ballot=ballot, choices=[scene.candidates[0].pk])
    mine = SealedPaper.objects.get(ballot=ballot)
    SealedPaper.objects.create(id=uuid.uuid4(), ballot=ballot, receipt_key="x" * 64, sealed=mine.sealed)
    with pytest.raises(SealBroken):
        services.ballot_close(actor=scene.chair, ballot=ballot)
    ballot.refresh_from_db()
    assert ballot.status == "open" and not BallotPaper.objects.exists()  # nothing counted, nothing lost


def test_a_ballot_that_cannot_close_does_not_stop_the_others(scene):
    broken = make_ballot(scene, is_secret=True)
    services.vote_cast(actor=scene.voters[0], ballot=broken, choices=[scene.candidates[0].pk])
    with override_settings(BALLOT_SECRET_KEY="rotated since the votes were sealed"):
        fine = make_ballot(scene, is_secret=False)
        later = max(broken.closes_at, fine.closes_at) + datetime.timedelta(minutes=1)
        done = services.ballots_due(now=later)
    broken.refresh_from_db()
    fine.refresh_from_db()
    assert fine.status == "closed" and broken.status == "open"
    assert done["closed"] == 1
