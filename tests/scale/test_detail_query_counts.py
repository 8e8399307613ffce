"""Detail pages read their child rows in a fixed number of queries: the count is the same at 10 and 100 rows.

Each case builds one object with ``n`` children of every kind its page shows (in bulk, the
rows the services would write), then counts the queries of one cold request (caches emptied).
The process-wide caches that every long-running worker keeps warm (content types, for one) are
filled by a first request, so the count does not depend on which test ran before.
"""

import datetime
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from projects import services
from projects.models import Activity, AlignedTarget, BudgetLine, Component, ProjectIndicator
from sdg.models import Target
from tests.factories import make_member, make_organization
from tests.projects.conftest import fill_proposal

pytestmark = pytest.mark.django_db


def queries_of(client, url):
    client.get(url)
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def grow_proposal(proposal, n):
    """Give a proposal ``n`` components, each with an activity and an indicator, n targets, n budget lines."""
    components = Component.objects.bulk_create(
        Component(proposal=proposal, position=i + 2, title=f"Componente {i}") for i in range(n)
    )
    Activity.objects.bulk_create(
        Activity(
            component=c, description="Taller", starts_on=datetime.date(2027, 1, 1), ends_on=datetime.date(2027, 2, 1)
        )
        for c in components
    )
    ProjectIndicator.objects.bulk_create(
        ProjectIndicator(
            proposal=proposal,
            component=c,
            name="Personas formadas",
            unit="personas",
            baseline_value=Decimal(0),
            baseline_year=2026,
            target_value=Decimal(100),
            target_year=2028,
            means_of_verification="Listas de asistencia",
        )
        for c in components
    )
    taken = proposal.aligned_targets.values("target")
    for target in Target.objects.exclude(pk__in=taken)[:n]:
        AlignedTarget.objects.create(proposal=proposal, target=target).indicators.set(target.indicators.all()[:1])
    lead = proposal.consortium.get(is_lead=True)
    BudgetLine.objects.bulk_create(
        BudgetLine(proposal=proposal, year=2027, concept=f"Rubro {i}", amount_mxn=Decimal(10), source_member=lead)
        for i in range(n)
    )


def published_proposal(cast, n):
    lead_org = make_organization(actor=cast.staff)
    lead = make_member(lead_org)
    proposal = services.proposal_start(actor=lead, call=cast.call, title=f"Proyecto de {n}")
    fill_proposal(proposal, lead)
    proposal = services.proposal_submit(actor=lead, proposal=proposal)
    proposal = services.proposal_transition(actor=cast.staff, proposal=proposal, action="accept")
    proposal = services.proposal_select(actor=cast.staff, proposal=proposal)
    for action in ("structure", "structured"):
        proposal = services.proposal_transition(actor=cast.staff, proposal=proposal, action=action)
    proposal = services.proposal_publish(actor=cast.staff, proposal=proposal)
    grow_proposal(proposal, n)
    return proposal


def test_proposal_and_project_pages_read_components_in_fixed_queries(client, cast):
    small, large = published_proposal(cast, 10), published_proposal(cast, 100)
    assert large.components.count() == 101 and large.indicators.count() == 101
    client.force_login(cast.staff)
    assert queries_of(client, small.get_absolute_url()) == queries_of(client, large.get_absolute_url())
    client.logout()
    public = "projects:project-detail"
    from django.urls import reverse

    assert queries_of(client, reverse(public, args=[small.pk])) == queries_of(client, reverse(public, args=[large.pk]))


def bulk_organizations(n, prefix):
    """``n`` active organizations written in one statement (a scene, not the behaviour under test)."""
    from companies.models import Organization

    start = Organization.objects.count()
    return Organization.objects.bulk_create(
        Organization(
            legal_name=f"{prefix} {i}, S.A. de C.V.",
            sort_name=f"{prefix.lower()} {i:05d}",
            organization_type="company",
            size="small",
            sector="manufacturing",
            rfc=f"BLK{start + i:06d}AB1",
            state="JAL",
            participation_status="active",
        )
        for i in range(n)
    )


def bulk_people(organizations, prefix):
    """One representative for each organization (or for the one organization given), in bulk."""
    from accounts.models import User
    from companies.models import Representative

    people = User.objects.bulk_create(
        User(email=f"{prefix}{i}@example.org", full_name=f"Persona {prefix} {i}", role=User.Role.REPRESENTATIVE)
        for i in range(len(organizations))
    )
    Representative.objects.bulk_create(
        Representative(organization=o, user=p) for o, p in zip(organizations, people, strict=True)
    )
    return people


def grown_committee(n):
    from committees.models import Membership, PriorityArea, WorkPlanActivity
    from tests.factories import make_committee, make_session

    committee = make_committee()
    organizations = bulk_organizations(n, f"Miembro{n}")
    Membership.objects.bulk_create(
        Membership(
            committee=committee,
            organization=o,
            status="active",
            source="invitation",
            joined_on=datetime.date(2016, 11, 1),
        )
        for o in organizations
    )
    area = PriorityArea.objects.create(committee=committee, name="Educación financiera")
    WorkPlanActivity.objects.bulk_create(
        WorkPlanActivity(
            committee=committee,
            priority_area=area,
            title=f"Actividad {i}",
            responsible_organization=organizations[i],
            starts_on=datetime.date(2027, 1, 1),
            ends_on=datetime.date(2027, 6, 1),
        )
        for i in range(n)
    )
    for days in range(n // 10):
        make_session(committee, days_from_now=-days - 1)
        make_session(committee, days_from_now=days + 1)
    return committee, organizations


def test_committee_page_reads_members_and_work_plan_in_fixed_queries(client, cast):
    client.force_login(cast.staff)
    small, large = grown_committee(10)[0], grown_committee(100)[0]
    assert queries_of(client, small.get_absolute_url()) == queries_of(client, large.get_absolute_url())


def grown_session(n):
    from committees.models import AgendaItem, Attendance
    from tests.factories import make_session

    committee, organizations = grown_committee(n)
    session = make_session(committee, days_from_now=-1)
    people = bulk_people(organizations, f"asistente{n}-")
    Attendance.objects.bulk_create(
        Attendance(session=session, person=p, organization=o, response="yes", status="present")
        for o, p in zip(organizations, people, strict=True)
    )
    AgendaItem.objects.bulk_create(AgendaItem(session=session, position=i + 1, title=f"Punto {i}") for i in range(n))
    return session


def test_session_page_reads_attendance_and_agenda_in_fixed_queries(client, cast):
    from django.urls import reverse

    client.force_login(cast.staff)
    small, large = grown_session(10), grown_session(100)
    url = "committees:session-detail"
    assert queries_of(client, reverse(url, args=[small.pk])) == queries_of(client, reverse(url, args=[large.pk]))


def grown_organization(n):
    from committees.models import Membership
    from tests.factories import make_committee

    organization = bulk_organizations(1, f"Grande{n}")[0]
    bulk_people([organization] * n, f"persona{n}-")
    Membership.objects.bulk_create(
        Membership(
            committee=make_committee(),
            organization=organization,
            status="active",
            source="invitation",
            joined_on=datetime.date(2016, 11, 1),
        )
        for _ in range(n // 10)
    )
    return organization


def test_organization_page_reads_people_and_committees_in_fixed_queries(client, cast):
    client.force_login(cast.staff)
    small, large = grown_organization(10), grown_organization(100)
    assert queries_of(client, small.get_absolute_url()) == queries_of(client, large.get_absolute_url())


def grown_survey(staff, n):
    from surveys import services as survey_services
    from tests.surveys.conftest import window

    survey = survey_services.survey_create(
        actor=staff, title_es=f"Encuesta {n}", title_en=f"Survey {n}", audience="all_members", **window()
    )
    for s in range(n // 10):
        section = survey_services.section_create(actor=staff, survey=survey, title_es=f"Sección {s}")
        for q in range(10):
            survey_services.question_create(
                actor=staff,
                section=section,
                kind="single",
                text_es=f"Pregunta {s}.{q}",
                options=[{"text_es": "Sí"}, {"text_es": "No"}, {"text_es": "Tal vez"}],
            )
    survey_services.survey_publish(actor=staff, survey=survey)
    return survey


def test_survey_page_reads_sections_and_questions_in_fixed_queries(client, cast):
    client.force_login(cast.staff)
    small, large = grown_survey(cast.staff, 10), grown_survey(cast.staff, 100)
    assert queries_of(client, small.get_absolute_url()) == queries_of(client, large.get_absolute_url())


def grown_ballot(cast, n):
    from committees.models import Membership
    from tests.projects.ballot_scene import make_ballot, make_candidates, vote_round

    organizations = bulk_organizations(n, f"Elector{n}")
    Membership.objects.bulk_create(
        Membership(
            committee=cast.committee,
            organization=o,
            status="active",
            source="invitation",
            joined_on=datetime.date(2016, 11, 1),
        )
        for o in organizations
    )
    bulk_people(organizations, f"elector{n}-")
    cast.candidates = make_candidates(cast, n)
    ballot = make_ballot(cast, vote_round(cast))
    Membership.objects.filter(organization__in=organizations).update(status="suspended")  # the next scene's electorate
    return ballot


def test_ballot_page_reads_candidates_and_electorate_in_fixed_queries(client, cast):
    client.force_login(cast.chair)
    small, large = grown_ballot(cast, 10), grown_ballot(cast, 100)
    assert large.electors.count() > 100 and small.electors.count() < 20
    assert queries_of(client, small.get_absolute_url()) == queries_of(client, large.get_absolute_url())


def test_committee_page_shows_the_first_activities_of_an_area_and_links_to_the_work_plan(client, cast):
    from django.urls import reverse

    client.force_login(cast.staff)
    committee = grown_committee(100)[0]
    body = client.get(committee.get_absolute_url()).content.decode()
    assert body.count("Actividad ") == 10  # the area's first ten, then the link
    plan = reverse("committees:work-plan", args=[committee.pk])
    assert f"{plan}?area=" in body
    page = client.get(plan, {"page": 2})
    assert page.status_code == 200 and "Actividad 99" in page.content.decode()
    assert page.context["activities"].paginator.count == 100
    assert client.get(plan, {"area": 0}).status_code == 404
