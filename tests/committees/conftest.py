"""Fixtures of the committee tests: a committee with its chair and its secretary."""

import pytest

from committees.models import PostKind
from tests.factories import make_committee, make_post_holder


@pytest.fixture
def committee():
    return make_committee(4, name="Educación")


@pytest.fixture
def chair(committee):
    return make_post_holder(committee, PostKind.CHAIR, full_name="Gabriela Núñez")


@pytest.fixture
def secretary(committee):
    return make_post_holder(committee, PostKind.SECRETARY, full_name="Tomás Beltrán")
