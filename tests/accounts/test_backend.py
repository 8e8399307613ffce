"""Signing in: the person of each request is found again, and an inactive one is signed out."""

import pytest
from django.contrib.auth import get_user
from django.urls import reverse

from tests.factories import make_representative

pytestmark = pytest.mark.django_db


def test_the_signed_in_person_is_found_again_on_the_next_request(client):
    person = make_representative(email="lucia@axs.example", full_name="Lucía Pérez")
    client.force_login(person)
    response = client.get(reverse("accounts:profile"))
    assert response.status_code == 200
    assert get_user(client) == person
    assert "Lucía" in response.content.decode()


def test_a_person_made_inactive_is_signed_out_on_their_next_request(client):
    person = make_representative(email="out@axs.example")
    client.force_login(person)
    assert get_user(client).is_authenticated
    person.is_active = False
    person.save(update_fields=["is_active"])
    response = client.get(reverse("accounts:profile"))
    assert response.status_code == 302
    assert not get_user(client).is_authenticated
