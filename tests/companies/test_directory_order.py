"""The directory lists organizations by the name it shows, in Spanish alphabetical order."""

import pytest
from django.urls import reverse

from axs_platform.collation import spanish_sort_key
from companies.selectors import directory
from companies.services import organization_update
from tests.factories import make_organization, make_staff

pytestmark = pytest.mark.django_db

SPANISH_ORDER = ["Águila", "avena", "Avina", "Nube", "Ñandú", "Zapata"]


def test_the_sort_key_ignores_case_and_accents_and_puts_ñ_after_n():
    assert sorted(["Zapata", "Ñandú", "Avina", "Nube", "avena", "Águila"], key=spanish_sort_key) == SPANISH_ORDER
    assert spanish_sort_key("  Ñandú ") == "n{andu"


@pytest.fixture
def organizations():
    staff = make_staff()
    # Legal names in the opposite order: the list must follow the shown (short) name, not the hidden one.
    for index, shown in enumerate(SPANISH_ORDER):
        make_organization(actor=staff, short_name=shown, legal_name=f"{chr(ord('Z') - index)} Razón social, S.C.")
    make_organization(actor=staff, short_name="", legal_name="Bimbo, S.A.B. de C.V.")
    return staff


def test_the_directory_is_in_spanish_order_of_the_shown_name(client, organizations):
    shown = [organization.display_name for organization in directory()]
    assert shown == ["Águila", "avena", "Avina", "Bimbo, S.A.B. de C.V.", "Nube", "Ñandú", "Zapata"]
    page = client.get(reverse("companies:directory")).content.decode()
    positions = [page.index(f">{name}</a>") for name in ("Águila", "Avina", "Bimbo, S.A.B. de C.V.", "Nube", "Ñandú")]
    assert positions == sorted(positions)


def test_renaming_an_organization_moves_it_in_the_directory(organizations):
    nube = next(o for o in directory() if o.display_name == "Nube")
    organization_update(actor=organizations, organization=nube, short_name="Abeja")
    assert [o.display_name for o in directory()][0] == "Abeja"
