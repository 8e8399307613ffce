"""Status labels agree in Spanish with the noun they describe: an agreement ("acuerdo") is masculine, an activity
("actividad") and a membership ("membresía") are feminine. One English word serves both, so each set has a context."""

import datetime

import pytest
from django.urls import reverse
from django.utils import translation

from committees import services
from committees.models import ActivityStatus, AgreementStatus, MembershipStatus
from tests.factories import make_committee, make_organization, make_staff


def labels(choices):
    with translation.override("es-mx"):
        return [str(label) for _value, label in choices.choices]


def test_agreement_statuses_are_masculine():
    assert labels(AgreementStatus) == ["Pendiente", "En curso", "Concluido", "Cancelado"]


def test_activity_statuses_are_feminine():
    assert labels(ActivityStatus) == ["Planeada", "En curso", "Concluida", "Cancelada"]


def test_membership_statuses_are_feminine():
    assert labels(MembershipStatus)[:3] == ["Solicitada", "Activa", "Suspendida"]


def test_the_labels_stay_english_in_english():
    with translation.override("en"):
        assert str(AgreementStatus.CANCELLED.label) == "Cancelled"
        assert str(ActivityStatus.DONE.label) == "Done"
        assert str(MembershipStatus.ACTIVE.label) == "Active"


@pytest.mark.django_db
def test_the_members_page_shows_active_and_suspended_memberships_in_the_feminine(client):
    staff, committee = make_staff(), make_committee()
    for name in ("Activa S.A.", "Pausada S.A."):
        services.membership_add(
            actor=staff,
            committee=committee,
            organization=make_organization(legal_name=name),
            joined_on=datetime.date(2016, 11, 1),
        )
    paused = committee.memberships.get(organization__legal_name="Pausada S.A.")
    services.membership_transition(
        actor=staff, membership=paused, action="suspend", reason="Pausa", effective_on=datetime.date(2017, 1, 1)
    )
    client.force_login(staff)
    content = client.get(reverse("committees:committee-members", args=[committee.pk])).content.decode()
    assert "Suspendida" in content and ">Activa<" in content.replace("\n", "").replace(" ", "")
    assert "Activo" not in content


def test_an_organization_s_participation_statuses_are_feminine():
    from companies.models import ParticipationStatus

    assert labels(ParticipationStatus)[:4] == ["Invitada", "Activa", "Suspendida", "Dada de baja"]
    with translation.override("en"):
        assert str(ParticipationStatus.ACTIVE.label) == "Active"
