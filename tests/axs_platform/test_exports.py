"""Every CSV and Excel export neutralizes text a spreadsheet program would run as a formula."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from axs_platform.exports import read_cell, safe_cell
from sdg.models import Goal
from surveys import services
from tests.factories import make_member, make_organization, make_staff
from tests.surveys.conftest import build_survey

ATTACK = "=cmd|' /C calc'!A0"

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("text", [ATTACK, "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"])
def test_text_that_starts_like_a_formula_gets_an_apostrophe_and_reads_back_as_typed(text):
    assert safe_cell(text) == "'" + text
    assert read_cell(safe_cell(text)) == text


def test_other_cells_pass_unchanged():
    assert safe_cell("Alfa, S.A.") == "Alfa, S.A."
    assert safe_cell(-3) == -3
    assert safe_cell(None) == ""
    assert read_cell("'quoted") == "'quoted"


def _csv_cells(response):
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row]


def _xlsx_cells(response):
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).worksheets[0]
    return [cell for row in sheet.iter_rows() for cell in row]


def _assert_neutralized(csv_cells, xlsx_cells):
    assert "'" + ATTACK in csv_cells and ATTACK not in csv_cells
    attacked = [cell for cell in xlsx_cells if isinstance(cell.value, str) and ATTACK in cell.value]
    assert attacked and all(cell.data_type == "s" and cell.value == "'" + ATTACK for cell in attacked)


def test_survey_exports_neutralize_an_answer_typed_as_a_formula(client):
    staff = make_staff()
    organization = make_organization(actor=staff, legal_name=ATTACK, short_name="Alfa")
    representative = make_member(organization, full_name="Alicia Alfa", email="alicia@alfa.example")
    survey = build_survey(staff)
    services.invitations_send(actor=staff, survey=survey)
    invitation = survey.invitations.get(organization=organization)
    q = survey.q
    services.response_save(
        user=representative,
        invitation=invitation,
        values={
            q["single"].pk: q["single"].options.first().pk,
            q["sdg"].pk: [Goal.objects.get(number=4).pk],
            q["yes_no"].pk: False,
            q["short_text"].pk: ATTACK,
        },
    )
    services.response_submit(user=representative, invitation=invitation)
    client.force_login(staff)
    _assert_neutralized(
        _csv_cells(client.get(reverse("surveys:export-csv", args=[survey.pk]))),
        _xlsx_cells(client.get(reverse("surveys:export-xlsx", args=[survey.pk]))),
    )


def test_directory_exports_neutralize_a_name_typed_as_a_formula(client):
    staff = make_staff()
    make_organization(actor=staff, legal_name=ATTACK, short_name="Alfa")
    client.force_login(staff)
    _assert_neutralized(
        _csv_cells(client.get(reverse("companies:export-csv"))),
        _xlsx_cells(client.get(reverse("companies:export-xlsx"))),
    )


def test_the_import_template_is_written_by_the_same_writer(client):
    client.force_login(make_staff())
    rows = list(csv.reader(io.StringIO(client.get(reverse("companies:import-template")).content.decode("utf-8-sig"))))
    assert rows[1][-1] == "'+52 33 1234 5678"
