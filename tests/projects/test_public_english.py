"""A published project's English title and summary: the English public pages, fact sheet, open data and API."""

import pytest
from django.core.exceptions import PermissionDenied
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from audit.models import AuditEvent
from projects import services
from projects.documents import public_fact_sheet_context
from projects.selectors import proposal_full
from tests.opendata.helpers import fetch, read_json

pytestmark = pytest.mark.django_db

TITLE_EN = "Zero food waste"
SUMMARY_EN = "Less food thrown away by supermarkets."


@pytest.fixture
def project(cast, in_review):
    proposal = services.proposal_select(actor=cast.staff, proposal=in_review)
    for action in ("structure", "structured"):
        proposal = services.proposal_transition(actor=cast.staff, proposal=proposal, action=action)
    return services.proposal_publish(actor=cast.staff, proposal=proposal)


def _english(cast, project, **texts):
    texts = {"title_en": TITLE_EN, "summary_en": SUMMARY_EN, **texts}
    return services.project_english_update(actor=cast.staff, proposal=project, **texts)


def _page(client, name, project, language):
    args = [project.pk] if name == "project-detail" else []
    return client.get(reverse(f"projects:{name}", args=args), HTTP_ACCEPT_LANGUAGE=language).content.decode()


def test_the_english_pages_show_the_english_title_and_summary_and_the_spanish_pages_the_spanish(client, cast, project):
    _english(cast, project)
    detail = _page(client, "project-detail", project, "en")
    assert f'<h1 class="h3">{TITLE_EN}</h1>' in detail and SUMMARY_EN in detail
    assert f"<title>{TITLE_EN}" in detail
    listing = _page(client, "project-list", project, "en")
    assert TITLE_EN in listing and SUMMARY_EN in listing and project.title not in listing
    for name in ("project-detail", "project-list"):
        spanish = _page(client, name, project, "es")
        assert project.title in spanish and project.summary in spanish
        assert TITLE_EN not in spanish and SUMMARY_EN not in spanish


def test_without_english_texts_the_english_pages_show_the_spanish_ones_marked_as_spanish(client, cast, project):
    _english(cast, project, summary_en="")
    detail = _page(client, "project-detail", project, "en")
    assert f'<h1 class="h3">{TITLE_EN}</h1>' in detail
    assert f'<p class="lead" lang="es">{project.summary}</p>' in detail
    _english(cast, project, title_en="")
    detail = _page(client, "project-detail", project, "en")
    assert f'<h1 class="h3"><span lang="es">{project.title}</span></h1>' in detail
    assert f'<span lang="es">{project.title}</span>' in _page(client, "project-list", project, "en")


def test_a_new_english_title_shows_on_the_english_pages_already_cached(client, cast, project):
    _english(cast, project)
    assert TITLE_EN in _page(client, "project-list", project, "en")  # cached now, per language
    assert TITLE_EN not in _page(client, "project-list", project, "es")
    _english(cast, project, title_en="No food wasted")
    assert "No food wasted" in _page(client, "project-list", project, "en")
    assert "No food wasted" in _page(client, "project-detail", project, "en")
    assert project.title in _page(client, "project-list", project, "es")


def test_only_staff_set_the_english_texts_and_the_change_is_audited(cast, project):
    with pytest.raises(PermissionDenied):
        services.project_english_update(actor=cast.lead, proposal=project, title_en="Mine")
    _english(cast, project, title_en=f"  {TITLE_EN} ")
    project.refresh_from_db()
    assert (project.title_en, project.summary_en) == (TITLE_EN, SUMMARY_EN)
    event = AuditEvent.objects.get(action="projects.english_changed")
    assert event.changes["title_en"] == ["", TITLE_EN]
    _english(cast, project)  # nothing changes: nothing recorded
    assert AuditEvent.objects.filter(action="projects.english_changed").count() == 1


def test_the_public_fact_sheet_in_english_shows_the_english_title_and_summary(cast, project):
    _english(cast, project)
    shown = proposal_full().get(pk=project.pk)
    with translation.override("en"):
        english = render_to_string("projects/pdf/fact_sheet.html", public_fact_sheet_context(shown))
    with translation.override("es-mx"):
        spanish = render_to_string("projects/pdf/fact_sheet.html", public_fact_sheet_context(shown))
    assert f"<h1>{TITLE_EN}</h1>" in english and SUMMARY_EN in english
    assert f"<h1>{project.title}</h1>" in spanish and TITLE_EN not in spanish


def _open_data_row(client, project):
    rows = read_json(fetch(client, "proyectos", "json")[1])["rows"]
    return next(row for row in rows if row["project_id"] == project.pk)


def _api_row(client, project):
    body = client.get("/api/v1/projects/", HTTP_ACCEPT_LANGUAGE="en").json()
    return next(row for row in body["results"] if row["id"] == project.pk)


def test_open_data_and_the_api_carry_the_english_texts_beside_the_spanish(client, cast, project):
    # No English yet: open data's English columns repeat the Spanish (as the sessions' title_en), the API's are blank.
    row = _open_data_row(client, project)
    assert (row["title"], row["title_en"], row["summary_en"]) == (project.title, project.title, project.summary)
    assert (_api_row(client, project)["title_en"], _api_row(client, project)["summary_en"]) == ("", "")
    _english(cast, project)
    row = _open_data_row(client, project)
    assert (row["title"], row["title_en"], row["summary_en"]) == (project.title, TITLE_EN, SUMMARY_EN)
    shown = _api_row(client, project)
    assert (shown["title"], shown["title_en"], shown["summary_en"]) == (project.title, TITLE_EN, SUMMARY_EN)


def test_the_public_finds_the_project_by_its_english_title(client, cast, project):
    _english(cast, project)
    found = client.get(reverse("search:results"), {"q": "zero food waste"})
    assert [result.entry.url for result in found.context["results"]] == [project.get_public_url()]


def _search(client, query, language):
    return client.get(reverse("search:results"), {"q": query}, HTTP_ACCEPT_LANGUAGE=language)


def test_an_english_reader_finds_the_project_under_its_english_title_and_summary(client, cast, project):
    _english(cast, project, summary_en="Supermarkets throw less food away.")
    found = _search(client, "supermarkets", "en")
    [result] = found.context["results"]
    assert (result.title, result.title_in_spanish) == (TITLE_EN, False)
    assert (result.body, result.body_in_spanish) == ("Supermarkets throw less food away.", False)
    html = found.content.decode()
    assert f">{TITLE_EN}</a>" in html and "<mark>Supermarkets</mark> throw less food away." in html
    assert project.title not in html and project.summary not in html
    # Accents and case aside, as ever: a Spanish word finds it too, shown in English.
    [by_spanish_word] = _search(client, "DESPERDÍCIO", "en").context["results"]
    assert by_spanish_word.title == TITLE_EN


def test_a_spanish_reader_sees_the_spanish_title_and_summary_of_a_project_found_in_english(client, cast, project):
    _english(cast, project)
    [result] = _search(client, "zero food waste", "es-mx").context["results"]
    assert (result.title, result.title_in_spanish) == (project.title, True)
    assert result.body.startswith(project.summary) and result.body_in_spanish
    assert TITLE_EN not in _search(client, "zero food waste", "es-mx").content.decode()


def test_without_english_texts_the_english_reader_sees_the_spanish_ones_marked_as_spanish(client, cast, project):
    _english(cast, project, summary_en="")
    [result] = _search(client, "zero food waste", "en").context["results"]
    assert (result.title, result.title_in_spanish) == (TITLE_EN, False)
    assert result.body.startswith(project.summary) and result.body_in_spanish
    _english(cast, project, title_en="")
    html = _search(client, project.title, "en").content.decode()
    assert f'lang="es">{project.title}</a>' in html.replace("<mark>", "").replace("</mark>", "")


def test_staff_searching_in_english_see_the_proposal_under_its_original_title(client, cast, project):
    """The proposal's own entry (its working page) keeps the consortium's Spanish title; the project's is English."""
    _english(cast, project)
    cast.staff.preferred_language = "en"  # the interface of a signed-in person follows their profile
    cast.staff.save(update_fields=["preferred_language"])
    client.force_login(cast.staff)
    titles = {r.kind.name: r.title for r in _search(client, project.title, "en").context["results"]}
    assert titles == {"project": TITLE_EN, "proposal": project.title}


def test_the_english_search_reads_as_many_queries_as_the_spanish_one(client, cast, project, django_assert_num_queries):
    _english(cast, project)
    _search(client, "food", "en")  # the session and the site's settings are cached now
    with django_assert_num_queries(5):
        assert _search(client, "zero food waste", "en").context["results"][0].title == TITLE_EN
    with django_assert_num_queries(5):
        assert _search(client, "zero food waste", "es-mx").context["results"][0].title == project.title


def test_the_public_fact_sheet_file_in_english_is_titled_and_named_in_english(client, cast, project):
    from documents.models import Document
    from documents.services import document_render, document_request
    from projects.documents import PUBLIC_FACT_SHEET
    from tests.pdf_text import pdf_text

    _english(cast, project)
    sheets = {}
    for language in ("en", "es-mx"):
        requested = document_request(actor=cast.staff, kind=PUBLIC_FACT_SHEET, language=language, target=project)
        sheets[language] = document_render(document_id=requested.pk)
        assert sheets[language].status == Document.Status.READY, sheets[language].error
    english, spanish = pdf_text(sheets["en"]), pdf_text(sheets["es-mx"])
    assert TITLE_EN in english and SUMMARY_EN in english and project.title not in english
    assert project.title in spanish and TITLE_EN not in spanish
    assert sheets["en"].filename == f"ficha-{project.pk}-zero-food-waste-en.pdf"
    assert sheets["es-mx"].filename == f"ficha-{project.pk}-alimentos-sin-desperdicio-es-mx.pdf"
    url = reverse("projects:project-fact-sheet", kwargs={"pk": project.pk, "language": "en"})
    assert "zero-food-waste-en.pdf" in client.get(url)["Content-Disposition"]
