"""The home desk: what waits on each person, counted in a fixed number of queries, each count linked to its list."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from committees.models import Agreement, Minutes, PostKind
from companies.models import Organization
from companies.services import invitation_create
from documents.models import Document
from projects import services
from projects.models import Evaluation
from tests.factories import make_committee, make_evaluator, make_organization, make_post_holder, make_session
from tests.projects import conftest as project_fixtures

pytestmark = pytest.mark.django_db
# The proposals' cast (staff, a committee with its chair, a lead, an evaluator) and a submitted proposal.
cast = project_fixtures.cast
draft = project_fixtures.draft
submitted = project_fixtures.submitted


def card(page, title):
    """Return (count, link) of the desk card with this title on the page."""
    match = re.search(
        r'<a class="card[^"]*" href="([^"]+)"><div class="card-body">\s*'
        r'<p class="display-6 mb-0 axs-desk-count">(\d+)</p>'
        r'\s*<h3 class="h6 card-title">' + re.escape(title) + "</h3>",
        page,
    )
    assert match, f"no desk card {title!r}"
    return int(match.group(2)), match.group(1).replace("&amp;", "&")


@pytest.fixture
def queues(cast, submitted):
    """One of everything that waits on staff, and the chair's and secretary's committee."""
    today = timezone.localdate()
    Evaluation.objects.create(proposal=submitted, evaluator=cast.evaluator, assigned_by=cast.staff)
    secretary = make_post_holder(cast.committee, PostKind.SECRETARY, full_name="Tomás Beltrán")
    held = make_session(cast.committee, days_from_now=-3, title="Sesión con borrador")
    make_session(cast.committee, days_from_now=-10, title="Sesión sin acta")
    Minutes.objects.create(session=held, version=1, body="Borrador", drafted_by=secretary)
    Agreement.objects.create(
        session=held,
        committee=cast.committee,
        description="Enviar el mapeo",
        responsible_organization=cast.lead_org,
        due_on=today - datetime.timedelta(days=1),
        created_by=secretary,
    )
    soon, later = make_organization(actor=cast.staff), make_organization(actor=cast.staff)
    Organization.objects.filter(pk=soon.pk).update(
        due_diligence_state="approved", due_diligence_expires_on=today + datetime.timedelta(days=30)
    )
    Organization.objects.filter(pk=later.pk).update(
        due_diligence_state="approved", due_diligence_expires_on=today + datetime.timedelta(days=90)
    )
    invitation_create(actor=cast.staff, organization=soon, email="nueva@b.example", full_name="Nueva Persona")
    Document.objects.create(
        kind="sdg.goal_sheet", title="Ficha", language="es-mx", requested_by=cast.staff, status="failed"
    )
    return secretary


def test_the_staff_desk_counts_each_queue_and_links_to_its_filtered_list(client, cast, queues):
    client.force_login(cast.staff)
    page = client.get("/").content.decode()
    assert "Pendientes del personal de AMEXCID" in page
    assert card(page, "Propuestas por revisar") == (1, reverse("projects:proposal-list") + "?status=submitted")
    assert card(page, "Propuestas con evaluaciones pendientes") == (
        1,
        reverse("projects:proposal-list") + "?evaluations=due",
    )
    assert card(page, "Votaciones por cerrar")[0] == 0
    assert card(page, "Minutas por aprobar") == (1, reverse("committees:session-list") + "?actas=por-aprobar")
    assert card(page, "Acuerdos vencidos") == (1, reverse("committees:agreement-list") + "?overdue=on&status=open")
    assert card(page, "Debida diligencia por vencer") == (1, reverse("companies:directory") + "?due_diligence=expiring")
    assert card(page, "Invitaciones sin aceptar")[0] == 1
    assert card(page, "Documentos que fallaron") == (1, reverse("documents:document-list") + "?status=failed")


def test_each_card_s_list_shows_what_it_counted(client, cast, queues):
    client.force_login(cast.staff)
    page = client.get("/").content.decode()
    sessions = client.get(card(page, "Minutas por aprobar")[1]).content.decode()
    assert "Sesión con borrador" in sessions and "Sesión sin acta" not in sessions
    directory = client.get(card(page, "Debida diligencia por vencer")[1]).content.decode()
    assert directory.count("Organización de Prueba") >= 1
    agreements = client.get(card(page, "Acuerdos vencidos")[1]).content.decode()
    assert "Enviar el mapeo" in agreements


def test_the_staff_home_costs_a_fixed_number_of_queries(client, cast, queues, django_assert_max_num_queries):
    client.force_login(cast.staff)
    client.get("/")
    with django_assert_max_num_queries(16) as before:
        client.get("/")
    for _ in range(5):
        make_session(cast.committee, days_from_now=-5)
        make_organization(actor=cast.staff)
    with django_assert_max_num_queries(len(before.captured_queries)):
        client.get("/")


def test_proposals_awaiting_evaluations_counts_each_proposal_once_as_its_list_shows(client, cast, queues):
    # queues: one evaluation of the submitted proposal, assigned. A second one due on it counts it once.
    submitted = Evaluation.objects.get().proposal
    Evaluation.objects.create(
        proposal=submitted, evaluator=make_evaluator(), assigned_by=cast.staff, status="in_progress"
    )
    withdrawn = Evaluation.objects.create(
        proposal=submitted, evaluator=make_evaluator(), assigned_by=cast.staff, status="withdrawn"
    )
    client.force_login(cast.staff)
    count, link = card(client.get("/").content.decode(), "Propuestas con evaluaciones pendientes")
    assert count == 1
    assert submitted.title in client.get(link).content.decode()
    # Submitted and withdrawn evaluations are not due.
    Evaluation.objects.exclude(pk=withdrawn.pk).update(status="submitted", submitted_at=timezone.now())
    assert card(client.get("/").content.decode(), "Propuestas con evaluaciones pendientes")[0] == 0


def test_a_chair_s_desk_counts_only_what_it_shows(cast, queues, django_assert_num_queries):
    # Proposals to review and ballots closing soon; minutes to approve and overdue agreements. Not the
    # proposals awaiting evaluations, a staff card, whose count reads every evaluation due.
    from axs_platform.desks import chair_desk

    with django_assert_num_queries(4):  # it was 5
        cards = chair_desk({cast.committee.pk})
    assert [item.count for item in cards] == [1, 0, 1, 1]


def test_a_chair_sees_only_their_committee_s_queues(client, cast, queues):
    client.force_login(cast.chair)
    page = client.get("/").content.decode()
    assert "Lo que espera de usted como presidencia" in page
    assert card(page, "Propuestas por revisar")[0] == 1
    assert card(page, "Minutas por aprobar")[0] == 1
    assert card(page, "Acuerdos vencidos")[0] == 1
    client.force_login(cast.other_chair)
    other = client.get("/").content.decode()
    assert card(other, "Propuestas por revisar")[0] == 0
    assert card(other, "Acuerdos vencidos")[0] == 0
    assert "Debida diligencia por vencer" not in other


def test_a_secretary_is_not_addressed_as_chair_and_sees_the_minutes_to_write(client, cast, queues):
    client.force_login(queues)
    page = client.get("/").content.decode()
    assert "Como presidencia" not in page and "Propuestas por revisar" not in page
    assert "Lo que espera de usted como secretaría" in page
    count, link = card(page, "Minutas por redactar")
    assert count == 1
    sessions = client.get(link).content.decode()
    assert "Sesión sin acta" in sessions and "Sesión con borrador" not in sessions
    assert card(page, "Minutas en espera de aprobación")[0] == 1


def test_an_evaluator_sees_the_evaluations_due(client, cast, queues):
    client.force_login(cast.evaluator)
    page = client.get("/").content.decode()
    assert card(page, "Evaluaciones pendientes") == (1, reverse("projects:my-evaluations") + "?status=due")


def test_a_representative_sees_proposals_returned_and_ballots_to_vote(client, cast, submitted):
    services.proposal_transition(actor=cast.staff, proposal=submitted, action="return", reason="Falta presupuesto")
    client.force_login(cast.lead)
    page = client.get("/").content.decode()
    assert card(page, "Propuestas devueltas para cambios") == (
        1,
        reverse("projects:proposal-list") + "?status=returned",
    )
    assert card(page, "Votaciones que esperan su voto")[0] == 0


def test_the_desk_reads_in_english(client, cast, queues):
    cast.staff.preferred_language = "en"
    cast.staff.save()
    client.force_login(cast.staff)
    page = client.get("/").content.decode()
    assert "Waiting on AMEXCID staff" in page
    assert card(page, "Proposals to review")[0] == 1


def test_an_unused_committee_s_chair_has_an_empty_desk(client):
    committee = make_committee(10, name="Inclusión social")
    chair = make_post_holder(committee, PostKind.CHAIR)
    client.force_login(chair)
    page = client.get("/").content.decode()
    assert card(page, "Propuestas por revisar")[0] == 0


def test_agreement_lists_put_the_overdue_first_then_open_by_due_date_then_closed(cast, queues):
    from committees.selectors import agreements

    held = Minutes.objects.get().session
    today = timezone.localdate()
    for description, days, status in (
        ("Cerrado hace mucho", -300, "done"),
        ("Abierto pronto", 3, "pending"),
        ("Abierto después", 30, "in_progress"),
        ("Vencido hace mucho", -60, "pending"),
    ):
        Agreement.objects.create(
            session=held,
            committee=cast.committee,
            description=description,
            responsible_organization=cast.lead_org,
            due_on=today + datetime.timedelta(days=days),
            status=status,
            created_by=queues,
        )
    assert [row.description for row in agreements(committee=cast.committee)] == [
        "Vencido hace mucho",
        "Enviar el mapeo",
        "Abierto pronto",
        "Abierto después",
        "Cerrado hace mucho",
    ]
