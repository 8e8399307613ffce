"""What grows with a project's periods is shown a part at a time; the monitoring page's cached lists change at once.

The project page lists each indicator's latest approved figures (``?cifras=todas``: every one) and its
periods a page at a time, opening at the latest period that has started; the monitoring page's lists are a
fragment per person and query, which the report services make stale.
"""

import re

import pytest
from django.urls import reverse

from bench.monitoring_seed import seed
from monitoring import services
from monitoring.progress import LATEST_FIGURES, PERIODS_PER_PAGE

from .conftest import filled_report

INDEX = reverse("monitoring:index")
# Warm, the monitoring page reads the user (the session comes from the cache): the dashboards' buttons,
# the filter form and the lists are one cached fragment (there were 9 queries, then 3, before).
INDEX_QUERIES_WARM = 1


@pytest.fixture
def long_project(db):
    """One project, 2018 on, with 12 quarterly periods (all past): eleven reports approved, one returned."""
    return seed(1, indicators=1, periods=12)


def project_url(scene):
    return reverse("monitoring:project", args=[scene.implementations[0].pk])


def figure_rows(html):
    table = html[html.index("<tbody>", html.index('id="indicators-title"')) :]
    return table[: table.index("</tbody>")].count("<tr>")


def listed_periods(html):
    start = html.index('id="periods-title"')
    return [int(n) for n in re.findall(r"(?:Periodo|Period) (\d+)</strong>", html[start:])]


def test_the_project_page_lists_the_latest_figures_and_links_to_every_one(client, long_project):
    client.force_login(long_project.staff)
    implementation = long_project.implementations[0]
    approved = implementation.periods.filter(reports__status="approved").count()
    assert approved > LATEST_FIGURES
    html = client.get(project_url(long_project)).content.decode()
    assert figure_rows(html) == LATEST_FIGURES
    assert f"Las {LATEST_FIGURES} cifras aprobadas más recientes de {approved}" in html
    assert 'href="?cifras=todas#indicator-' in html
    every = client.get(project_url(long_project), {"cifras": "todas"}).content.decode()
    assert figure_rows(every) == approved
    assert "?cifras=todas#" not in every


def test_the_periods_open_at_the_latest_page_and_page_back(client, long_project):
    client.force_login(long_project.staff)
    html = client.get(project_url(long_project)).content.decode()
    assert listed_periods(html) == list(range(PERIODS_PER_PAGE + 1, 13))
    assert 'href="?periodos=1"' in html
    first = client.get(project_url(long_project), {"periodos": "1", "cifras": "todas"}).content.decode()
    assert listed_periods(first) == list(range(1, PERIODS_PER_PAGE + 1))
    assert 'href="?cifras=todas&amp;periodos=2"' in first  # the other parameter survives the paging


def test_every_figure_keeps_the_page_of_periods_being_read(client, long_project):
    client.force_login(long_project.staff)
    first = client.get(project_url(long_project), {"periodos": "1"}).content.decode()
    assert 'href="?cifras=todas&amp;periodos=1#indicator-' in first
    every = client.get(project_url(long_project), {"periodos": "1", "cifras": "todas"}).content.decode()
    assert listed_periods(every) == list(range(1, PERIODS_PER_PAGE + 1))
    assert figure_rows(every) > LATEST_FIGURES
    odd = client.get(project_url(long_project), {"periodos": "<b>x</b>"}).content.decode()
    assert 'href="?cifras=todas#indicator-' in odd  # only a page number is carried (it keys the cache)


def test_a_last_page_of_a_few_periods_joins_the_one_before(client, db):
    ten = seed(1, indicators=1, periods=10)  # 8 + 2: one page of 10, not a second page of 2
    client.force_login(ten.staff)
    html = client.get(project_url(ten)).content.decode()
    assert listed_periods(html) == list(range(1, 11))
    assert "periodos=" not in html


def test_the_monitoring_page_shows_a_submission_and_a_decision_at_once(client, scene):
    client.force_login(scene.staff)
    report = filled_report(scene)
    link = f'href="{reverse("monitoring:report", args=[report.pk])}"'
    assert link not in client.get(INDEX).content.decode()  # a draft waits for nobody; the lists are cached now
    services.report_submit(actor=scene.lead, report=report)
    assert link in client.get(INDEX).content.decode()
    services.report_approve(actor=scene.secretary, report=report)
    assert link not in client.get(INDEX).content.decode()


def test_each_person_reads_their_own_lists(client, scene):
    report = filled_report(scene)
    services.report_submit(actor=scene.lead, report=report)
    link = f'href="{reverse("monitoring:report", args=[report.pk])}"'
    client.force_login(scene.secretary)
    assert link in client.get(INDEX).content.decode()
    client.force_login(scene.lead)  # submitted it: it does not wait for them
    html = client.get(INDEX).content.decode()
    assert link not in html
    assert 'id="mine-title"' in html and scene.proposal.title in html


def test_the_monitoring_page_warm_reads_a_few_queries(client, long_project, django_assert_max_num_queries):
    client.force_login(long_project.staff)
    client.get(INDEX)
    with django_assert_max_num_queries(INDEX_QUERIES_WARM):
        assert client.get(INDEX).status_code == 200


def grace_section(html):
    start = html.index('id="grace-title"')
    return html[start : html.index("</section>", start)]


def test_the_cached_grace_form_shows_a_new_grace_period_at_once_and_a_refusal_as_typed(client, scene):
    client.force_login(scene.staff)
    url = reverse("monitoring:project", args=[scene.implementation.pk])
    assert 'value="30"' in grace_section(client.get(url).content.decode())
    services.implementation_set_grace(actor=scene.staff, implementation=scene.implementation, grace_days=45)
    assert 'value="45"' in grace_section(client.get(url).content.decode())
    refused = client.post(reverse("monitoring:grace", args=[scene.implementation.pk]), {"grace_days": "999"})
    section = grace_section(refused.content.decode())
    assert 'value="999"' in section and "180" in section
    client.force_login(scene.secretary)
    assert 'id="grace-title"' not in client.get(url).content.decode()


def test_the_dashboard_adds_units_that_differ_only_in_case_and_spaces_and_counts_each_project_once(db):
    from django.db.models import Sum

    from monitoring.dashboard import results_by_sdg_indicator
    from monitoring.models import Implementation, Indicator, IndicatorProgress

    scene = seed(3, indicators=1, periods=4)  # one number indicator each, "t", the same SDG indicator
    Indicator.objects.filter(implementation=scene.implementations[1]).update(unit=" T ")
    Indicator.objects.filter(implementation=scene.implementations[2]).update(unit="kg")
    rows = {unit: (total, projects) for _sdg, unit, total, projects in results_by_sdg_indicator(
        Implementation.objects.values("pk"))}  # fmt: skip
    kept = IndicatorProgress.objects.filter(implementation__in=scene.implementations[:2]).aggregate(t=Sum("total"))
    assert rows == {"t": (kept["t"], 2), "kg": (IndicatorProgress.objects.get(
        implementation=scene.implementations[2]).total, 1)}  # fmt: skip


def test_the_cached_monitoring_page_shows_a_submitted_report_and_a_new_post_next(client, scene):
    from committees import services as committee_services
    from tests.factories import make_member, make_organization

    client.force_login(scene.secretary)
    assert "Reportes que esperan su decisión" not in client.get(INDEX).content.decode()
    services.report_submit(actor=scene.lead, report=filled_report(scene))
    assert "Reportes que esperan su decisión" in client.get(INDEX).content.decode()
    # A person appointed to a post sees the committee's dashboard and the filter form next.
    organization = make_organization(actor=scene.staff)
    committee_services.membership_add(actor=scene.staff, committee=scene.committee, organization=organization)
    newcomer = make_member(organization)
    client.force_login(newcomer)
    dashboard = reverse("monitoring:committee-dashboard", args=[scene.committee.pk])
    assert dashboard not in client.get(INDEX).content.decode()
    committee_services.post_appoint(actor=scene.staff, committee=scene.committee, kind="secretary", holder=newcomer)
    assert dashboard in client.get(INDEX).content.decode()  # the same address: the cached copy went stale
    assert 'name="title" value="agua"' in client.get(INDEX, {"title": "agua"}).content.decode()
