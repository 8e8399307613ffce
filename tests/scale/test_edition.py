"""The edition preview counts the period's projects in SQL and lists a bounded number of them."""

from django.urls import reverse

from reports.selectors import PROJECTS_SHOWN
from tests.scale.test_dashboard import END, START, structure

PERIOD = {"start": START.isoformat(), "end": END.isoformat()}


def preview(client, django_assert_max_num_queries, limit):
    with django_assert_max_num_queries(limit):
        response = client.get(reverse("reports:edition"), PERIOD)
    assert response.status_code == 200
    return response.content.decode()


def test_the_edition_shows_the_first_projects_and_counts_the_rest(client, cast, django_assert_max_num_queries):
    client.force_login(cast.staff)
    structure(cast, 10)
    with django_assert_max_num_queries(200) as captured:
        small = client.get(reverse("reports:edition"), PERIOD).content.decode()
    queries = len(captured)
    assert small.count('<article class="project">') == 10 and "proyectos más" not in small
    structure(cast, 90)
    large = preview(client, django_assert_max_num_queries, queries)
    assert large.count('<article class="project">') == PROJECTS_SHOWN
    assert f"Y {100 - PROJECTS_SHOWN} proyectos más" in large
    assert reverse("projects:project-list") in large
    # Counted by committee in SQL: one committee, all 100 projects of the period.
    assert '<td class="num">100</td>' in large
    assert len(large) < len(small) * 3
