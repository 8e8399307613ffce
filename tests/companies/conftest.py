"""Two organizations, each with a representative, plus staff and an evaluator."""

import pytest

from tests.factories import make_evaluator, make_member, make_organization, make_staff


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def staff(db):
    return make_staff()


@pytest.fixture
def evaluator(db):
    return make_evaluator()


@pytest.fixture
def org_a(staff):
    return make_organization(actor=staff, legal_name="Alfa Sostenible, S.A. de C.V.", short_name="Alfa")


@pytest.fixture
def org_b(staff):
    return make_organization(actor=staff, legal_name="Beta Verde, S.A. de C.V.", short_name="Beta")


@pytest.fixture
def rep_a(org_a):
    return make_member(org_a, full_name="Ana Alfa")


@pytest.fixture
def rep_b(org_b):
    return make_member(org_b, full_name="Bruno Beta", phone="+52 55 0000 1111")
