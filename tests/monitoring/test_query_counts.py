"""The dashboards and the project page read a fixed number of queries, at 10 projects as at 100.

The projects are seeded in bulk by ``bench/monitoring_seed.py`` (the bench's own builder), with
3 indicators and 8 quarterly periods each: approved, returned, submitted and missing reports.
"""

import pytest
from django.urls import reverse

from bench.monitoring_seed import seed

# The budget of each page, the same at 10 and 100 projects (most of it is the base page: session,
# user, menus); the lights are computed by the database over the rows the services keep (period flags,
# indicator progress): one query for the rows shown, one for the lights by colour, whatever the number
# of projects. A committee's dashboard also reads the committee.
# The paged table of projects adds the paginator's count.
ALLIANCE_QUERIES = 15
COMMITTEE_QUERIES = 16
PROJECT_QUERIES = 17
PROJECT_QUERIES_WARM = 2  # the progress section and the periods list are cached (per reader role)


@pytest.mark.parametrize("projects", [10, 100])
def test_dashboards_and_project_page_read_the_same_queries_at_10_and_100_projects(
    client, db, projects, django_assert_max_num_queries
):
    scene = seed(projects, indicators=3, periods=8)
    client.force_login(scene.staff)
    committee = scene.committees[0]
    pages = [
        (reverse("monitoring:dashboard"), ALLIANCE_QUERIES),
        (reverse("monitoring:committee-dashboard", args=[committee.pk]), COMMITTEE_QUERIES),
        (reverse("monitoring:project", args=[scene.implementations[0].pk]), PROJECT_QUERIES),
        (reverse("monitoring:project", args=[scene.implementations[0].pk]), PROJECT_QUERIES_WARM),
    ]
    for url, budget in pages:
        with django_assert_max_num_queries(budget):
            response = client.get(url)
        assert response.status_code == 200
    html = client.get(reverse("monitoring:dashboard")).content.decode()
    assert html.count("Proyecto 0") == min(projects, 25)


def test_an_indicator_s_targets_and_revisions_are_read_without_joining_the_project(db):
    # Their models' default orderings start with "indicator", which Django follows through the
    # indicator's, the implementation's and the proposal's orderings: four joins and a sort of
    # every period and indicator, for rows the page reads by period or per indicator.
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from monitoring import selectors

    scene = seed(2, indicators=3, periods=8)
    with CaptureQueriesContext(connection) as queries:
        indicators = selectors.indicator_series(scene.implementations[0])
    assert len(indicators) == 3
    read = [q["sql"] for q in queries.captured_queries if 'FROM "monitoring_periodtarget"' in q["sql"]]
    read += [q["sql"] for q in queries.captured_queries if 'FROM "monitoring_indicatorrevision"' in q["sql"]]
    assert len(read) == 2
    assert not [sql for sql in read if "projects_proposal" in sql or "monitoring_implementation" in sql], read
