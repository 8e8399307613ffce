"""The sign-in backend: finding the signed-in person again on each request, in one query."""

import pytest
from django.contrib.auth import get_user
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.backends import AccountBackend
from tests.factories import make_representative

pytestmark = pytest.mark.django_db


def test_the_signed_in_person_is_read_again_whole_in_one_query():
    person = make_representative(email="lucia@axs.example", full_name="Lucía Pérez")
    with CaptureQueriesContext(connection) as queries:
        found = AccountBackend().get_user(str(person.pk))
    assert len(queries) == 1
    assert found == person
    assert (found.email, found.full_name, found.role, found.is_active) == (
        "lucia@axs.example", "Lucía Pérez", person.role, True,
    )  # fmt: skip


def test_an_unknown_or_malformed_id_or_an_inactive_person_is_nobody():
    person = make_representative(email="gone@axs.example")
    backend = AccountBackend()
    assert backend.get_user("999999") is None
    assert backend.get_user("not-a-number") is None
    person.is_active = False
    person.save(update_fields=["is_active"])
    assert backend.get_user(str(person.pk)) is None


def test_a_person_made_inactive_is_signed_out_on_their_next_request(client):
    person = make_representative(email="out@axs.example")
    client.force_login(person)
    assert get_user(client).is_authenticated
    person.is_active = False
    person.save(update_fields=["is_active"])
    response = client.get(reverse("accounts:profile"))
    assert response.status_code == 302
    assert not get_user(client).is_authenticated
