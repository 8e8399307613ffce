"""Committees' and sessions' English names: pages, calendar, open data, API and search in both languages.

A committee's ``name_en`` (a session's ``title_en``) is shown in the English interface; without it the
Spanish one is shown there, marked ``lang="es"``. The Spanish interface is unchanged.
"""

import pytest
from django.conf import settings
from django.template import Context, Template
from django.urls import reverse
from django.utils import translation

from committees.demo import NAMES_EN
from sdg.models import Goal
from search.indexing import reindex
from tests.api.helpers import client_for
from tests.factories import make_committee, make_committee_member, make_session
from tests.opendata.helpers import fetch, read_csv

pytestmark = pytest.mark.django_db

SPANISH = "Comité ODS 4 Educación de calidad"
ENGLISH = "SDG 4 Committee: Quality Education"


@pytest.fixture
def named():
    committee = make_committee(4, name=SPANISH, name_en=ENGLISH)
    session = make_session(
        committee, title="Sesión ordinaria de marzo", title_en="March ordinary session", is_public=True
    )
    return committee, session


@pytest.fixture
def unnamed():
    committee = make_committee(7, name="Comité de energía asequible")
    session = make_session(committee, title="Sesión de instalación del comité", is_public=True)
    return committee, session


def _in(client, language):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return client


def _page(client, language, name, pk):
    response = _in(client, language).get(reverse(f"committees:{name}", args=[pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_the_display_name_and_title_follow_the_active_language(named, unnamed):
    committee, session = named
    with translation.override("en"):
        assert (committee.display_name, session.display_title) == (ENGLISH, "March ordinary session")
        assert (committee.name_language, session.title_language) == ("en", "en")
        assert unnamed[0].display_name == "Comité de energía asequible"
        assert (unnamed[0].name_language, unnamed[1].title_language) == ("es", "es")
    with translation.override("es-mx"):
        assert (committee.display_name, session.display_title) == (SPANISH, "Sesión ordinaria de marzo")
        assert committee.name_language == "es"


def test_the_bilingual_filter_reads_name_beside_name_en_and_rows_of_values(named, unnamed):
    template = Template('{% load markup %}{{ committee|bilingual:"name" }}|{{ row|bilingual:"name" }}')
    context = Context({"committee": unnamed[0], "row": {"name": SPANISH, "name_en": ENGLISH}})
    with translation.override("en"):
        assert template.render(context) == f'<span lang="es">Comité de energía asequible</span>|{ENGLISH}'
    with translation.override("es-mx"):
        assert template.render(context) == f"Comité de energía asequible|{SPANISH}"


def test_the_english_pages_show_the_english_names_and_the_spanish_ones_marked_where_there_are_none(
    client, named, unnamed
):
    committee, session = named
    page = _page(client, "en", "committee-detail", committee.pk)
    assert f'<h1 class="h3">{ENGLISH}</h1>' in page
    assert SPANISH not in page
    assert "<title>" in page and ENGLISH in page.split("<title>")[1].split("</title>")[0]
    assert "March ordinary session" in page and "Sesión ordinaria de marzo" not in page
    listing = _in(client, "en").get(reverse("committees:committee-list")).content.decode()
    assert f">{ENGLISH}</a>" in listing
    assert '<span lang="es">Comité de energía asequible</span>' in listing
    page = _page(client, "en", "session-detail", session.pk)
    assert "March ordinary session" in page and ENGLISH in page
    page = _page(client, "en", "session-detail", unnamed[1].pk)
    assert '<span lang="es">Sesión de instalación del comité</span>' in page


def test_the_spanish_pages_are_unchanged(client, named):
    committee, session = named
    page = _page(client, "es-mx", "committee-detail", committee.pk)
    assert f'<h1 class="h3">{SPANISH}</h1>' in page
    assert ENGLISH not in page and "March ordinary session" not in page
    page = _page(client, "es-mx", "session-detail", session.pk)
    assert "Sesión ordinaria de marzo" in page and 'lang="es"' not in page.split("<body", 1)[1]


def test_the_session_calendar_file_is_in_the_language_asked(client, named, unnamed):
    session = named[1]
    url = reverse("committees:session-ics", args=[session.pk])
    assert "SUMMARY:March ordinary session" in _in(client, "en").get(url).content.decode()
    assert "SUMMARY:Sesión ordinaria de marzo" in _in(client, "es-mx").get(url).content.decode()
    fallback = reverse("committees:session-ics", args=[unnamed[1].pk])
    assert "SUMMARY:Sesión de instalación del comité" in _in(client, "en").get(fallback).content.decode()


def test_the_calendar_feed_is_in_the_person_s_language(client, named):
    from committees import services

    person = make_committee_member(named[0], preferred_language="en")
    feed, _created = services.calendar_feed_renew(person=person)
    body = client.get(feed.get_absolute_url()).content.decode()
    assert "SUMMARY:March ordinary session" in body and "X-WR-CALNAME:AxS sessions" in body
    person.preferred_language = "es-mx"
    person.save(update_fields=["preferred_language"])
    assert "SUMMARY:Sesión ordinaria de marzo" in client.get(feed.get_absolute_url()).content.decode()


def test_open_data_adds_the_english_names_after_the_columns_published_before(client, named, unnamed):
    rows = read_csv(fetch(client, "comites", "csv")[1])
    header = rows[0]
    before = ["committee_id", "name", "sdg_goal", "description", "decision_mechanism", "installed_on", "closed_at"]
    assert header[: len(before)] == before and "name_en" in header[len(before) :]
    by_id = {row[0]: dict(zip(header, row, strict=True)) for row in rows[1:]}
    assert by_id[str(named[0].pk)]["name_en"] == ENGLISH
    assert by_id[str(unnamed[0].pk)]["name_en"] == "Comité de energía asequible"  # the Spanish one where none

    rows = read_csv(fetch(client, "sesiones", "csv")[1])
    header = rows[0]
    before = ["session_id", "kind", "committee_id", "committee_name", "title", "starts_at", "ends_at", "place"]
    assert header[: len(before)] == before
    assert header.index("committee_name_en") > header.index("has_approved_minutes")
    assert header.index("title_en") > header.index("has_approved_minutes")
    by_id = {row[0]: dict(zip(header, row, strict=True)) for row in rows[1:]}
    assert by_id[str(named[1].pk)]["title"] == "Sesión ordinaria de marzo"
    assert (by_id[str(named[1].pk)]["title_en"], by_id[str(named[1].pk)]["committee_name_en"]) == (
        "March ordinary session",
        ENGLISH,
    )
    assert by_id[str(unnamed[1].pk)]["title_en"] == "Sesión de instalación del comité"


def test_the_api_gives_both_names(named):
    committee, session = named
    api = client_for(HTTP_ACCEPT_LANGUAGE="en")
    body = api.get(f"/api/v1/committees/{committee.pk}/").json()
    assert (body["name"], body["name_en"]) == (SPANISH, ENGLISH)
    body = api.get(f"/api/v1/sessions/{session.pk}/").json()
    assert (body["title"], body["title_en"]) == ("Sesión ordinaria de marzo", "March ordinary session")


def test_search_finds_a_committee_by_either_name_and_shows_the_page_s_one(client, named):
    reindex()
    url = reverse("search:results")
    for query in ("educacion de calidad", "quality education"):
        response = _in(client, "es-mx").get(url, {"q": query})
        assert [r.obj for r in response.context["results"] if r.kind.name == "committee"] == [named[0]], query
    spanish = _in(client, "es-mx").get(url, {"q": "quality education"})
    assert [r.title for r in spanish.context["results"] if r.kind.name == "committee"] == [SPANISH]
    english = _in(client, "en").get(url, {"q": "educacion de calidad"})
    (result,) = [r for r in english.context["results"] if r.kind.name == "committee"]
    assert result.title == ENGLISH and not result.title_in_spanish
    response = _in(client, "en").get(url, {"q": "march ordinary"})
    assert [r.title for r in response.context["results"] if r.kind.name == "session"] == ["March ordinary session"]


def test_the_demo_names_its_committees_in_english_as_the_seed_does_in_spanish():
    from committees.demo import COMMITTEES

    spanish = {number: spec[0] for number, spec in COMMITTEES.items()}
    assert spanish[10] == "Inclusión social" and NAMES_EN[10] == "Social Inclusion"
    assert spanish[4] == "Educación" and NAMES_EN[4] == "Education"
    # The SDG's number is the badge's: neither name repeats it ("SDG 4 SDG 4 Committee: …" in the report).
    for number, name in NAMES_EN.items():
        assert str(number) not in name and "SDG" not in name and "ODS" not in spanish[number]
        assert Goal.objects.get(number=number)
