"""A correction's page shows each figure of the approved version beside the corrected one, the changed ones marked."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from monitoring import selectors, services


@pytest.fixture(autouse=True)
def _spanish():
    with translation.override("es-mx"):
        yield


def _correction(scene):
    contribution = scene.proposal.consortium.get(is_lead=True).contributions.first()
    report = services.report_start(actor=scene.lead, period=scene.periods[0])
    services.report_save(actor=scene.lead, report=report, values={scene.indicator.pk: "250"}, achievements="Logros.",
                         budget_executed_mxn="120000",
                         deliveries={contribution.pk: ("150000", "Primera ministración")})  # fmt: skip
    services.report_submit(actor=scene.lead, report=report)
    approved = services.report_approve(actor=scene.secretary, report=report)
    correction = services.report_start(actor=scene.lead, period=scene.periods[0])
    services.report_save(actor=scene.lead, report=correction, values={scene.indicator.pk: "275"},
                         achievements="Logros.", budget_executed_mxn="120000",
                         deliveries={contribution.pk: ("150000", "Primera ministración, con factura")})  # fmt: skip
    services.report_submit(actor=scene.lead, report=correction)
    return approved, correction


def _row(page, label):
    match = re.search(r"<tr[^>]*><th scope=\"row\"[^>]*>" + re.escape(label) + r".*?</tr>", page, re.S)
    assert match, f"no row for {label}"
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", match.group(0))).strip()


def test_the_approver_sees_each_approved_figure_beside_the_corrected_one(client, scene):
    _, correction = _correction(scene)
    client.force_login(scene.secretary)
    page = client.get(reverse("monitoring:report", args=[correction.pk])).content.decode()
    assert "Lo que cambia la corrección" in page
    assert '<th scope="col">Versión 1 aprobada</th><th scope="col">Esta corrección</th>' in page
    assert _row(page, scene.indicator.name).endswith("250 275 Modificado")
    assert _row(page, "Presupuesto ejercido en el periodo (MXN)") == (
        "Presupuesto ejercido en el periodo (MXN) 120,000.00 120,000.00 Sin cambio"
    )
    delivery = [row for row in re.findall(r"<tr.*?</tr>", page, re.S) if "Primera ministración" in row]
    assert len(delivery) == 1 and "Modificado" in delivery[0] and "con factura" in delivery[0]


def test_a_first_report_shows_no_comparison(client, scene):
    approved, _ = _correction(scene)
    client.force_login(scene.secretary)
    page = client.get(reverse("monitoring:report", args=[approved.pk])).content.decode()
    assert "Lo que cambia la corrección" not in page


def test_the_comparison_reads_two_queries_and_the_page_two_more_than_a_first_reports(
    client, scene, django_assert_max_num_queries
):
    approved, correction = _correction(scene)
    full = selectors.report_full(correction.pk)
    with django_assert_max_num_queries(2):
        changes = selectors.correction_changes(full)
    assert changes.version == 1 and [c.changed for c in changes.values] == [True]
    client.force_login(scene.secretary)
    with CaptureQueriesContext(connection) as first:
        client.get(reverse("monitoring:report", args=[approved.pk]))
    with django_assert_max_num_queries(len(first.captured_queries) + 2):
        client.get(reverse("monitoring:report", args=[correction.pk]))
