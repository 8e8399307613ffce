"""Names are saved with single spaces, so an extra space typed by mistake does not register a duplicate."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from companies import services
from companies.models import Organization
from companies.services.imports import check_rows
from tests.companies.test_services import error_codes, new_fields

pytestmark = pytest.mark.django_db

AXA = "AXA Seguros, S.A. de C.V."


def test_a_legal_name_with_an_extra_space_is_the_same_organization(staff):
    services.organization_create(actor=staff, **new_fields(legal_name=AXA, rfc="ASE931116231"))
    for typed in ("AXA  Seguros, S.A. de C.V.", "axa Seguros,  S.A.\tde C.V.", "AXA\u00a0Seguros, S.A. de  C.V."):
        with pytest.raises(ValidationError) as caught:
            services.organization_create(actor=staff, **new_fields(legal_name=typed))
        assert "duplicate_name" in error_codes(caught.value), typed
    assert Organization.objects.count() == 1


def test_legal_and_short_names_are_saved_with_single_spaces(staff):
    organization = services.organization_create(
        actor=staff, **new_fields(legal_name="  Gamma   Circular,  S.A. de C.V. ", short_name="Gamma  Circular")
    )
    organization.refresh_from_db()
    assert organization.legal_name == "Gamma Circular, S.A. de C.V."
    assert organization.short_name == "Gamma Circular"
    assert organization.sort_name == "gamma circular"
    other = services.organization_create(
        actor=staff, **new_fields(legal_name="Delta, S.A.", short_name="", rfc="DEL150301AB1")
    )
    with pytest.raises(ValidationError) as caught:
        services.organization_update(actor=staff, organization=other, legal_name="Gamma Circular,  S.A.  de C.V.")
    assert "duplicate_name" in error_codes(caught.value)


def test_the_form_refuses_a_second_organization_whose_name_differs_by_a_space(client, staff):
    services.organization_create(actor=staff, **new_fields(legal_name=AXA, rfc="ASE931116231"))
    client.force_login(staff)
    data = {
        "legal_name": "AXA  Seguros, S.A. de C.V.",
        "organization_type": "company",
        "size": "large",
        "sector": "food",
        "rfc": "AXS931116AB1",
        "country": "MX",
        "state": "",
    }
    response = client.post(reverse("companies:organization-create"), data)
    assert response.status_code == 200
    assert "ya está registrada" in " ".join(response.context["form"].errors["legal_name"])
    assert Organization.objects.count() == 1


def test_an_import_sees_two_rows_whose_names_differ_by_a_space_as_the_same():
    row = {"organization_type": "company", "size": "small", "sector": "energy", "country": "DE"}
    checked = check_rows([{**row, "legal_name": "Zeta  GmbH"}, {**row, "legal_name": "Zeta GmbH"}])
    assert checked[0][2] == []
    assert "La misma razón social está en la línea 2." in checked[1][2]
