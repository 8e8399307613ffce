"""Search results respect each kind's page: for every role and every indexed object, found ⇔ its page opens.

The world is the access matrix's (``tests/access/world.py``: the demo plus drafts and submitted proposals
of two organizations, partners, a session document...). For each kind, ``visible_entries`` (the index's
filter, used for counts and pages) must agree with the kind's object predicate, the one its page asks.
"""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import Client
from django.urls import reverse

from projects import services as project_services
from search import registry
from search.indexing import reindex
from search.models import SearchEntry
from search.selectors import visible_entries
from tests.access.world import ROLES, build

MARKER = "zorrocifrado"


@pytest.fixture
def world(demo, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    people, objects = build()
    reindex()
    return people, objects


def _user(people, role):
    return people[role] or AnonymousUser()


@pytest.mark.django_db
def test_each_role_finds_exactly_what_each_kinds_page_shows_it(world):
    people, _objects = world
    wrong, checked = [], 0
    for role in ROLES:
        user = _user(people, role)
        visible = set(visible_entries(user).values_list("kind", "object_id"))
        for kind in registry.kinds():
            indexed = SearchEntry.objects.filter(kind=kind.name).values_list("object_id", flat=True)
            for obj in kind.queryset().filter(pk__in=indexed):
                checked += 1
                may_open, found = bool(kind.can_view(user, obj)), (kind.name, obj.pk) in visible
                if may_open != found:
                    wrong.append(f"{role}: {kind.name} {obj.pk} ({obj}) page {may_open}, search {found}")
    assert checked > 1000
    assert not wrong, "\n".join(wrong[:40])


@pytest.mark.django_db
def test_every_kind_has_entries_in_the_world(world):
    kinds = set(SearchEntry.objects.values_list("kind", flat=True))
    assert kinds == {kind.name for kind in registry.kinds()}


@pytest.mark.django_db
def test_a_draft_is_found_by_its_consortium_alone(world):
    people, objects = world
    from projects.models import Proposal

    draft = Proposal.objects.get(pk=objects["draft_a"])
    project_services.proposal_update(actor=people["rep_a"], proposal=draft, summary=f"Un resumen con {MARKER}.")
    finders = []
    for role in ROLES:
        client = Client()
        if people[role] is not None:
            client.force_login(people[role])
        response = client.get(reverse("search:results"), {"q": MARKER})
        assert response.status_code == 200
        if MARKER in response.content.decode():
            body = response.content.decode()
            if draft.get_absolute_url() in body:
                finders.append(role)
    assert finders == ["rep_a"]


@pytest.mark.django_db
def test_people_are_found_by_staff_only(world):
    people, _objects = world
    for role in ROLES:
        user = _user(people, role)
        found = visible_entries(user).filter(kind="person", object_id=people["rep_b"].pk).exists()
        assert found == (role == "staff"), role


@pytest.mark.django_db
def test_a_session_not_published_is_not_found_by_the_public_and_its_minutes_neither(world):
    people, _objects = world
    entries = visible_entries(AnonymousUser())
    assert not entries.filter(kind__in=["agreement", "person", "proposal", "survey"]).exists()
    assert not entries.filter(kind="session_document").exclude(audience="public").exists()
    assert not entries.filter(kind__in=["session", "minutes"]).exclude(audience="public").exists()
