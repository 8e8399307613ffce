"""Pages that could list thousands of rows show a page of them: their HTML does not grow with the data."""

import pytest
from django.urls import reverse

from tests.scale.test_detail_query_counts import bulk_people, grown_committee

pytestmark = pytest.mark.django_db


def committee_session_with(n):
    from tests.factories import make_session

    committee, organizations = grown_committee(n)
    people = bulk_people(organizations, f"sheet{n}-")
    return make_session(committee, days_from_now=-1), people


def test_attendance_sheet_is_saved_a_page_at_a_time(client, cast):
    from committees.models import Attendance

    client.force_login(cast.staff)
    session, people = committee_session_with(120)
    url = reverse("committees:attendance-record", args=[session.pk])
    first = client.get(url)
    assert first.content.decode().count('name="person_') == 50
    fields = [name for name, *_rest in first.context["form"].rows]
    response = client.post(url, dict.fromkeys(fields, "present"))
    assert response.status_code == 302 and response["Location"] == f"{url}?page=2"
    assert Attendance.objects.filter(session=session, status="present").count() == 50
    last = client.post(
        f"{url}?page=3", {name: "absent" for name, *_rest in client.get(url, {"page": 3}).context["form"].rows}
    )
    assert last["Location"] == session.get_absolute_url()
    assert Attendance.objects.filter(session=session).count() == 70  # pages 1 and 3; page 2 untouched


def test_attendance_sheet_html_does_not_grow_with_the_committee(client, cast):
    client.force_login(cast.staff)
    small, large = committee_session_with(60)[0], committee_session_with(200)[0]
    sizes = [len(client.get(reverse("committees:attendance-record", args=[s.pk])).content) for s in (small, large)]
    assert sizes[1] < sizes[0] * 1.1


def test_attendance_sheet_pages_in_the_database_by_organization_then_name(client, cast, django_assert_max_num_queries):
    from accounts.models import User
    from committees.models import Attendance
    from committees.selectors import attendance_sheet

    client.force_login(cast.staff)
    small, _people = committee_session_with(60)
    with django_assert_max_num_queries(100) as captured:
        client.get(reverse("committees:attendance-record", args=[small.pk]))
    session, people = committee_session_with(200)
    # Somebody recorded who may no longer attend stays on the sheet, under the organization recorded.
    former = User.objects.create(email="antes@example.org", full_name="Persona antes", role=User.Role.REPRESENTATIVE)
    Attendance.objects.create(session=session, person=former, organization=people[0].representations.get().organization)
    url = reverse("committees:attendance-record", args=[session.pk])
    with django_assert_max_num_queries(len(captured)):
        first = client.get(url)
    rows = first.context["form"].rows + client.get(url, {"page": 5}).context["form"].rows
    keys = [(organization.legal_name, person.full_name) for _name, person, organization, _record in rows]
    assert keys == sorted(keys) and len(rows) == 50 + 1
    assert first.context["sheet"].paginator.count == 201 and former in attendance_sheet(session)


def options_of(html, name="organization"):
    select = html.split(f'name="{name}"', 1)[1].split("</select>", 1)[0]
    return select.count("<option")


def test_adding_a_member_searches_among_thousands_of_organizations(client, cast):
    from committees.models import Membership
    from companies.models import Organization
    from tests.scale.test_detail_query_counts import bulk_organizations

    bulk_organizations(300, "Candidata")
    client.force_login(cast.staff)
    url = reverse("committees:membership-add", args=[cast.committee.pk])
    page = client.get(url).content.decode()
    assert options_of(page) == 51 and 'role="search"' in page  # the empty choice and the first 50
    # The search travels with the form: what was typed comes back, unsaved and without errors.
    narrowed = client.post(url, {"q": "Candidata 123,", "search_choices": "1", "reason": "Acuerdo 4/2017"})
    target = Organization.objects.get(legal_name="Candidata 123, S.A. de C.V.")
    narrowed = narrowed.content.decode()
    assert f'value="{target.pk}"' in narrowed and options_of(narrowed) == 2
    assert "Acuerdo 4/2017" in narrowed and "is-invalid" not in narrowed
    assert 'form="picker-form"' in narrowed and 'id="picker-form"' in narrowed
    assert not Membership.objects.filter(committee=cast.committee, organization=target).exists()
    # A choice outside the first matches is still valid, and kept when the form comes back with an error.
    again = client.post(url, {"q": "Candidata", "organization": target.pk, "joined_on": "no es fecha"})
    assert again.status_code == 200 and f'value="{target.pk}" selected' in again.content.decode()
    assert client.post(url, {"organization": target.pk}).status_code == 302
    assert Membership.objects.filter(committee=cast.committee, organization=target).exists()


def test_inviting_a_partner_searches_among_the_member_organizations(client, cast, draft):
    from tests.scale.test_detail_query_counts import bulk_organizations

    bulk_organizations(120, "Socia")
    client.force_login(cast.lead)
    url = reverse("projects:proposal-edit", args=[draft.pk, "consortium"])
    assert options_of(client.get(url).content.decode()) == 51
    typed = {"q": "Socia 7,", "search_choices": "1", "description": "Capacitación de 40 docentes"}
    narrowed = client.post(url, typed).content.decode()
    assert options_of(narrowed) == 2 and "Socia 7, S.A. de C.V." in narrowed
    assert "Capacitación de 40 docentes" in narrowed and "is-invalid" not in narrowed  # the contribution kept
    assert not draft.consortium.filter(organization__legal_name__startswith="Socia").exists()


def test_a_survey_chooses_its_organizations_by_search_and_keeps_the_chosen_ones(client, cast):
    from surveys.forms import SurveyForm
    from tests.scale.test_detail_query_counts import bulk_organizations

    chosen = bulk_organizations(120, "Encuestada")
    form = SurveyForm(user=cast.staff, search="Encuestada 11")
    offered = {o.pk for o in form.fields["chosen_organizations"].shown}
    assert chosen[11].pk in offered and len(offered) == 11  # 11, 110..119
    picked = [chosen[3].pk, chosen[90].pk]
    again = SurveyForm({"chosen_organizations": picked}, user=cast.staff, search="Encuestada 11")
    assert set(picked) <= {o.pk for o in again.fields["chosen_organizations"].shown}
    client.force_login(cast.staff)
    page = client.get(reverse("surveys:survey-create")).content.decode()
    assert options_of(page, "chosen_organizations") <= 50 and 'role="search"' in page


def test_ballot_creation_names_voters_by_search(client, cast):
    from tests.projects.ballot_scene import make_candidates, vote_round
    from tests.scale.test_detail_query_counts import bulk_organizations, bulk_people

    bulk_people(bulk_organizations(150, "Votante"), "votante-")
    cast.candidates = make_candidates(cast, 2)
    selection_round = vote_round(cast)
    client.force_login(cast.chair)
    url = reverse("projects:ballot-create", args=[selection_round.pk])
    page = client.get(url).content.decode()
    assert options_of(page, "named_voters") == 50 and 'role="search"' in page
    searched = client.post(url, {"q": "votante-7@", "search_choices": "1", "title": "Segunda vuelta"}).content.decode()
    assert options_of(searched, "named_voters") == 1 and 'value="Segunda vuelta"' in searched


def test_the_session_page_lists_the_recorded_attendance_a_page_at_a_time(client, cast):
    from committees.models import Attendance

    client.force_login(cast.staff)
    session, people = committee_session_with(60)
    Attendance.objects.bulk_create(
        Attendance(session=session, person=person, organization=person.representations.get().organization,
                   status="present")
        for person in people
    )  # fmt: skip
    url = session.get_absolute_url()
    first = client.get(url, {"page": 1}).content.decode()
    assert first.count("<tr><td>") == 50 and "asistencia=2" in first and "page=1&amp;asistencia=2" in first
    second = client.get(url, {"asistencia": 2}).content.decode()
    assert second.count("<tr><td>") == 10 and "asistencia=1" in second


def test_the_attendance_list_is_corrected_a_page_at_a_time(client, cast):
    from committees.models import Attendance

    client.force_login(cast.staff)
    session, people = committee_session_with(60)
    rows = Attendance.objects.bulk_create(
        Attendance(session=session, person=person, organization=person.representations.get().organization,
                   status="present")
        for person in people
    )  # fmt: skip
    url = reverse("committees:attendance-correct", args=[session.pk])
    assert client.get(url).content.decode().count('name="row_') == 50
    second = client.get(url, {"page": 2})
    on_second = [record for _name, record in second.context["form"].rows]
    assert len(on_second) == 10
    data = {f"row_{record.pk}": "present" for record in on_second}
    data[f"row_{on_second[0].pk}"], data["reason"] = "absent", "Se fue antes de empezar."
    response = client.post(f"{url}?page=2", data)
    assert response.status_code == 302
    assert Attendance.objects.get(pk=on_second[0].pk).status == "absent"
    assert Attendance.objects.filter(pk__in=[r.pk for r in rows], status="present").count() == 59
