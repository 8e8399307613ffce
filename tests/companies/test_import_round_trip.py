"""What the platform writes (the import template, the directory's export) imports back as it was typed."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from axs_platform.exports import FORMULA_STARTS, safe_cell, unsafe_cell
from companies.models import Organization

pytestmark = pytest.mark.django_db


def _import(client, content, name="plantilla.csv"):
    response = client.post(reverse("companies:import"), {"file": SimpleUploadedFile(name, content)})
    assert response.context["wrong"] == 0, response.context["preview"]
    response = client.post(reverse("companies:import"), {"confirm": "1", "payload": response.context["payload"]})
    assert response.status_code == 302


def test_the_templates_example_row_imports_without_a_stray_apostrophe(client, staff):
    client.force_login(staff)
    template = b"".join(client.get(reverse("companies:import-template")).streaming_content)
    assert b"'" not in template.decode("utf-8-sig").splitlines()[1].encode()
    _import(client, template)
    example = Organization.objects.get(legal_name="Ejemplo Sostenible, S.A. de C.V.")
    assert example.contact_phone == "33 1234 5678"


def test_an_exported_value_starting_like_a_formula_imports_back_as_typed(client, staff, org_a):
    Organization.objects.filter(pk=org_a.pk).update(contact_phone="+52 33 1234 5678", description="-Empaques")
    client.force_login(staff)
    exported = b"".join(client.get(reverse("companies:export-csv")).streaming_content)
    assert b"'+52 33 1234 5678" in exported  # The export still defuses it for spreadsheets.
    Organization.objects.filter(pk=org_a.pk).update(legal_name="Renombrada", rfc="REN100101AB1")
    _import(client, exported, name="e.csv")
    again = Organization.objects.exclude(pk=org_a.pk).get()
    assert (again.contact_phone, again.description) == ("+52 33 1234 5678", "-Empaques")


@pytest.mark.parametrize("text", ["=1+1", "+52 33", "-5", "@x", "Fundación", "'citado'", ""])
def test_unsafe_cell_undoes_safe_cell_and_nothing_else(text):
    assert unsafe_cell(safe_cell(text)) == text


def test_only_the_apostrophe_before_a_defused_start_is_removed():
    assert unsafe_cell("'hola") == "'hola"
    assert unsafe_cell("' =x") == "' =x"
    assert all(unsafe_cell("'" + start + "a") == start + "a" for start in FORMULA_STARTS)
