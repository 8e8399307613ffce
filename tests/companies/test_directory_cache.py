"""The directory's cached pages: served from the cache, and stale the moment anything shown changes."""

import pytest
from django.urls import reverse

from companies import services
from sdg.models import Goal
from tests.factories import make_organization

DIRECTORY = reverse("companies:directory")


def test_a_second_visit_is_served_from_the_cache_without_queries(client, org_a, django_assert_max_num_queries):
    assert "Alfa" in client.get(DIRECTORY).content.decode()
    with django_assert_max_num_queries(0):
        assert "Alfa" in client.get(DIRECTORY).content.decode()


def test_a_new_member_shows_at_once(client, staff, org_a, django_capture_on_commit_callbacks):
    client.get(DIRECTORY)
    with django_capture_on_commit_callbacks(execute=True):
        make_organization(actor=staff, legal_name="Gamma Circular, S.A. de C.V.", short_name="Gamma")
    assert "Gamma" in client.get(DIRECTORY).content.decode()


def test_a_suspended_member_leaves_the_public_directory_at_once(
    client, staff, org_a, django_capture_on_commit_callbacks
):
    assert "Alfa" in client.get(DIRECTORY).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        services.participation_change(actor=staff, organization=org_a, to_status="suspended", reason="Pausa")
    assert "Alfa" not in client.get(DIRECTORY).content.decode()


def test_changed_priorities_show_at_once(client, staff, org_a, django_capture_on_commit_callbacks):
    client.get(DIRECTORY, {"goal": Goal.objects.get(number=7).pk})
    with django_capture_on_commit_callbacks(execute=True):
        services.priorities_set(actor=staff, organization=org_a, goals=[Goal.objects.get(number=7)], alliance_roles=[])
    assert "Alfa" in client.get(DIRECTORY, {"goal": Goal.objects.get(number=7).pk}).content.decode()


@pytest.mark.parametrize("language", ["es-mx", "en"])
def test_each_language_and_audience_has_its_own_cached_page(client, staff, org_a, language):
    client.post(reverse("accounts:set-language"), {"language": language, "next": "/"})
    public = client.get(DIRECTORY).content.decode()
    staff.preferred_language = language
    staff.save(update_fields=["preferred_language"])
    client.force_login(staff)
    private = client.get(DIRECTORY).content.decode()
    header = "Debida diligencia" if language == "es-mx" else "Due diligence"
    assert ("Tipo" if language == "es-mx" else "Type") in public
    assert f'<th scope="col">{header}</th>' not in public
    assert f'<th scope="col">{header}</th>' in private


def test_the_directory_filters_by_committee_and_labels_each_members_committees(
    client, staff, org_a, org_b, django_capture_on_commit_callbacks
):
    from committees import services as committee_services
    from tests.factories import make_committee

    education = make_committee(goal_number=4, name="Educación")
    client.get(DIRECTORY)
    with django_capture_on_commit_callbacks(execute=True):
        committee_services.membership_add(actor=staff, committee=education, organization=org_a)
    listing = client.get(DIRECTORY, {"committee": education.pk}).content.decode()
    assert "Alfa" in listing and "Beta" not in listing
    assert 'title="Educación">ODS 4</span>' in listing
    assert f'<option value="{education.pk}">Educación</option>' in client.get(DIRECTORY).content.decode()
