import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from companies.models import Organization
from companies.spreadsheets import IMPORT_COLUMN_NAMES

pytestmark = pytest.mark.django_db

HEADER = ",".join(IMPORT_COLUMN_NAMES)


def csv_file(*lines, name="organizaciones.csv"):
    return SimpleUploadedFile(name, "\n".join([HEADER, *lines]).encode("utf-8"))


GOOD = "Epsilon Agua,Epsilon,Empresa,Pequeña,energy,EAG100101AB1,MX,Jalisco,,,,"
GOOD_FOREIGN = "Zeta GmbH,Zeta,company,large,chemicals,,Alemania,,,,,"


def test_preview_shows_every_rows_errors_and_saves_nothing(client, staff, org_a):
    client.force_login(staff)
    bad = [
        "Sin RFC,,company,small,food,,MX,,,,,",
        f'"{org_a.legal_name}",,company,small,food,OTR100101AB1,MX,,,,,',
        "RFC malo,,company,gigante,food,XX1,MX,,,,,",
    ]
    response = client.post(reverse("companies:import"), {"file": csv_file(GOOD, *bad)})
    preview = response.context["preview"]
    assert response.context["wrong"] == 3
    assert [line for line, _fields, errors in preview if errors] == [3, 4, 5]
    assert "gigante" in " ".join(preview[3][2])
    assert not response.context["payload"]
    assert Organization.objects.count() == 1


def test_correct_file_is_imported_after_confirmation_only(client, staff):
    client.force_login(staff)
    response = client.post(reverse("companies:import"), {"file": csv_file(GOOD, GOOD_FOREIGN)})
    assert response.context["wrong"] == 0
    assert not Organization.objects.exists()
    response = client.post(reverse("companies:import"), {"confirm": "1", "payload": response.context["payload"]})
    assert response.status_code == 302
    epsilon = Organization.objects.get(legal_name="Epsilon Agua")
    assert (epsilon.organization_type, epsilon.size, epsilon.state) == ("company", "small", "JAL")
    assert epsilon.participation_status == "invited"
    assert Organization.objects.get(legal_name="Zeta GmbH").country == "DE"


def test_tampered_confirmation_is_refused(client, staff):
    client.force_login(staff)
    response = client.post(reverse("companies:import"), {"confirm": "1", "payload": "forged"})
    assert response.status_code == 302 and not Organization.objects.exists()


def test_file_with_wrong_columns_is_refused_naming_them(client, staff):
    client.force_login(staff)
    upload = SimpleUploadedFile("x.csv", b"nombre,tipo\nAlgo,empresa\n")
    response = client.post(reverse("companies:import"), {"file": upload})
    message = " ".join(response.context["form"].errors["file"])
    assert "legal_name" in message and "nombre" in message


def test_same_organization_twice_in_a_file_is_flagged(client, staff):
    client.force_login(staff)
    response = client.post(reverse("companies:import"), {"file": csv_file(GOOD, GOOD.replace("EAG", "EAH"))})
    assert response.context["wrong"] == 1


def test_excel_file_is_read(client, staff):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(IMPORT_COLUMN_NAMES)
    sheet.append(GOOD.split(","))
    buffer = io.BytesIO()
    workbook.save(buffer)
    client.force_login(staff)
    response = client.post(reverse("companies:import"), {"file": SimpleUploadedFile("orgs.xlsx", buffer.getvalue())})
    assert response.context["wrong"] == 0 and len(response.context["preview"]) == 1


def test_file_named_xlsx_that_is_not_excel_is_refused(client, staff):
    client.force_login(staff)
    response = client.post(reverse("companies:import"), {"file": SimpleUploadedFile("orgs.xlsx", b"a,b,c\n")})
    assert response.context["form"].errors.as_data()["file"][0].code == "import_content"


def test_exported_file_can_be_imported_again(client, staff, org_a):
    client.force_login(staff)
    exported = b"".join(client.get(reverse("companies:export-csv")).streaming_content)
    Organization.objects.filter(pk=org_a.pk).update(legal_name="Renombrada", rfc="REN100101AB1")
    response = client.post(reverse("companies:import"), {"file": SimpleUploadedFile("e.csv", exported)})
    assert response.context["wrong"] == 0
