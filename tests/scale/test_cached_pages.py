"""Pages kept as cached fragments are served again without their queries, and show a service's write at once."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.scale.test_bounded_lists import committee_session_with

pytestmark = pytest.mark.django_db


def get(client, url, **params):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params)
    assert response.status_code == 200
    return response.content.decode(), len(captured)


def selected(page, person):
    select = page.split(f'name="person_{person.pk}"', 1)[1].split("</select>", 1)[0]
    return select.split(" selected>", 1)[0].rsplit('value="', 1)[1].split('"', 1)[0] if " selected" in select else ""


def test_the_attendance_sheet_is_cached_and_shows_what_was_recorded_next(client, cast):
    from committees.services import attendance_record

    client.force_login(cast.staff)
    session, people = committee_session_with(60)
    url = reverse("committees:attendance-record", args=[session.pk])
    page, first = get(client, url)
    person = next(p for p in people if f'name="person_{p.pk}"' in page)
    assert selected(page, person) == ""
    page, second = get(client, url)
    assert second < first and selected(page, person) == ""
    attendance_record(actor=cast.staff, session=session, entries={person: "present"})
    page, _queries = get(client, url)
    assert selected(page, person) == "present"
    # Another page of the same sheet is its own fragment.
    other, _queries = get(client, url, page=2)
    assert f'name="person_{person.pk}"' not in other and 'name="person_' in other


def test_a_sheet_sent_back_with_errors_keeps_what_was_typed(client, cast):
    client.force_login(cast.staff)
    session, people = committee_session_with(60)
    url = reverse("committees:attendance-record", args=[session.pk])
    page, _queries = get(client, url)
    person = next(p for p in people if f'name="person_{p.pk}"' in page)
    response = client.post(url, {f"person_{person.pk}": "excused", "other_email": "nadie@example.org"})
    assert response.status_code == 200
    page = response.content.decode()
    assert selected(page, person) == "excused" and 'value="nadie@example.org"' in page
    assert selected(get(client, url)[0], person) == ""  # nothing was saved, and the blank sheet is still blank


def test_the_public_project_page_body_is_cached_and_shows_each_change_next(client, demo):
    from companies.services import organization_update
    from iati import services as iati_services
    from iati.models import Publisher
    from projects.models import Proposal
    from tests.factories import make_staff

    staff = make_staff()
    project = Proposal.objects.published().select_related("lead_organization").first()
    url, iati_link = project.get_public_url(), reverse("iati:project-file", args=[project.pk])
    page, first = get(client, url)
    assert project.lead_organization.display_name in page and iati_link in page
    page, second = get(client, url)
    assert second < first and iati_link in page
    # The partners' names come from the directory.
    organization_update(actor=staff, organization=project.lead_organization, short_name="Aprender Hoy")
    page, _queries = get(client, url)
    assert "Aprender Hoy" in page
    # A publisher without an identifier links no IATI file, from the next request on.
    Publisher.objects.all().delete()
    iati_services.publisher_update(actor=staff, name_es="AMEXCID", organisation_ref="")
    assert iati_link not in get(client, url)[0]
    iati_services.publisher_update(actor=staff, organisation_ref="XM-DAC-7-2")
    assert iati_link in get(client, url)[0]


def test_the_committee_members_page_is_cached_per_audience_and_shows_each_change_next(client):
    import datetime

    from committees import services
    from tests.factories import make_committee, make_organization, make_staff

    staff, committee = make_staff(), make_committee()
    organization = make_organization(actor=staff)
    membership = services.membership_add(
        actor=staff, committee=committee, organization=organization, joined_on=datetime.date(2020, 1, 1)
    )
    url = reverse("committees:committee-members", args=[committee.pk])
    page, first = get(client, url)
    assert str(organization) in page and "Suspender" not in page
    page, second = get(client, url)
    assert second < first
    # Staff get their own copy, with the actions; the public's stays without them.
    client.force_login(staff)
    assert "Suspender" in get(client, url)[0]
    client.logout()
    assert "Suspender" not in get(client, url)[0]
    services.membership_transition(actor=staff, membership=membership, action="suspend", reason="Sin asistencia")
    assert "Sin asistencia" in get(client, url)[0]


def test_the_sdg_pages_are_kept_until_load_sdg_refreshes_the_framework(client):
    import io

    from django.core.management import call_command

    from sdg.models import Goal

    Goal.objects.filter(number=7).update(short_title_es="Título viejo")  # as a database loaded long ago
    goal_url, list_url = reverse("sdg:goal-detail", args=[7]), reverse("sdg:goal-list")
    assert "Título viejo" in get(client, goal_url)[0] and "Título viejo" in get(client, list_url)[0]
    page, queries = get(client, list_url)
    assert queries == 0 and "Título viejo" in page
    assert get(client, goal_url)[1] == 1  # the goal's header; its targets from the cache
    call_command("load_sdg", stdout=io.StringIO())
    assert "Título viejo" not in get(client, list_url)[0]
    assert "Título viejo" not in get(client, goal_url)[0]


def test_the_session_page_counts_the_quorum_once_per_version_and_shows_a_recording_next(client, cast):
    from committees.services import attendance_record

    client.force_login(cast.staff)
    session, people = committee_session_with(6)
    url = session.get_absolute_url()
    _page, first = get(client, url)
    with CaptureQueriesContext(connection) as second:
        summary = client.get(url).context["summary"]
    assert len(second) <= first - 3  # the quorum's aggregates come from the cache
    assert summary["organizations_counted"] is None and summary["expected"] >= 6
    attendance_record(actor=cast.staff, session=session, entries=dict.fromkeys(people, "present"))
    summary = client.get(url).context["summary"]
    assert summary["organizations_counted"] == 6 and summary["reached"] is True
    assert "Hay quórum" in get(client, url)[0]


def test_a_proposals_content_is_cached_for_its_readers_and_shows_each_change_next(client, cast, draft):
    from companies.services import organization_update
    from projects import services

    url = reverse("projects:proposal-detail", args=[draft.pk])
    client.force_login(cast.lead)
    page, first = get(client, url)
    assert "Operación" in page and cast.partner_org.short_name in page
    page, second = get(client, url)
    assert second < first and "Operación" in page
    services.component_add(actor=cast.lead, proposal=draft, title="Rutas de reparto")
    assert "Rutas de reparto" in get(client, url)[0]
    organization_update(actor=cast.staff, organization=cast.partner_org, short_name="Socia Renombrada")
    assert "Socia Renombrada" in get(client, url)[0]
    # The content is everyone's; what is the reader's own is not: an invited partner's answer form.
    invited = services.partner_invite(actor=cast.lead, proposal=draft, organization=cast.outsider_org)
    client.force_login(cast.outsider)
    page = get(client, url)[0]
    assert reverse("projects:partner-respond", args=[draft.pk, invited.pk]) in page
    client.force_login(cast.lead)
    assert reverse("projects:partner-respond", args=[draft.pk, invited.pk]) not in get(client, url)[0]


def test_the_evaluators_load_is_cached_and_shows_assignments_and_people_next(client, cast, draft):
    from accounts.services import user_create, user_update
    from projects import services

    submitted = services.proposal_submit(actor=cast.lead, proposal=draft)
    url = reverse("projects:evaluator-load")
    client.force_login(cast.staff)
    page, first = get(client, url)
    page, second = get(client, url)
    assert second < first
    row = page.split(cast.evaluator.full_name, 1)[1].split("</tr>", 1)[0]
    assert 'data-label="Pendiente">0</td>' in row  # nothing pending yet
    services.evaluator_assign(actor=cast.staff, proposal=submitted, evaluator=cast.evaluator)
    row = get(client, url)[0].split(cast.evaluator.full_name, 1)[1].split("</tr>", 1)[0]
    assert 'data-label="Pendiente">1</td>' in row
    user_create(actor=cast.staff, email="nueva.evaluadora@axs.example", full_name="Nueva Evaluadora", role="evaluator")
    assert "Nueva Evaluadora" in get(client, url)[0]
    user_update(actor=cast.staff, user=cast.evaluator, full_name="Evaluadora Renombrada")
    assert "Evaluadora Renombrada" in get(client, url)[0]
