import io
import re

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.core.management import call_command

from accounts.demo import DEMO_PASSWORD
from audit.models import AuditEvent
from companies.demo import DEMO_COMMITTEE_SEATS, DEMO_CONTACTS, DEMO_REPRESENTATIVES, FICTITIOUS_PARTICIPANTS
from companies.models import (
    SME_SIZES,
    DueDiligenceState,
    Organization,
    ParticipationChange,
    ParticipationStatus,
    Representative,
)

pytestmark = pytest.mark.django_db


def test_demo_alliance_has_its_organizations_people_and_reviews(demo):
    assert Organization.objects.count() >= 48
    assert Organization.objects.filter(short_name__in=["AMEXCID", "GIZ", "CANACINTRA", "FUNDEMEX"]).count() == 4
    drafter = Representative.objects.current().get(user__email="representante@axs.example").organization
    assert drafter.short_name == "Textiles Circulares de Puebla" and drafter.is_fictitious
    statuses = set(Organization.objects.values_list("participation_status", flat=True))
    assert {ParticipationStatus.SUSPENDED, ParticipationStatus.WITHDRAWN} <= statuses
    assert set(DueDiligenceState.values) <= set(Organization.objects.values_list("due_diligence_state", flat=True))
    assert any(organization.due_diligence_expired for organization in Organization.objects.all())


def test_more_than_60_organizations_sit_on_the_committees_at_the_installation_and_the_unnamed_are_fictitious(demo):
    seated = {legal for seats in DEMO_COMMITTEE_SEATS.values() for legal in seats}
    assert len(seated) > 60  # "representantes de más de 60 empresas, fundaciones y organismos empresariales"
    fictitious = Organization.objects.filter(legal_name__in=[row[1] for row in FICTITIOUS_PARTICIPANTS])
    assert fictitious.count() == len(FICTITIOUS_PARTICIPANTS)
    for organization in fictitious:
        assert organization.is_fictitious and not organization.legal_name.endswith("(ficticia)")
        assert organization.rfc
    kinds = set(fictitious.values_list("organization_type", flat=True))
    assert {"company", "foundation", "chamber", "civil_society", "social_economy"} <= kinds
    assert fictitious.filter(organization_type="company", size__in=SME_SIZES).count() >= 5
    statuses = set(fictitious.values_list("participation_status", flat=True))
    assert {ParticipationStatus.ACTIVE, ParticipationStatus.SUSPENDED, ParticipationStatus.WITHDRAWN} <= statuses
    paused_or_gone = ParticipationChange.objects.filter(
        organization__in=fictitious, to_status__in=[ParticipationStatus.SUSPENDED, ParticipationStatus.WITHDRAWN]
    )
    assert paused_or_gone.exists() and not paused_or_gone.filter(reason="").exists()


@pytest.mark.parametrize("goal", [4, 7, 10, 11, 12])
def test_committee_chairs_and_secretaries_represent_a_member_of_their_committee(demo, goal):
    for post in ("presidencia", "secretaria"):
        link = Representative.objects.current().get(user__email=f"{post}.ods{goal}@axs.example")
        assert link.organization.legal_name in DEMO_COMMITTEE_SEATS[goal]
        assert link.organization.participation_status == "active"


def test_every_fictitious_member_has_a_representative_and_the_demo_accounts_stay_primary(demo):
    members = Organization.objects.filter(committee_memberships__isnull=False).distinct()
    assert members.count() == 64  # all but AMEXCID, GIZ and the mining company turned away before joining
    assert not members.filter(short_name__in=["AMEXCID", "GIZ", "Minera Ejemplo del Pacífico"]).exists()
    # The seed names no real organization's person: those have no representative (tests/companies/test_demo_facts.py).
    assert not Representative.objects.filter(organization__is_fictitious=False).exists()
    for organization in members.filter(is_fictitious=True):
        [primary] = Representative.objects.current().filter(organization=organization, is_primary_contact=True)
        expected = [email for email, short in DEMO_REPRESENTATIVES.items() if short == organization.short_name]
        if expected:
            assert primary.user.email in expected, organization
    assert not Representative.objects.filter(
        organization__short_name__in=["AMEXCID", "GIZ", "Minera Ejemplo del Pacífico"]
    ).exists()


def test_the_new_contacts_are_fictitious_people_who_sign_in_with_the_demo_password(demo):
    links = (
        Representative.objects.current()
        .filter(user__email__endswith=".axs.example")
        .select_related("user", "organization")
    )
    assert links.count() == len(DEMO_CONTACTS) == 18
    assert all(link.organization.is_fictitious for link in links)
    names = [link.user.full_name for link in links]
    assert len(set(names)) == len(names)
    for link in links:
        local, domain = link.user.email.split("@")
        assert re.fullmatch(r"[a-z]+\.[a-z]+", local) and domain.endswith(".axs.example")
        assert link.user.role == "representative" and link.user.job_title
    assert authenticate(email="ximena.rendon@biogas-del-golfo.axs.example", password=DEMO_PASSWORD) is not None
    assert authenticate(email="representante@axs.example", password=DEMO_PASSWORD) is not None


def test_loading_the_demo_twice_changes_nothing(demo):
    User = get_user_model()
    counts = (
        Organization.objects.count(),
        Representative.objects.count(),
        User.objects.count(),
        AuditEvent.objects.count(),
    )
    call_command("load_demo", stdout=io.StringIO())
    assert (
        Organization.objects.count(),
        Representative.objects.count(),
        User.objects.count(),
        AuditEvent.objects.count(),
    ) == counts


def test_loading_the_demo_again_retires_the_invented_contacts_of_real_organizations(demo):
    from companies import services
    from companies.demo import RETIRED_REASON

    User = get_user_model()
    staff = User.objects.get(email="staff@amexcid.example")
    # What a demo loaded before the rule left: an invented contact (from before people were marked fictitious)
    # is the primary contact of a real organization, and the Educación chair represents another real one.
    contact = User.objects.create_user(
        email="alejandra.mendoza@citibanamex.axs.example", password=DEMO_PASSWORD, full_name="Alejandra Mendoza Rivas",
        role="representative", is_fictitious=False,
    )  # fmt: skip
    services.representative_attach(
        actor=staff, organization=Organization.objects.get(short_name="Citibanamex"), user=contact,
        is_primary_contact=True,
    )  # fmt: skip
    chair = User.objects.get(email="presidencia.ods4@axs.example")
    services.representative_remove(actor=staff, representative=Representative.objects.current().get(user=chair))
    services.representative_attach(actor=staff, organization=Organization.objects.get(short_name="BBVA Bancomer"),
                                   user=chair)  # fmt: skip
    assert Representative.objects.current().filter(organization__is_fictitious=False).count() == 2

    out = io.StringIO()
    call_command("load_demo", stdout=out)
    assert "2 invented people no longer acting for a real organization" in out.getvalue()
    assert not Representative.objects.current().filter(organization__is_fictitious=False).exists()
    # Nothing is deleted: the links end with their reason, the contact's account is closed; both are recorded.
    contact.refresh_from_db()
    assert not contact.is_active and contact.is_fictitious
    [ended] = Representative.objects.filter(user=contact)
    assert ended.ended_at and ended.end_reason == RETIRED_REASON and not ended.is_primary_contact
    assert AuditEvent.objects.filter(action=AuditEvent.Action.ARCHIVED, target_id=str(ended.pk)).exists()
    closed = AuditEvent.objects.get(action=AuditEvent.Action.UPDATED, target_id=str(contact.pk))
    assert closed.message == RETIRED_REASON
    # The chair is a demo account: it stays open and represents its fictitious organization again.
    chair.refresh_from_db()
    assert chair.is_active
    assert Representative.objects.current().get(user=chair).organization.short_name == "Fundación Aprender Juntos"
    assert Representative.objects.filter(user=chair, organization__short_name="BBVA Bancomer").get().ended_at

    counts = (Representative.objects.count(), User.objects.filter(is_active=True).count(), AuditEvent.objects.count())
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    assert "0 invented people" in out.getvalue()
    assert (Representative.objects.count(), User.objects.filter(is_active=True).count(),
            AuditEvent.objects.count()) == counts  # fmt: skip


def test_loading_the_demo_twice_leaves_the_participation_histories_alone(demo):
    steps = list(ParticipationChange.objects.order_by("id").values_list("organization", "to_status", "effective_on"))
    registered = dict(Organization.objects.values_list("pk", "created_at"))
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    assert "0 real ones dated from the seed, 0 with no data on their participation after it" in out.getvalue()
    assert list(
        ParticipationChange.objects.order_by("id").values_list("organization", "to_status", "effective_on")
    ) == (steps)
    assert dict(Organization.objects.values_list("pk", "created_at")) == registered


def test_loading_the_demo_on_an_older_demo_dates_the_real_organizations_and_marks_them_no_data(demo):
    import datetime

    from django.utils import timezone

    from companies.demo import NO_DATA_AFTER_INSTALLATION, NO_DATA_AFTER_THE_PERIOD

    # As an older demo left two real organizations: registered, invited and joined on the day it was loaded, and
    # active since.
    load_day = timezone.localdate() - datetime.timedelta(days=3)
    older = Organization.objects.filter(short_name__in=["CANACINTRA", "GIZ"])
    ParticipationChange.objects.filter(organization__in=older, to_status="unknown").delete()
    ParticipationChange.objects.filter(organization__in=older).update(effective_on=load_day)
    older.update(participation_status="active", created_at=timezone.now() - datetime.timedelta(days=3))
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    assert "2 real ones dated from the seed, 2 with no data on their participation after it" in out.getvalue()
    canacintra, giz = Organization.objects.get(short_name="CANACINTRA"), Organization.objects.get(short_name="GIZ")
    D = datetime.date
    for organization, first_named, no_data, reason in (
        # CANACINTRA sits on Educación (installed first, 31 October 2016) and on Producción y consumo (last, 4 Nov).
        (canacintra, D(2016, 10, 31), D(2016, 11, 5), NO_DATA_AFTER_INSTALLATION),
        (giz, D(2017, 5, 1), D(2018, 4, 1), NO_DATA_AFTER_THE_PERIOD),
    ):
        assert organization.participation_status == "unknown"
        assert timezone.localdate(organization.created_at) == first_named
        steps = organization.participation_changes.order_by("effective_on", "id")
        assert list(steps.values_list("to_status", "effective_on", "reason")) == [
            ("invited", first_named, "Registered in the alliance."),  # its msgid, shown in the language read in
            ("active", first_named, "Aceptó la invitación a la alianza."),
            ("unknown", no_data, reason),
        ]
