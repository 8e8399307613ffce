"""The monitoring page's "To do": reports to write or correct for reporters, reports to decide for approvers."""

import datetime
import zoneinfo

import pytest
import time_machine
from django.urls import reverse

from bench.monitoring_seed import seed
from monitoring import selectors, services
from monitoring.models import Report
from projects.models import Proposal
from tests.factories import make_member, make_organization

from .conftest import filled_report

URL = reverse("monitoring:index")
# The scene's quarterly periods: the first ends 31 March 2024 and is due 30 April, the second ends
# 30 June and is due 30 July, the third runs from 1 July.
JULY_15 = datetime.date(2024, 7, 15)


def _at(day):
    return time_machine.travel(
        datetime.datetime.combine(day, datetime.time(12), zoneinfo.ZoneInfo("America/Mexico_City"))
    )


def _items(scene, user, today=JULY_15):
    return [(p.number, p.report_status, p.is_overdue, p.is_due_soon) for p in selectors.reports_to_write(user, today)]


def _returned(scene, period):
    report = filled_report(scene, period)
    services.report_submit(actor=scene.lead, report=report)
    return services.report_return(actor=scene.secretary, report=report, comments="Falta la lista de asistencia.")


def test_a_reporter_is_told_of_the_overdue_period_and_the_one_due_soon(scene):
    assert _items(scene, scene.lead) == [(1, None, True, False), (2, None, False, True)]
    assert _items(scene, scene.second_lead) == _items(scene, scene.lead)  # every current representative of the lead


def test_returned_and_draft_reports_are_listed_returned_first_with_the_reason(scene):
    _returned(scene, scene.periods[0])
    filled_report(scene, scene.periods[2])  # the current period, begun early: a draft, not yet due
    rows = list(selectors.reports_to_write(scene.lead, JULY_15))
    assert [(p.number, p.report_status, p.is_overdue, p.is_due_soon) for p in rows] == [
        (1, "returned", True, False),
        (2, None, False, True),
        (3, "draft", False, False),
    ]
    assert rows[0].return_reason == "Falta la lista de asistencia."
    assert rows[0].report_id == Report.objects.get(period=scene.periods[0]).pk


def test_a_period_handed_in_is_no_longer_to_do(scene):
    services.report_submit(actor=scene.lead, report=filled_report(scene, scene.periods[0]))
    assert _items(scene, scene.lead) == [(2, None, False, True)]


def test_the_grace_period_staff_set_moves_what_is_overdue(scene):
    services.implementation_set_grace(actor=scene.staff, implementation=scene.implementation, grace_days=120)
    # The first period is now due 29 July: due soon, no longer overdue; the second, due 28 October, not yet.
    assert _items(scene, scene.lead) == [(1, None, False, True)]


def test_partners_approvers_and_outsiders_report_nothing(scene):
    for person in (scene.secretary, scene.staff, scene.outsider, scene.partner):
        assert _items(scene, person) == []


def test_approvers_wait_on_the_reports_submitted_oldest_first_not_their_own(scene):
    first = filled_report(scene, scene.periods[0])
    second = filled_report(scene, scene.periods[1])
    for report in (second, first):
        services.report_submit(actor=scene.lead, report=report)
    assert list(selectors.approval_queue(scene.secretary)) == [second, first]
    assert list(selectors.approval_queue(scene.lead)) == []
    Report.objects.filter(pk=second.pk).update(submitted_by=scene.staff)
    assert list(selectors.approval_queue(scene.staff)) == [first]


def _todo(html):
    start = html.index('id="todo-title"')
    return html[start : html.index("<!-- /todo -->", start)]


def test_the_page_lists_the_reporters_to_do_with_dates_reasons_and_links_in_both_languages(client, scene):
    report = _returned(scene, scene.periods[0])
    with _at(JULY_15):
        client.force_login(scene.lead)
        html = client.get(URL).content.decode()
        todo = _todo(html)
        assert "Pendientes" in todo
        assert "Devuelto con comentarios" in todo and "Vencido" in todo and "Vence pronto" in todo
        assert "Falta la lista de asistencia." in todo
        assert "30/04/2024" in todo and "30/07/2024" in todo
        assert f'href="{reverse("monitoring:report-edit", args=[report.pk])}"' in todo
        start = reverse("monitoring:report-start", args=[scene.periods[1].pk])
        assert f'formaction="{start}"' in todo and 'form="todo-start"' in todo
        assert '<form id="todo-start" method="post">' in html  # the token outside the cached fragment
        scene.lead.preferred_language = "en"
        scene.lead.save(update_fields=["preferred_language"])
        todo = _todo(client.get(URL, HTTP_ACCEPT_LANGUAGE="en").content.decode())
        assert "To do" in todo and "Returned with comments" in todo and "07/30/2024" in todo


def test_the_approver_sees_the_waiting_report_under_to_do(client, scene):
    report = filled_report(scene, scene.periods[0])
    services.report_submit(actor=scene.lead, report=report)
    with _at(JULY_15):
        client.force_login(scene.secretary)
        todo = _todo(client.get(URL).content.decode())
    assert "Reportes que esperan su decisión" in todo
    assert f'href="{reverse("monitoring:report", args=[report.pk])}"' in todo


def test_nothing_to_do_says_so(client, scene):
    with _at(JULY_15):
        client.force_login(scene.outsider)
        todo = _todo(client.get(URL).content.decode())
    assert "Nada pendiente" in todo


@pytest.fixture
def reporter_of_all(db):
    def build(projects):
        many = seed(projects, indicators=1, periods=10)
        organization = make_organization(actor=many.staff)
        Proposal.objects.update(lead_organization=organization)
        return many, make_member(organization)

    return build


@pytest.mark.parametrize("projects", [2, 20])
def test_the_to_do_reads_the_same_queries_at_2_and_20_projects(
    client, reporter_of_all, projects, django_assert_max_num_queries
):
    many, reporter = reporter_of_all(projects)
    today = datetime.date(2020, 6, 1)  # the ten quarterly periods from 2018: some returned, some never reported
    with django_assert_max_num_queries(2):  # the person's organization, then the periods
        rows = list(selectors.reports_to_write(reporter, today))
    assert len(rows) >= projects
    with _at(today):
        client.force_login(reporter)
        with django_assert_max_num_queries(10):
            assert client.get(URL).status_code == 200
        client.force_login(many.staff)
        with django_assert_max_num_queries(10):
            assert client.get(URL).status_code == 200
