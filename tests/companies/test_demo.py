import io

import pytest
from django.core.management import call_command

from audit.models import AuditEvent
from companies.demo import DEMO_COMMITTEE_SEATS
from companies.models import DueDiligenceState, Organization, ParticipationStatus, Representative

pytestmark = pytest.mark.django_db


def test_demo_alliance_has_its_organizations_people_and_reviews(demo):
    assert Organization.objects.count() >= 48
    assert Organization.objects.filter(short_name__in=["AMEXCID", "GIZ", "CANACINTRA", "FUNDEMEX"]).count() == 4
    bimbo = Representative.objects.current().get(user__email="representante@axs.example").organization
    assert bimbo.short_name == "Bimbo"
    statuses = set(Organization.objects.values_list("participation_status", flat=True))
    assert {ParticipationStatus.SUSPENDED, ParticipationStatus.WITHDRAWN} <= statuses
    assert set(DueDiligenceState.values) <= set(Organization.objects.values_list("due_diligence_state", flat=True))
    assert any(organization.due_diligence_expired for organization in Organization.objects.all())


@pytest.mark.parametrize("goal", [4, 7, 10, 11, 12])
def test_committee_chairs_and_secretaries_represent_a_member_of_their_committee(demo, goal):
    for post in ("presidencia", "secretaria"):
        link = Representative.objects.current().get(user__email=f"{post}.ods{goal}@axs.example")
        assert link.organization.legal_name in DEMO_COMMITTEE_SEATS[goal]
        assert link.organization.participation_status == "active"


def test_loading_the_demo_twice_changes_nothing(demo):
    counts = (Organization.objects.count(), Representative.objects.count(), AuditEvent.objects.count())
    call_command("load_demo", stdout=io.StringIO())
    assert (Organization.objects.count(), Representative.objects.count(), AuditEvent.objects.count()) == counts
