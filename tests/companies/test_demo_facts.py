"""The demo states nothing about a real organization that the seed does not state.

``SEED_SEATS`` and ``SEED_PLENARIES`` are the seed's facts (seed/003_37134c8b5504ec0d.txt, the
systematization of March 2018), with the section and the page of its contents they come from.
A real organization is one the seed names; every other one must be marked fictitious, and so
must every invented person. Posts, suspensions, departures, later seats and due-diligence
reviews are invented facts: they may belong only to fictitious organizations. So are proposals and
their consortia (the seed names no project), attendance after the installations (the seed gives no
list, only "about 50" organizations still active: a recorded figure), agreements, work-plan tasks,
priority SDGs, survey invitations and answers, and votes. The seed ends in March 2018: a real organization's
participation has no data after the last thing it says of it, and no survey of the present is sent to one.
"""

import datetime

import pytest
from django.utils import timezone

from accounts.models import User
from axs_platform import demo_dates
from committees.models import (
    Agreement,
    Attendance,
    Committee,
    Membership,
    MembershipChange,
    Post,
    Session,
    SessionKind,
    WorkPlanActivity,
)
from companies.models import DueDiligenceReview, Organization, ParticipationChange, ParticipationStatus, SDGPriority
from projects.models import ConsortiumMember, Contribution, Participation, Proposal
from reports.models import RecordedFigure
from search.models import SearchEntry
from surveys.models import Response, SurveyInvitation

pytestmark = pytest.mark.django_db

# «Estructuración de proyectos» (contents: p. 28): "Los participantes en la instalación de los comités y quienes
# colaboraron en un inicio, fueron: …". Short names as the demo spells them (the seed's words in the comment).
SEED_SEATS = {
    4: {"BBVA Bancomer", "Citibanamex", "Fundación Mapfre", "Fundación Telefónica", "Fundación Posadas",
        "Grupo CICE", "KidZania", "PwC", "CANACINTRA"},
    7: {"Aeroméxico", "Clean Energy Partners", "Eolectric",  # "Eolectric Desarrollo Renovable"
        "Gauss Energía", "Grupo Dragón", "KABYAX", "Maersk", "Siemens", "Nacional Monte de Piedad",
        "Total Energy Systems", "ANTAD"},
    10: {"ALSEA", "AXA", "BBVA Bancomer", "Fundación Manpower", "Grupo Dragón", "Kimberly Clark",
         "McBride Sustainability", "Microsoft", "Pfizer", "AMDEE", "FUNDEMEX"},
    11: {"AXA", "BASF", "Bioconstrucción y Energía Alternativa", "Citibanamex", "DINA", "DOW", "Mabe", "Rotoplas",
         "Siemens", "Fundación Avina", "Reforestamos México", "AMDEE", "CANACINTRA"},
    12: {"BASF", "Bimbo", "Biopapel", "Danone", "DOW", "Fundación Grupo Lala", "GreenMark México", "Helvex", "HSBC",
         "Rotoplas", "Fundación Avina", "Reforestamos México", "CANACINTRA", "CANAJAD", "CONCAMIN"},
}  # fmt: skip
# Named by the seed without a committee seat: the publishers (credits, p. 2).
SEED_OTHERS = {"AMEXCID", "GIZ"}
# «Etapa 1: Acercamiento y diálogo» (p. 24): 81 organizations at the launch (19 May 2016), "más de 90" at the
# second meeting (recorded as its floor, 90), no figure for the third and the fourth: "sin dato", never 0.
SEED_PLENARIES = [81, 90, None, None]
# «Estructuración de proyectos» (p. 28): the installation sessions, 31 October – 4 November 2016.
INSTALLATION = ("2016-10-31", "2016-11-04")


def real_organizations():
    return Organization.objects.filter(is_fictitious=False)


def test_every_organization_the_seed_does_not_name_is_fictitious(demo):
    named = set().union(*SEED_SEATS.values()) | SEED_OTHERS
    assert set(real_organizations().values_list("short_name", flat=True)) == named
    assert Organization.objects.filter(is_fictitious=True).count() >= 15


def test_real_organizations_sit_where_the_seed_seats_them_from_the_installation_and_nowhere_else(demo):
    for goal, seated in SEED_SEATS.items():
        memberships = Membership.objects.filter(committee__goal__number=goal, organization__is_fictitious=False)
        assert set(memberships.values_list("organization__short_name", flat=True)) == seated, goal
        assert all(INSTALLATION[0] <= str(m.joined_on) <= INSTALLATION[1] for m in memberships), goal


def test_no_real_organization_has_an_invented_event(demo):
    real = real_organizations()
    assert not Post.objects.filter(organization__in=real).exists(), "the seed names no chair or secretary"
    # Joined at the installation, then no data (neither still there nor gone): nothing the seed does not say.
    assert (
        not MembershipChange.objects.filter(membership__organization__in=real)
        .exclude(to_status="active", from_status="")
        .exclude(to_status="unknown", from_status="active")
        .exists()
    ), "the seed names no company that suspended or left"
    assert not Membership.objects.filter(organization__in=real).exclude(status="unknown").exists()
    assert (
        not ParticipationChange.objects.filter(organization__in=real)
        .exclude(to_status__in=[ParticipationStatus.INVITED, ParticipationStatus.ACTIVE])
        .exclude(to_status=ParticipationStatus.UNKNOWN, from_status=ParticipationStatus.ACTIVE)
        .exists()
    ), "invited, then joined, then no data: nothing more"
    assert not DueDiligenceReview.objects.filter(organization__in=real).exists()


def test_real_organizations_joined_the_day_the_seed_names_them_and_have_no_data_after_it(demo):
    # Registered, invited and joined at their first committee's installation (AMEXCID: the launch it convened, 19 May
    # 2016; GIZ: "en mayo de 2017"), not the day the demo was loaded; from the day after the last installation they
    # sat at (AMEXCID and GIZ: after the period, which ends in March 2018) the seed says nothing of them.
    first_named = {"AMEXCID": "2016-05-19", "GIZ": "2017-05-01"}
    no_data_from = {"AMEXCID": "2018-04-01", "GIZ": "2018-04-01"}
    for goal, seated in sorted(SEED_SEATS.items()):
        installed_on = Committee.objects.get(goal__number=goal).installed_on
        for short_name in seated:
            first_named.setdefault(short_name, str(installed_on))
            no_data_from[short_name] = str(installed_on + datetime.timedelta(days=1))
    for organization in real_organizations():
        short_name = organization.short_name
        assert organization.participation_status == ParticipationStatus.UNKNOWN, short_name
        assert str(timezone.localdate(organization.created_at)) == first_named[short_name], short_name
        steps = organization.participation_changes.order_by("effective_on", "id").values_list(
            "to_status", "effective_on"
        )
        assert [(status, str(day)) for status, day in steps] == [
            ("invited", first_named[short_name]),
            ("active", first_named[short_name]),
            ("unknown", no_data_from[short_name]),
        ], short_name
    # Nobody counts them as taking part today, nor after the period.
    assert not Organization.objects.active_members().filter(is_fictitious=False).exists()
    assert not ParticipationChange.objects.filter(organization__is_fictitious=False, effective_on__gt="2018-04-01")
    # The public finds them (they took part), by the year the seed first names them, not the year of the load.
    entries = SearchEntry.objects.filter(kind="organization", organization_id__in=real_organizations().values("pk"))
    assert entries.filter(audience="public").count() == real_organizations().count()
    assert set(entries.values_list("year", flat=True)) == {2016, 2017}


def test_no_real_organization_is_invited_to_a_survey_of_the_present(demo):
    present = SurveyInvitation.objects.filter(survey__opens_at__gte=demo_dates.present_era_start())
    assert present.filter(organization__is_fictitious=True).count() >= 5
    assert not present.filter(organization__is_fictitious=False).exists()


def test_every_post_is_held_by_a_fictitious_person_of_a_fictitious_organization(demo):
    posts = Post.objects.select_related("holder", "organization")
    assert posts.count() >= 10
    for post in posts:
        assert post.holder.is_fictitious and post.organization.is_fictitious, post


def test_every_demo_person_is_marked_fictitious(demo):
    assert not User.objects.filter(is_fictitious=False).exists()


def test_plenary_figures_are_the_seeds_and_unknown_ones_stay_unknown(demo):
    plenaries = Session.objects.filter(kind=SessionKind.PLENARY, starts_at__year=2016).order_by("starts_at")
    assert [p.reported_attendance for p in plenaries] == SEED_PLENARIES
    assert not plenaries.filter(attendance__isnull=False).exists()


def test_a_fictitious_organization_is_named_so_in_each_language(demo):
    from django.utils import translation

    organization = Organization.objects.get(short_name="Biogás del Golfo")
    with translation.override("es"):
        assert str(organization) == "Biogás del Golfo (ficticia)"
    with translation.override("en"):
        assert str(organization) == "Biogás del Golfo (fictitious)"


def test_no_real_organization_leads_or_joins_a_proposal(demo):
    real = real_organizations()
    assert Proposal.objects.count() >= 17
    assert not Proposal.objects.filter(lead_organization__in=real).exists(), "the seed names no project"
    assert not ConsortiumMember.objects.filter(organization__in=real).exists()
    assert not Contribution.objects.filter(member__organization__in=real).exists()


def test_no_invented_person_acts_for_a_real_organization(demo):
    # The seed names no real organization's person, so nobody represents one in the demo, ever, and nobody is on
    # an attendance list for one (its attendance at the installation is the session's reported figure).
    from companies.models import Representative

    real = real_organizations()
    assert not Representative.objects.filter(organization__in=real).exists()
    assert not Attendance.objects.filter(organization__in=real).exists()


def test_the_installations_attendance_is_the_seats_the_seed_lists_as_a_reported_figure(demo):
    # «Estructuración de proyectos» (p. 28) lists the installations' participants: every seated organization came.
    installations = Session.objects.filter(kind=SessionKind.COMMITTEE, title__startswith="Sesión de instalación")
    assert installations.count() == 5
    for session in installations.select_related("committee__goal"):
        day = session.committee.installed_on
        assert str(session.starts_at.date()) == str(day)
        seated = Membership.objects.filter(committee=session.committee).active_on(day)
        assert (
            set(seated.filter(organization__is_fictitious=False).values_list("organization__short_name", flat=True))
            == (SEED_SEATS[session.committee.goal.number])
        )
        assert session.reported_attendance == seated.count()
        listed = set(session.attendance.values_list("organization", flat=True))
        assert listed == set(seated.filter(organization__is_fictitious=True).values_list("organization", flat=True))
    later = Attendance.objects.filter(session__kind=SessionKind.COMMITTEE).exclude(
        session__title__startswith="Sesión de instalación"
    )
    assert later.count() > 200, "the fictitious members' lists stay"
    assert not Attendance.objects.filter(person__is_fictitious=False).exists()


def test_about_50_active_organizations_is_the_seeds_recorded_figure(demo):
    figure = RecordedFigure.objects.get(label_es="Empresas que participaban activamente en los comités")
    assert (figure.value, figure.qualifier, str(figure.as_of)) == (50, "about", "2018-03-31")
    assert figure.locator == "Etapa 3: Estructuración de proyectos"


def test_agreements_and_work_plan_tasks_fall_to_fictitious_organizations_and_people(demo):
    assert Agreement.objects.count() >= 80
    assert not Agreement.objects.filter(responsible_organization__is_fictitious=False).exists()
    assert not Agreement.objects.filter(responsible_person__is_fictitious=False).exists()
    assert not WorkPlanActivity.objects.filter(responsible_organization__is_fictitious=False).exists()


def test_no_real_organization_has_priority_sdgs_or_wanted_roles(demo):
    assert SDGPriority.objects.filter(organization__is_fictitious=True).count() >= 30
    assert not SDGPriority.objects.filter(organization__is_fictitious=False).exists()
    assert not real_organizations().exclude(alliance_roles=[]).exists()


def test_no_real_organization_answered_a_survey_or_was_invited_to_a_past_one(demo):
    # «Etapa 2: Identificación de prioridades» (p. 26): sent to about 90, 61 % answered; it names none of them.
    assert Response.objects.filter(organization__is_fictitious=True).count() >= 20
    assert not Response.objects.filter(organization__is_fictitious=False).exists()
    assert not Response.objects.filter(respondent__is_fictitious=False).exists()
    past = SurveyInvitation.objects.filter(survey__opens_at__lt=demo_dates.present_era_start())
    assert past.exists()
    assert not past.filter(organization__is_fictitious=False).exists()


def test_no_real_organization_voted(demo):
    # «Estructuración de proyectos», «b) Votación» (p. 28): Producción y consumo voted in person; not who or how.
    assert Participation.objects.exists()
    assert not Participation.objects.filter(elector__organization__is_fictitious=False).exists()
    assert not Participation.objects.filter(cast_by__is_fictitious=False).exists()
