"""The one export writer: labels people read, a byte-order mark, and no formula injection, in CSV and Excel."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from axs_platform.exports import csv_response, safe_cell, xlsx_response
from tests.factories import make_organization, make_staff


@pytest.mark.parametrize("text", ['=HYPERLINK("http://x")', "+1", "-2+3", "@SUM(A1)", "\tx", "\rx"])
def test_text_a_spreadsheet_would_run_gets_a_leading_apostrophe(text):
    assert safe_cell(text) == "'" + text


def test_numbers_dates_and_plain_text_are_written_as_they_are():
    assert safe_cell(-5) == -5 and safe_cell(3.5) == 3.5
    assert safe_cell("Fundación Avina") == "Fundación Avina"
    assert safe_cell(None) == ""


def test_the_csv_starts_with_a_byte_order_mark_and_neutralizes_formulas():
    response = csv_response("x.csv", ["Nombre"], [["=1+1"], ["Ñandú"]])
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.startswith("\ufeffNombre\r\n")
    assert "'=1+1" in body and "Ñandú" in body
    assert response["Content-Disposition"] == 'attachment; filename="x.csv"'


def test_the_excel_file_neutralizes_formulas_too():
    response = xlsx_response("x.xlsx", "Hoja", ["Nombre"], [["=1+1"], [7]])
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    assert [row[0].value for row in sheet.iter_rows()] == ["Nombre", "'=1+1", 7]


@pytest.mark.django_db
def test_the_directory_exports_carry_labels_not_codes(client):
    staff = make_staff()
    make_organization(
        actor=staff, legal_name="=Fundación Peligrosa, A.C.", organization_type="foundation", size="large"
    )
    client.force_login(staff)
    csv_text = b"".join(client.get(reverse("companies:export-csv")).streaming_content).decode()
    assert "Fundación empresarial,Grande (más de 250 personas)" in csv_text and ",Activa,Sin iniciar," in csv_text
    assert ",foundation," not in csv_text and ",not_started," not in csv_text
    assert "'=Fundación Peligrosa" in csv_text
    workbook = load_workbook(io.BytesIO(b"".join(client.get(reverse("companies:export-xlsx")).streaming_content)))
    values = [cell.value for row in workbook.active.iter_rows() for cell in row]
    assert "Fundación empresarial" in values and "foundation" not in values


def test_control_characters_excel_cannot_hold_are_removed_and_the_workbook_is_written():
    assert safe_cell("Línea\x0bvertical\x00") == "Líneavertical"
    response = xlsx_response("x.xlsx", "Hoja", ["Nombre"], [["a\x0bb"], ["=\x01x"]])
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content)), read_only=True).worksheets[0]
    assert [row[0] for row in sheet.iter_rows(values_only=True)] == ["Nombre", "ab", "'=x"]
