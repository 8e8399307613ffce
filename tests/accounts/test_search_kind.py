"""People in the search: staff find them by their role's name in Spanish and in English."""

import pytest
from django.urls import reverse

from accounts.services import user_update
from tests.factories import make_evaluator, make_staff

pytestmark = pytest.mark.django_db
URL = reverse("search:results")


@pytest.mark.parametrize("words", ["evaluator", "Evaluador"])
def test_staff_find_a_person_by_their_role_in_either_language(client, words):
    staff = make_staff()
    person = make_evaluator(full_name="Rigoberta Quintana")
    user_update(actor=staff, user=person, job_title="Consultora")  # indexed as the services do
    client.force_login(staff)
    response = client.get(URL, {"q": words, "kind": "person"})
    titles = [result.entry.title for result in response.context["results"]]
    assert "Rigoberta Quintana" in titles
    assert "Evaluator" not in response.content.decode()  # matched, never shown in the Spanish snippet
