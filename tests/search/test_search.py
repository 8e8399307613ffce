"""The search page and its index: matching without accents, typos (PostgreSQL), titles first, escaped
snippets, facets, paging, bad input, and services keeping the index current."""

import pytest
from django.db import connection
from django.urls import reverse

from companies import services as company_services
from search.indexing import reindex
from search.models import SearchEntry
from search.text import fold, highlight, snippet
from tests.factories import make_committee, make_organization, make_staff

ON_POSTGRESQL = connection.vendor == "postgresql"
URL = reverse("search:results")
# A staff search's queries, the same on both databases (the typo fallback is asked only when nothing matched).
QUERIES = 9


def _titles(response):
    return [result.entry.title for result in response.context["results"]]


def test_folding_drops_accents_and_case():
    assert fold("Educación ÑANDÚ") == "educacion nandu"


def test_snippet_escapes_what_people_wrote_and_marks_the_hits():
    text = "Antes <script>alert('x')</script> y después la Educación de calidad " + "relleno " * 60
    html = str(snippet(text, "educacion"))
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<mark>Educación</mark>" in html
    assert str(highlight("<b>Energía</b>", "energia")) == "&lt;b&gt;<mark>Energía</mark>&lt;/b&gt;"


@pytest.mark.django_db
def test_a_word_without_accents_finds_the_organization_written_with_them(client):
    make_organization(legal_name="Fundación Educación Rural, A.C.", short_name="Educación Rural")
    make_organization(legal_name="Aceros del Norte, S.A.", short_name="Aceros")
    response = client.get(URL, {"q": "educacion rural"})
    assert response.status_code == 200
    assert _titles(response) == ["Educación Rural (Fundación Educación Rural, A.C.)"]
    assert "<mark>Educación</mark>" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.skipif(not ON_POSTGRESQL, reason="trigram similarity and stemming are PostgreSQL's")
def test_on_postgresql_a_typo_and_another_form_of_the_word_still_find_it(client):
    make_organization(legal_name="Fundación Educación Rural, A.C.", short_name="Educación Rural")
    assert "Educación Rural" in _titles(client.get(URL, {"q": "educasion"}))[0]
    make_organization(legal_name="Energías Limpias del Bajío", short_name="", description="Paneles solares.")
    assert _titles(client.get(URL, {"q": "panel"})) == ["Energías Limpias del Bajío"]


@pytest.mark.django_db
def test_a_match_in_the_title_ranks_before_a_match_in_the_text(client):
    make_organization(legal_name="Compañía Uno", short_name="", description="Trabajamos por la reforestación.")
    make_organization(legal_name="Reforestación Dos", short_name="", description="Árboles.")
    assert _titles(client.get(URL, {"q": "reforestacion"})) == ["Reforestación Dos", "Compañía Uno"]


@pytest.mark.django_db
def test_what_an_organization_writes_is_shown_escaped(client):
    make_organization(legal_name="Hidro Sur", short_name="", description='Agua <img src=x onerror="alert(1)"> limpia')
    body = client.get(URL, {"q": "agua"}).content.decode()
    assert 'onerror="alert(1)"' not in body
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in body


@pytest.mark.django_db
def test_an_empty_search_says_what_to_type(client):
    response = client.get(URL, {"q": "   "})
    assert response.status_code == 200
    assert "Escriba una o más palabras para buscar." in response.content.decode()
    assert "results" not in response.context


@pytest.mark.django_db
def test_an_over_long_search_is_refused_and_kept_as_typed(client):
    typed = "energía " * 30
    response = client.get(URL, {"q": typed})
    body = response.content.decode()
    assert "Escriba como máximo 200 caracteres para buscar (escribió 239)." in body
    assert 'value="energía energía' in body
    assert "results" not in response.context


@pytest.mark.django_db
def test_the_page_without_a_query_shows_only_the_form(client):
    response = client.get(URL)
    assert response.status_code == 200 and "results" not in response.context
    assert 'name="q"' in response.content.decode()


@pytest.mark.django_db
def test_facets_count_per_kind_and_a_facet_narrows_the_results(client):
    committee = make_committee(goal_number=7, name="Comité de Energía solar")
    make_organization(legal_name="Solar Uno", short_name="")
    make_organization(legal_name="Solar Dos", short_name="")
    reindex(["committee"])
    response = client.get(URL, {"q": "solar"})
    facets = {name: values for name, _label, values in response.context["facets"]}
    assert {v.value: v.count for v in facets["kind"]} == {"organization": 2, "committee": 1}
    assert {v.value: v.count for v in facets["committee"]} == {committee.pk: 1}
    assert [v.value for v in facets["sdg"]] == ["7"]
    narrowed = client.get(URL, {"q": "solar", "kind": "organization"})
    assert sorted(_titles(narrowed)) == ["Solar Dos", "Solar Uno"]
    facets = {name: values for name, _label, values in narrowed.context["facets"]}
    assert [v.selected for v in facets["kind"]] == [True, False]  # the kind's own facet still offers the others


@pytest.mark.django_db
def test_results_are_paged(client):
    for number in range(23):
        make_organization(legal_name=f"Cooperativa Maíz {number:02d}", short_name="")
    first = client.get(URL, {"q": "maiz"})
    assert first.context["page"].paginator.count == 23 and len(first.context["results"]) == 20
    second = client.get(URL, {"q": "maiz", "page": 2})
    assert len(second.context["results"]) == 3
    assert "page=2" in first.content.decode()


@pytest.mark.django_db
def test_beyond_the_best_matches_the_page_says_more_and_a_filter_still_finds_the_rest(client, monkeypatch):
    """Pages reach and facets count the best matches only; a filter reads its own best ones."""
    monkeypatch.setattr("search.selectors.CANDIDATES", 3)
    for number, goal in enumerate((1, 2, 3, 4)):
        make_committee(goal_number=goal, name=f"Comité Maíz {number}")
    for number in range(2):
        make_organization(legal_name=f"Cooperativa Maíz {number}", short_name="")
    reindex(["committee"])  # committees rank before organizations (by kind) among equal title hits
    response = client.get(URL, {"q": "maiz"})
    assert response.context["more"] and response.context["page"].paginator.count == 3
    assert "Más de 3 resultados" in response.content.decode()
    facets = {name: values for name, _label, values in response.context["facets"]}
    assert {v.value: v.count for v in facets["kind"]} == {"committee": 3}
    narrowed = client.get(URL, {"q": "maiz", "kind": "organization"})
    assert not narrowed.context["more"]
    assert sorted(_titles(narrowed)) == ["Cooperativa Maíz 0", "Cooperativa Maíz 1"]


@pytest.mark.django_db
def test_a_search_reads_a_fixed_number_of_queries_however_many_results(client, django_assert_num_queries):
    """One ranked read for facets and page, the page's entries by id, their objects one query per kind."""
    make_committee(goal_number=12, name="Comité de Maíz")
    for number in range(25):
        make_organization(legal_name=f"Cooperativa Maíz {number:02d}", short_name="")
    reindex(["committee"])
    client.force_login(make_staff())
    with django_assert_num_queries(QUERIES):
        response = client.get(URL, {"q": "maiz"})
    assert response.context["page"].paginator.count == 26 and len(response.context["results"]) == 20


@pytest.mark.django_db
def test_a_chosen_facet_beyond_the_best_matches_costs_one_ranked_read_more(
    client, monkeypatch, django_assert_num_queries
):
    """Beyond the best matches, a chosen facet reads its own best ones: one query more, no more."""
    monkeypatch.setattr("search.selectors.CANDIDATES", 3)
    for number, goal in enumerate((1, 2, 3, 4)):
        make_committee(goal_number=goal, name=f"Comité Maíz {number}")
    for number in range(2):
        make_organization(legal_name=f"Cooperativa Maíz {number}", short_name="")
    reindex(["committee"])
    client.force_login(make_staff())
    # The session, the user and their representations; the ranked read; the committees' and SDGs'
    # labels; the page's entries; its objects, one query per kind shown (committees only).
    with django_assert_num_queries(QUERIES - 1):
        assert client.get(URL, {"q": "maiz"}).context["more"]
    # The user and their representations (the session now comes from the cache); the ranked read and the
    # kind's own; no label (the best three hold no organization); the entries; the organizations.
    with django_assert_num_queries(6):
        narrowed = client.get(URL, {"q": "maiz", "kind": "organization"})
    assert len(narrowed.context["results"]) == 2


@pytest.mark.django_db
def test_a_filter_that_is_not_valid_is_explained(client):
    response = client.get(URL, {"q": "maiz", "sdg": "99"})
    assert "Un filtro de la dirección no es válido" in response.content.decode()


@pytest.mark.django_db
def test_services_keep_the_index_current():
    staff = make_staff()
    organization = make_organization(actor=staff, legal_name="Nombre Viejo, S.C.", short_name="")
    company_services.organization_update(actor=staff, organization=organization, legal_name="Nombre Nuevo, S.C.")
    entry = SearchEntry.objects.get(kind="organization", object_id=organization.pk)
    assert entry.title == "Nombre Nuevo, S.C." and entry.audience == "public"
    company_services.organization_archive(actor=staff, organization=organization, reason="Cerró")
    entry.refresh_from_db()
    assert entry.audience == "private"


@pytest.mark.django_db
def test_an_archived_organization_is_not_found_by_the_public(client):
    staff = make_staff()
    organization = make_organization(actor=staff, legal_name="Textiles Ocultos", short_name="")
    company_services.organization_archive(actor=staff, organization=organization, reason="Cerró")
    assert _titles(client.get(URL, {"q": "textiles"})) == []
    client.force_login(staff)
    assert _titles(client.get(URL, {"q": "textiles"})) == ["Textiles Ocultos"]


@pytest.mark.django_db
def test_reindex_command_rebuilds_every_kind(django_capture_on_commit_callbacks):
    from django.core.management import call_command

    make_committee(name="Comité reconstruido")
    SearchEntry.objects.all().delete()
    call_command("search_reindex", "committee", "sdg_goal", stdout=__import__("io").StringIO())
    assert SearchEntry.objects.filter(kind="committee", title="Comité reconstruido").exists()
    assert SearchEntry.objects.filter(kind="sdg_goal").count() == 17


@pytest.mark.django_db
def test_an_anonymized_person_leaves_no_name_or_address_in_the_index():
    from accounts import services as account_services
    from privacy.services.anonymize import person_anonymize
    from tests.factories import make_representative

    staff = make_staff()
    person = make_representative(full_name="Dolores Buscable", email="dolores@example.org")
    account_services.user_update(actor=staff, user=person, job_title="Directora")
    assert SearchEntry.objects.get(kind="person", object_id=person.pk).title == "Dolores Buscable"
    person_anonymize(actor=staff, user=person, reason="Cancelación")
    entry = SearchEntry.objects.get(kind="person", object_id=person.pk)
    assert "Dolores" not in entry.title + entry.body + entry.folded
    assert "dolores@example.org" not in entry.body


@pytest.mark.django_db
def test_a_person_who_joins_through_an_invitation_is_found_by_staff(client):
    staff = make_staff()
    organization = make_organization(actor=staff)
    _invitation, token = company_services.invitation_create(
        actor=staff, organization=organization, email="nora@example.org", full_name="Nora"
    )
    company_services.invitation_accept(token=token, full_name="Nora Zacarías", password="una-clave-larga-2026")
    client.force_login(staff)
    assert any("Zacarías" in title for title in _titles(client.get(URL, {"q": "zacarias"})))


@pytest.mark.django_db
def test_a_search_that_finds_nothing_says_so(client):
    body = client.get(URL, {"q": "zzzqqq"}).content.decode()
    assert "No se encontró nada. Pruebe otras palabras, o menos." in body


@pytest.mark.django_db
def test_a_filter_that_leaves_nothing_says_so_keeps_the_facets_and_offers_to_drop_it(client):
    make_organization(legal_name="Agua Clara del Norte", short_name="")
    response = client.get(URL, {"q": "agua", "kind": "person"})
    body = response.content.decode()
    assert "No se encontró nada con los filtros elegidos." in body
    assert 'href="?q=agua">Buscar en todo, sin filtros</a>' in body
    assert "Organizaciones" in body and "?q=agua&amp;kind=organization" in body


@pytest.mark.django_db
def test_a_minus_word_excludes_and_a_quoted_phrase_keeps_its_words_together(client):
    make_organization(legal_name="Agua Limpia del Norte", short_name="")
    make_organization(legal_name="Agua Turbia del Sur", short_name="")
    make_organization(legal_name="Limpia el Río y su agua", short_name="")
    assert _titles(client.get(URL, {"q": "agua -limpia"})) == ["Agua Turbia del Sur"]
    assert _titles(client.get(URL, {"q": '"agua limpia"'})) == ["Agua Limpia del Norte"]
    assert sorted(_titles(client.get(URL, {"q": 'agua -"agua limpia"'}))) == [  # ranked: the order is PostgreSQL's
        "Agua Turbia del Sur",
        "Limpia el Río y su agua",
    ]
    assert sorted(_titles(client.get(URL, {"q": "turbia or rio"}))) == [
        "Agua Turbia del Sur",
        "Limpia el Río y su agua",
    ]
    body = client.get(URL, {"q": "agua -limpia"}).content.decode()
    assert "<mark>Limpia</mark>" not in body  # an excluded word is not marked


def test_the_query_is_read_as_postgresql_reads_a_web_search():
    from search.text import Term, parse_query

    assert parse_query('Agua -"muy limpia" or -río') == [
        [Term(("agua",), False), Term(("muy", "limpia"), True)],
        [Term(("rio",), True)],
    ]


@pytest.mark.django_db
def test_a_session_is_found_by_its_english_title_whose_words_no_spanish_snippet_shows(client):
    from tests.factories import make_session

    make_session(
        title="Cuarta sesión plenaria",
        title_en="Fourth plenary session",
        description="Los resultados de la encuesta",
        is_public=True,
    )
    reindex(["session"])
    client.force_login(make_staff())
    found = client.get(URL, {"q": "encuesta"})
    assert _titles(found) == ["Cuarta sesión plenaria"]
    assert "Fourth" not in found.content.decode()
    assert _titles(client.get(URL, {"q": "fourth plenary"})) == ["Cuarta sesión plenaria"]


@pytest.mark.django_db
def test_the_migration_drops_the_english_title_from_the_session_entries_text():
    import importlib

    from django.apps import apps

    from tests.factories import make_session

    session = make_session(title="Cuarta sesión plenaria", title_en="Fourth plenary session", description="Encuesta")
    reindex(["session"])
    SearchEntry.objects.filter(kind="session").update(body="AMEXCID\nEncuesta\nFourth plenary session")
    migration = importlib.import_module("committees.migrations.0009_session_search_body_without_english_title")
    migration.drop_english_title_from_bodies(apps, type("Editor", (), {"connection": connection})())
    entry = SearchEntry.objects.get(kind="session", object_id=session.pk)
    assert entry.body == "AMEXCID\nEncuesta"


@pytest.mark.django_db
def test_a_committee_is_found_by_its_english_name_whose_words_no_spanish_snippet_shows(client):
    make_committee(name="Comité de agua limpia", name_en="Clean water committee", description="Cuencas y ríos")
    reindex(["committee"])
    found = client.get(URL, {"q": "cuencas"})
    assert _titles(found) == ["Comité de agua limpia"]
    assert SearchEntry.objects.get(kind="committee", title="Comité de agua limpia").body == "Cuencas y ríos"
    assert _titles(client.get(URL, {"q": "clean water"})) == ["Comité de agua limpia"]


@pytest.mark.django_db
def test_an_sdg_target_shows_no_english_snippet_to_a_spanish_reader_and_is_found_in_english(client):
    reindex(["sdg_target"])
    spanish = client.get(URL, {"q": "niñas enseñanza gratuita"})
    assert any(title.startswith("4.1 De aquí a 2030") for title in _titles(spanish))
    assert "girls and boys" not in spanish.content.decode()
    assert SearchEntry.objects.get(kind="sdg_target", title__startswith="4.1 ").body == ""
    english = client.get(URL, {"q": "girls boys free equitable"})
    assert any(title.startswith("4.1 ") for title in _titles(english))


@pytest.mark.django_db
def test_the_migrations_empty_the_sdg_snippets_and_drop_the_committee_english_name():
    import importlib

    from django.apps import apps

    committee = make_committee(name="Comité de agua", name_en="Water committee", description="Ríos")
    reindex(["committee", "sdg_goal"])
    SearchEntry.objects.filter(kind="committee", object_id=committee.pk).update(body="Ríos\nWater committee")
    SearchEntry.objects.filter(kind="sdg_goal").update(body="Agua limpia. SDG 6: Clean water")
    editor = type("Editor", (), {"connection": connection})()
    importlib.import_module(
        "committees.migrations.0010_committee_search_body_without_english_name"
    ).drop_english_name_from_bodies(apps, editor)
    importlib.import_module("sdg.migrations.0003_search_entries_without_english_snippets").empty_bodies(apps, editor)
    assert SearchEntry.objects.get(kind="committee", object_id=committee.pk).body == "Ríos"
    assert not SearchEntry.objects.filter(kind="sdg_goal").exclude(body="").exists()
