"""Following proposals (notifications): the consortium and staff may; a draft is its consortium's alone."""

import pytest
from django.core.exceptions import PermissionDenied

from notifications.models import Notification
from notifications.permissions import can_follow
from notifications.services import follow
from projects import services


def test_who_may_follow_a_draft_and_then_a_submitted_proposal(cast, draft):
    assert can_follow(cast.lead, draft) and can_follow(cast.partner, draft)
    assert not can_follow(cast.staff, draft)  # staff follow what they may see: not a draft
    assert not can_follow(cast.outsider, draft) and not can_follow(cast.chair, draft)
    with pytest.raises(PermissionDenied):
        follow(actor=cast.staff, target=draft)
    submitted = services.proposal_submit(actor=cast.lead, proposal=draft)
    assert can_follow(cast.staff, submitted)
    assert not can_follow(cast.chair, submitted)  # a chair follows the committee, not each proposal
    assert not can_follow(cast.outsider, submitted)


def test_staff_who_follow_a_proposal_hear_of_its_steps(cast, submitted):
    follow(actor=cast.staff, target=submitted)
    services.proposal_transition(actor=cast.chair, proposal=submitted, action="accept")
    told = Notification.objects.get(recipient=cast.staff, kind="proposal")
    assert told.link == submitted.get_absolute_url()
    assert told.body.startswith("Usted sigue: Alimentos sin desperdicio.")
    assert Notification.objects.filter(recipient=cast.lead, kind="proposal").count() == 2  # submitted, accepted
