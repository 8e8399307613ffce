"""A closed ballot's result in the audit chain: sealed at the close, again when a tie is settled."""

import datetime

import pytest
from django.utils import timezone

from audit.models import AuditEvent
from audit.verification import verify
from projects import services

from .ballot_scene import make_ballot

pytestmark = pytest.mark.django_db


def _tied(scene):
    ballot = make_ballot(scene, seats=1)
    services.vote_cast(actor=scene.voters[0], ballot=ballot, choices=[scene.candidates[0].pk])
    services.vote_cast(actor=scene.voters[1], ballot=ballot, choices=[scene.candidates[1].pk])
    return services.ballot_close(actor=scene.chair, ballot=ballot)


def _seals(ballot):
    return AuditEvent.objects.filter(target_id=str(ballot.pk), target_type__model="ballot").exclude(sealed_digest="")


def test_a_tie_settled_by_the_chair_is_sealed_again(scene):
    ballot = _tied(scene)
    assert _seals(ballot).count() == 1 and verify().intact
    services.ballot_tie_settle(actor=scene.chair, ballot=ballot, proposals=[scene.candidates[1]], reason="Calidad")
    assert _seals(ballot).count() == 2
    report = verify()
    assert report.intact and report.seals_checked == 1


def test_a_tie_settled_by_a_runoff_seals_the_parents_new_result(scene):
    ballot = _tied(scene)
    now = timezone.now()
    runoff = services.ballot_runoff_create(
        actor=scene.chair,
        ballot=ballot,
        opens_at=now - datetime.timedelta(minutes=1),
        closes_at=now + datetime.timedelta(days=1),
    )
    runoff = services.ballot_open(actor=scene.chair, ballot=runoff)
    services.vote_cast(actor=scene.voters[0], ballot=runoff, choices=[scene.candidates[0].pk])
    services.vote_cast(actor=scene.voters[1], ballot=runoff, choices=[scene.candidates[0].pk])
    services.ballot_close(actor=scene.chair, ballot=runoff)
    assert _seals(ballot).order_by("id").last().action == "projects.ballot_result_settled"
    report = verify()
    assert report.intact and report.seals_checked == 2
