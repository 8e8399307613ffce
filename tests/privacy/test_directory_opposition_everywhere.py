"""Opposing the public directory holds on every public surface that could name a person; staff keep the names.

On the demo, a chair who approved a public session's minutes opposes the directory. Anonymous readers of the
committee's and the session's pages, the published report and its PDF, the project pages, every open-data
dataset, the public API, the IATI files and the search never meet the name; staff still do where they did.
"""

import json

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import Client
from django.urls import reverse
from django.utils import translation
from lxml import etree

from committees.models import Minutes, MinutesStatus, Post
from documents.models import Document
from documents.registry import get_kind
from opendata import datasets
from privacy import services
from projects.models import Proposal
from reports.documents import SYSTEMATIZATION
from reports.editions import edition_publish
from search.indexing import reindex
from search.selectors import visible_entries
from tests.api.helpers import client_for, issue
from tests.factories import make_staff
from tests.iati.helpers import activities_tree, organisation_tree
from tests.opendata.helpers import fetch

pytestmark = pytest.mark.django_db


@pytest.fixture
def scene(demo):
    """The opposing person, a public session whose minutes they approved, their post, staff and two clients."""
    approved = Minutes.objects.filter(status=MinutesStatus.APPROVED, session__is_public=True)
    minutes = approved.filter(approved_by__in=Post.objects.current().values("holder")).select_related(
        "approved_by", "session"
    )[0]
    person = minutes.approved_by
    post = Post.objects.current().filter(holder=person).select_related("committee").first()
    staff_client, staff = Client(), make_staff()
    staff_client.force_login(staff)
    # Named before: the test would prove nothing if the pages never showed the name.
    assert person.full_name in Client().get(post.committee.get_absolute_url()).text
    assert person.full_name in Client().get(minutes.session.get_absolute_url()).text
    services.purposes_set(person=person, choices={"directory": False})
    return {
        "person": person,
        "post": post,
        "session": minutes.session,
        "staff": staff,
        "anonymous": Client(),
        "staff_client": staff_client,
    }


def _names(person):
    """The name as HTML and as JSON may write it."""
    return {person.full_name, json.dumps(person.full_name)[1:-1]}


def _absent(person, text):
    return not any(name in text for name in _names(person))


def test_committee_and_session_pages(scene):
    person = scene["person"]
    for url in (scene["post"].committee.get_absolute_url(), scene["session"].get_absolute_url()):
        assert _absent(person, scene["anonymous"].get(url).text), url
        assert person.full_name in scene["staff_client"].get(url).text, url


def test_the_published_report_and_its_pdf(scene):
    person, post = scene["person"], scene["post"]
    start = end = post.started_on
    edition = edition_publish(actor=scene["staff"], start=start, end=end)
    page = scene["anonymous"].get(edition.get_absolute_url()).text
    assert "nombre reservado" in page and _absent(person, page)  # the post is listed, without its holder's name
    params = {"start": start.isoformat(), "end": end.isoformat()}
    with translation.override("es-mx"):
        source = get_kind(SYSTEMATIZATION).build(Document(kind=SYSTEMATIZATION, params=params, language="es-mx"))
    assert "nombre reservado" in source.html and _absent(person, source.html)
    # Staff still read the name where they did: the committee's page and its history of posts.
    assert person.full_name in scene["staff_client"].get(post.committee.get_absolute_url()).text


def test_an_edition_published_before_the_opposition_names_them_no_more(scene):
    person, post = scene["person"], scene["post"]
    services.purposes_set(person=person, choices={"directory": True})
    edition = edition_publish(actor=scene["staff"], start=post.started_on, end=post.started_on)
    assert person.full_name in edition.html_es
    assert person.full_name in scene["anonymous"].get(edition.get_absolute_url()).text
    services.purposes_set(person=person, choices={"directory": False})
    page = scene["anonymous"].get(edition.get_absolute_url()).text
    assert "nombre reservado" in page and _absent(person, page)


def test_project_pages(scene):
    urls = [reverse("projects:project-list")] + [p.get_public_url() for p in Proposal.objects.published()]
    assert len(urls) > 1
    for url in urls:
        response = scene["anonymous"].get(url)
        assert response.status_code == 200 and _absent(scene["person"], response.text), url


@pytest.mark.parametrize("slug", [dataset.slug for dataset in datasets.all_datasets()])
def test_open_data(scene, slug):
    for file_format in ("csv", "json"):
        assert _absent(scene["person"], fetch(scene["anonymous"], slug, file_format)[1].decode("utf-8-sig"))


def test_public_api(scene):
    for endpoint in ("organizations", "committees", "memberships", "sessions", "projects", "datasets"):
        response = scene["anonymous"].get(f"/api/v1/{endpoint}/", HTTP_ACCEPT="application/json")
        assert response.status_code == 200, endpoint
        assert _absent(scene["person"], response.content.decode()), endpoint


def test_public_api_minutes(scene):
    """The minutes' approver is withheld as the session page withholds them; staff still read the name."""
    url = f"/api/v1/sessions/{scene['session'].pk}/minutes/"
    response = scene["anonymous"].get(url, HTTP_ACCEPT="application/json")
    assert response.status_code == 200 and response.json()["results"]
    assert _absent(scene["person"], response.content.decode())
    _, key = issue(scene["staff"], staff=scene["staff"])
    assert scene["person"].full_name in client_for(key).get(url, HTTP_ACCEPT="application/json").text


def test_public_api_minutes_honour_opposing_being_named_in_minutes(scene):
    person = scene["person"]
    services.purposes_set(person=person, choices={"directory": True, "named_in_minutes": False})
    url = f"/api/v1/sessions/{scene['session'].pk}/minutes/"
    assert _absent(person, scene["anonymous"].get(url, HTTP_ACCEPT="application/json").content.decode())
    assert _absent(person, scene["anonymous"].get(scene["session"].get_absolute_url()).text)


def test_iati_files(scene):
    for tree in (activities_tree(), organisation_tree()):
        assert _absent(scene["person"], etree.tostring(tree, encoding="unicode"))


def test_search(scene):
    person = scene["person"]
    reindex()
    anonymous = visible_entries(AnonymousUser())
    assert not anonymous.filter(title__icontains=person.full_name).exists()
    # The page repeats what was asked: ask for the surname alone, and the full name turns up nowhere.
    surname = person.full_name.split()[-2]
    assert _absent(person, scene["anonymous"].get(reverse("search:results"), {"q": surname}).text)
    assert visible_entries(scene["staff"]).filter(kind="person", object_id=person.pk).exists()
