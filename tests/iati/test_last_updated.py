"""An activity's ``last-updated-datetime`` moves with whatever the published activity shows."""

from datetime import timedelta

import time_machine
from django.utils import timezone

from iati import services
from iati.writer.common import iso_datetime
from projects.models import Proposal
from tests.factories import make_staff

from .helpers import activities_tree, activity_of


def _last_updated(project):
    return activity_of(activities_tree(), project).get("last-updated-datetime")


def test_changing_the_dac_code_changes_the_activitys_last_update(demo):
    project = Proposal.objects.published().first()
    before = _last_updated(project)
    later = timezone.now() + timedelta(days=2)
    with time_machine.travel(later, tick=False):
        services.publication_update(actor=make_staff(), proposal=project, dac_code="14050")
    after = _last_updated(project)
    assert after != before and after == iso_datetime(later)
