"""An RFC typed with hyphens or spaces is accepted and saved without them, on every way in."""

import pytest
from django.urls import reverse

from companies import services
from companies.models import Organization
from companies.services.imports import check_rows
from tests.companies.test_import import csv_file
from tests.companies.test_views import profile_data

pytestmark = pytest.mark.django_db


def test_the_service_saves_an_rfc_typed_with_hyphens_or_spaces_in_capitals_without_them(staff, org_a):
    services.organization_update(actor=staff, organization=org_a, rfc="tex-950711-ax6")
    org_a.refresh_from_db()
    assert org_a.rfc == "TEX950711AX6"
    services.organization_update(actor=staff, organization=org_a, rfc=" TEX 950711 AX6 ")
    org_a.refresh_from_db()
    assert org_a.rfc == "TEX950711AX6"


def test_a_representative_saves_the_profile_with_an_rfc_typed_with_hyphens(client, org_a, rep_a):
    client.force_login(rep_a)
    url = reverse("companies:organization-update", args=[org_a.pk])
    response = client.post(url, profile_data(org_a, rfc="tex-950711-ax6"))
    assert response.status_code == 302, response.context["form"].errors
    org_a.refresh_from_db()
    assert org_a.rfc == "TEX950711AX6"


def test_the_rfc_box_takes_the_spaces_people_type_and_the_length_is_checked_without_them(client, staff, org_a):
    client.force_login(staff)
    url = reverse("companies:organization-update", args=[org_a.pk])
    form = client.get(url).context["form"]
    assert int(form["rfc"].field.widget.attrs["maxlength"]) >= len("TEX 950711 AX6")
    response = client.post(url, profile_data(org_a, rfc="TEX 950711 AX6"))
    assert response.status_code == 302
    org_a.refresh_from_db()
    assert org_a.rfc == "TEX950711AX6"
    # Fourteen characters without the hyphens: still too long for an RFC, and the message says what one is.
    response = client.post(url, profile_data(org_a, rfc="TEXA-950711-AX6-1"))
    assert response.status_code == 200
    errors = " ".join(response.context["form"].errors["rfc"])
    assert "«TEXA950711AX61» no es un RFC válido" in errors and "13 para una persona física" in errors
    assert "como máximo" not in errors
    org_a.refresh_from_db()
    assert org_a.rfc == "TEX950711AX6"


def test_staff_register_an_organization_with_an_rfc_typed_with_spaces(client, staff):
    client.force_login(staff)
    data = {
        "legal_name": "Texcoco Verde, S.A. de C.V.",
        "organization_type": "company",
        "size": "small",
        "sector": "energy",
        "rfc": "TEX 950711 AX6",
        "country": "MX",
        "state": "MEX",
    }
    assert client.post(reverse("companies:organization-create"), data).status_code == 302
    assert Organization.objects.get(legal_name="Texcoco Verde, S.A. de C.V.").rfc == "TEX950711AX6"


def test_an_imported_row_with_a_hyphenated_rfc_is_accepted_without_the_hyphens(client, staff):
    rows = [
        {
            "legal_name": "Texcoco Verde",
            "organization_type": "company",
            "size": "small",
            "sector": "energy",
            "rfc": "tex-950711-ax6",
            "country": "MX",
            "state": "MEX",
        }
    ]
    [(_line, fields, errors)] = check_rows(rows)
    assert errors == [] and fields["rfc"] == "TEX950711AX6"
    client.force_login(staff)
    line = "Texcoco Verde,Texcoco,company,small,energy,TEX 950711 AX6,MX,,,,,"
    response = client.post(reverse("companies:import"), {"file": csv_file(line)})
    assert response.context["wrong"] == 0
