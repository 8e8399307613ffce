"""The monitoring page pages its lists (approvers' two, the projects to start), 25 a page; filters survive paging."""

import re

import pytest
from django.urls import reverse

from bench.monitoring_seed import seed

URL = reverse("monitoring:index")
# Session, user, posts, the base page's own, the committees (filter and dashboards), the count of the
# structured projects to start (none here, so no page of them), and a count and a page for each of the two
# other paged lists: the same at 10 projects as at 60.
INDEX_QUERIES = 10


@pytest.fixture
def many(db):
    """Thirty projects (three per committee) with ten periods each: thirty reports wait for a decision."""
    return seed(30, indicators=1, periods=10)


def titles(html):
    return re.findall(r"Proyecto \d{5}", html)


def section(html, title_id):
    start = html.index(f'id="{title_id}"')
    return html[start : html.index("</section>", start)]


def test_staff_see_every_project_25_a_page(client, many):
    client.force_login(many.staff)
    first = section(client.get(URL).content.decode(), "approvable-title")
    assert titles(first) == [f"Proyecto {n:05d}" for n in range(25)]
    assert 'href="?page=2"' in first
    second = section(client.get(URL, {"page": "2"}).content.decode(), "approvable-title")
    assert titles(second) == [f"Proyecto {n:05d}" for n in range(25, 30)]


def test_the_reports_waiting_are_paged_apart_and_keep_the_other_lists_page(client, many):
    client.force_login(many.staff)
    html = client.get(URL, {"page": "2"}).content.decode()
    queue = section(html, "queue-title")
    assert queue.count("list-group-item") == 25
    assert 'href="?page=2&amp;cola=2"' in queue
    rest = section(client.get(URL, {"page": "2", "cola": "2"}).content.decode(), "queue-title")
    assert rest.count("list-group-item") == 5


def test_the_filters_narrow_both_lists_and_stay_in_the_paging_links(client, many):
    committee = many.committees[0]
    client.force_login(many.staff)
    html = client.get(URL, {"committee": committee.pk, "title": "proyecto 0002"}).content.decode()
    assert titles(section(html, "approvable-title")) == ["Proyecto 00020"]
    assert set(titles(section(html, "queue-title"))) == {"Proyecto 00020"}
    assert 'value="proyecto 0002"' in html and f'<option value="{committee.pk}" selected>' in html
    html = client.get(URL, {"title": "Proyecto 000"}).content.decode()
    assert 'href="?title=Proyecto+000&amp;page=2"' in section(html, "approvable-title")


def test_a_committee_that_is_not_offered_is_refused_with_a_message_and_the_typed_title_kept(client, many):
    client.force_login(many.staff)
    html = client.get(URL, {"committee": "abc", "title": "Proyecto 0001"}).content.decode()
    assert "Comité: Seleccione una opción válida" in html
    assert 'value="Proyecto 0001"' in html
    assert len(titles(section(html, "approvable-title"))) == 25  # not narrowed by a refused filter
    many.staff.preferred_language = "en"
    many.staff.save(update_fields=["preferred_language"])
    html = client.get(URL, {"committee": "abc"}).content.decode()
    assert "Committee: Select a valid choice" in html


def test_the_structured_projects_to_start_are_paged_apart_with_their_count(client, many):
    from projects.models import Proposal

    first = many.implementations[0].proposal
    same = {"call_id": first.call_id, "committee_id": first.committee_id, "created_by": many.staff, "version": 1}
    same.update(lead_organization_id=first.lead_organization_id, status="structured")  # not yet in implementation
    Proposal.objects.bulk_create(Proposal(title=f"Proyecto {n:05d}", **same) for n in range(100, 128))
    client.force_login(many.staff)
    html = client.get(URL, {"page": "2"}).content.decode()
    listed = section(html, "to-start-title")
    assert '<span class="badge text-bg-secondary">28</span>' in listed
    assert titles(listed) == [f"Proyecto {n:05d}" for n in range(100, 125)]
    assert 'href="?page=2&amp;por_iniciar=2"' in listed
    rest = section(client.get(URL, {"page": "2", "por_iniciar": "2"}).content.decode(), "to-start-title")
    assert titles(rest) == ["Proyecto 00125", "Proyecto 00126", "Proyecto 00127"]


@pytest.mark.parametrize("projects", [10, 60])
def test_the_page_reads_the_same_queries_at_10_and_60_projects(client, db, projects, django_assert_max_num_queries):
    scene = seed(projects, indicators=1, periods=10)
    client.force_login(scene.staff)
    with django_assert_max_num_queries(INDEX_QUERIES):
        assert client.get(URL).status_code == 200
