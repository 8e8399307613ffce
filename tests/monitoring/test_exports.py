"""The indicators and approved figures as CSV and Excel: approved only, for those who may see the reports."""

import io

from django.urls import reverse
from openpyxl import load_workbook

from monitoring import services

from .conftest import approved_report, filled_report


def test_the_csv_has_approved_figures_only_and_a_row_for_each_indicator(client, scene):
    approved_report(scene, value="321")
    services.report_submit(actor=scene.lead, report=filled_report(scene, scene.periods[1], value="44.17"))
    client.force_login(scene.partner)
    response = client.get(reverse("monitoring:project-export", args=[scene.implementation.pk, "csv"]))
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    lines = text.strip().splitlines()
    assert lines[0].startswith("Proyecto,Indicador,Tipo de valor")
    assert len(lines) == 2 and "321.00" in lines[1] and "44.17" not in text


def test_the_excel_file_opens_with_the_same_rows(client, scene):
    approved_report(scene, value="321")
    client.force_login(scene.secretary)
    response = client.get(reverse("monitoring:project-export", args=[scene.implementation.pk, "xlsx"]))
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[1][1] == "Toneladas recuperadas" and float(rows[1][11]) == 321


def test_exports_are_refused_to_outsiders_and_the_alliance_export_to_non_staff(client, scene):
    client.force_login(scene.outsider)
    assert client.get(reverse("monitoring:project-export", args=[scene.implementation.pk, "csv"])).status_code == 403
    client.force_login(scene.chair)
    assert client.get(reverse("monitoring:alliance-export", args=["csv"])).status_code == 403
    client.force_login(scene.staff)
    assert client.get(reverse("monitoring:alliance-export", args=["xlsx"])).status_code == 200
    assert client.get(reverse("monitoring:alliance-export", args=["pdf"])).status_code == 404
