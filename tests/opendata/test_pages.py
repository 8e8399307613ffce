"""The open-data pages: the list, a dataset's dictionary, the English alias, downloads and the helpful 404."""

import pytest
from django.urls import reverse

from opendata import datasets
from opendata.registry import Dataset, Field, UnknownDataset, register
from tests.factories import make_committee, make_organization, seat

from .helpers import fetch, read_csv, read_json, read_xlsx

pytestmark = pytest.mark.django_db


def test_index_lists_every_dataset_with_its_downloads(client):
    response = client.get(reverse("opendata:index"))
    assert response.status_code == 200
    html = response.content.decode()
    for dataset in datasets.all_datasets():
        assert dataset.title_es in html
        for file_format in ("csv", "json", "xlsx"):
            assert reverse("opendata:download", kwargs={"slug": dataset.slug, "file_format": file_format}) in html
    assert "Libre Uso MX" in html and "https://datos.gob.mx/libreusomx" in html


def test_the_index_reads_the_last_updates_once_per_version_of_the_data(client, django_assert_max_num_queries):
    def organizations_card(html):
        start = html.index('id="dataset-organizaciones"')
        return html[start : html.index("</section>", start)]

    first = organizations_card(client.get("/datos-abiertos/").content.decode())
    assert "Última actualización: todavía sin datos" in first
    # The surveys closed by now and the public sessions started by now (their version_extra); every date from
    # the cache.
    with django_assert_max_num_queries(2):
        client.get("/datos-abiertos/")
    make_organization()  # through the directory's service: the dates are read again at once
    card = organizations_card(client.get("/datos-abiertos/").content.decode())
    assert "todavía sin datos" not in card and "Última actualización:" in card


def test_english_alias_serves_the_same_pages(client):
    assert client.get("/open-data/").status_code == 200
    assert client.get("/open-data/organizaciones/").status_code == 200
    make_organization(legal_name="Alias de Prueba, S.A.")
    _, body = fetch_alias(client)
    assert "Alias de Prueba, S.A." in body.decode("utf-8-sig")


def fetch_alias(client):
    response = client.get(reverse("opendata:download-en", kwargs={"slug": "organizaciones", "file_format": "csv"}))
    return response, b"".join(response.streaming_content)


def test_dataset_page_shows_dictionary_in_both_languages_with_codes(client):
    response = client.get(reverse("opendata:dataset", kwargs={"slug": "organizaciones"}))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Razón social." in html and "Legal name." in html
    assert "<code>company</code>" in html
    assert "Company" in html  # the codes' meanings in English too
    assert "Libre Uso MX" in html


def test_the_english_alias_renders_in_english_without_a_language_setting(client):
    html = client.get("/open-data/").content.decode()
    assert 'lang="en"' in html
    html = client.get("/open-data/proyectos/").content.decode()
    assert "Data dictionary" in html and "The projects the alliance has published" in html
    assert 'lang="es"' in client.get("/datos-abiertos/").content.decode()


def test_dataset_page_in_english(client):
    client.cookies["axs_language"] = "en"
    html = client.get(reverse("opendata:dataset", kwargs={"slug": "proyectos"})).content.decode()
    assert "Data dictionary" in html
    assert "The projects the alliance has published" in html


def test_csv_has_bom_stable_header_and_public_rows(client):
    organization = make_organization(legal_name="=Fórmula y Acentos, S.A.")
    make_organization(status="withdrawn", legal_name="Retirada, S.A.")
    response, body = fetch(client, "organizaciones", "csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="organizaciones.csv"' in response["Content-Disposition"]
    rows = read_csv(body)
    assert rows[0] == datasets.get("organizaciones").header
    assert [row[0] for row in rows[1:]] == [str(organization.pk)]
    assert rows[1][1] == "'=Fórmula y Acentos, S.A."  # a spreadsheet does not run it as a formula


def test_json_and_excel_hold_the_same_rows(client):
    committee = make_committee()
    seat(committee, make_organization(legal_name="Miembro, S.A."))
    document = read_json(fetch(client, "membresias-comites", "json")[1])
    assert document["licence"]["name"] == "Libre Uso MX"
    assert document["fields"] == datasets.get("membresias-comites").header
    assert document["rows"][0]["organization_name"] == "Miembro, S.A."
    assert document["rows"][0]["joined_on"] == "2016-11-01"
    sheet = read_xlsx(fetch(client, "membresias-comites", "xlsx")[1])
    assert sheet[0] == document["fields"]
    assert sheet[1][4] == "Miembro, S.A."
    assert len(sheet) - 1 == len(document["rows"])


def test_an_empty_dataset_downloads_with_its_header(client):
    document = read_json(fetch(client, "avances", "json")[1])
    assert document["rows"] == []
    assert read_csv(fetch(client, "avances", "csv")[1]) == [datasets.get("avances").header]


@pytest.mark.parametrize(
    "url",
    [
        "/datos-abiertos/no-existe/",
        "/datos-abiertos/no-existe.csv",
        "/datos-abiertos/organizaciones.pdf",
        "/datos-abiertos/x.tar.gz",
        "/datos-abiertos/organizaciones.tar.gz",
    ],
)
def test_unknown_dataset_or_format_is_a_404_listing_what_exists(client, url):
    response = client.get(url)
    assert response.status_code == 404
    html = response.content.decode()
    assert "organizaciones" in html and ".xlsx" in html
    assert reverse("opendata:dataset", kwargs={"slug": "avances"}) in html


def test_registry_refuses_a_second_declaration_and_unknown_slugs():
    with pytest.raises(UnknownDataset):
        datasets.get("no-existe")
    existing = datasets.get("comites")
    with pytest.raises(ValueError):
        register(existing)
    with pytest.raises(ValueError):
        Field("x", "colour", "x", "x")
    with pytest.raises(ValueError):
        Dataset("x", "x", "x", "x", "x", "x", "x", (), queryset=list)


def test_every_dataset_declares_its_dictionary_and_matching_rows():
    for dataset in datasets.all_datasets():
        assert dataset.title_es and dataset.title_en and dataset.description_es and dataset.description_en
        assert dataset.frequency_es and dataset.frequency_en
        assert len(set(dataset.header)) == len(dataset.header), dataset.slug
        for column in dataset.fields:
            assert column.meaning_es and column.meaning_en, (dataset.slug, column.name)
            assert (column.type == "code") == bool(column.choices), (dataset.slug, column.name)
        for other in dataset.related:
            datasets.get(other)


def test_public_pages_link_to_the_data(client):
    committee = make_committee()
    home = client.get(reverse("home")).content.decode()
    assert reverse("opendata:index") in home
    page = client.get(committee.get_absolute_url()).content.decode()
    assert reverse("opendata:dataset", kwargs={"slug": "membresias-comites"}) in page


@pytest.mark.parametrize(
    ("url", "texts"),
    [
        ("/datos-abiertos/", ("Archivo de actividades IATI", "Archivo de organización IATI", "API de lectura")),
        ("/open-data/", ("IATI activity file", "IATI organisation file", "Read API")),
    ],
)
def test_index_links_to_the_iati_files_and_the_api_with_what_each_is(client, url, texts):
    html = client.get(url).content.decode()
    for name, text in zip(("iati:activities", "iati:organisation", "api:docs"), texts, strict=True):
        assert f'<a href="{reverse(name)}">{text}</a>' in html
    assert "/iati/actividades.xml" in html and "/iati/organizacion.xml" in html and "/api/v1/docs/" in html


def test_excel_above_the_row_limit_is_refused_with_a_page_pointing_to_csv(client, monkeypatch):
    from opendata import views

    make_organization(legal_name="Una de Dos, S.A.")
    make_organization(legal_name="Dos de Dos, S.A.")
    monkeypatch.setattr(views, "XLSX_MAX_ROWS", 1)
    response = client.get(reverse("opendata:download", kwargs={"slug": "organizaciones", "file_format": "xlsx"}))
    assert response.status_code == 406
    csv_url = reverse("opendata:download", kwargs={"slug": "organizaciones", "file_format": "csv"})
    assert csv_url in response.content.decode()
    assert client.get(csv_url).status_code == 200


def test_the_english_pages_link_within_the_english_addresses_whatever_the_visitor_language(client):
    client.cookies["axs_language"] = "en"
    spanish = client.get("/datos-abiertos/").content.decode()  # the cards cached first under English
    assert 'href="/datos-abiertos/organizaciones/"' in spanish and 'href="/open-data/organizaciones/"' not in spanish
    client.cookies["axs_language"] = "es-mx"
    for address in ("/open-data/", "/open-data/organizaciones/", "/open-data/no-existe/"):
        html = client.get(address).content.decode()
        assert 'href="/open-data/' in html, address
        body = html[html.index("<main") : html.index("</main>")]
        assert "/datos-abiertos/" not in body, address


@pytest.mark.parametrize(
    "address, language, expected",
    [
        ("/open-data/", "es-mx", "/datos-abiertos/"),
        ("/open-data/organizaciones/", "es-mx", "/datos-abiertos/organizaciones/"),
        ("/datos-abiertos/organizaciones/?x=1", "en", "/open-data/organizaciones/?x=1"),
        ("/open-data/organizaciones/", "en", "/open-data/organizaciones/"),
        ("/organizaciones/", "en", "/organizaciones/"),
    ],
)
def test_the_language_switch_goes_to_the_page_address_in_the_language_chosen(client, address, language, expected):
    response = client.post(reverse("accounts:set-language"), {"language": language, "next": address})
    assert response.status_code == 302 and response["Location"] == expected
    if expected.startswith("/open-data/") or expected.startswith("/datos-abiertos/"):
        page = client.get(expected)
        assert page.status_code == 200 and page.headers["Content-Language"] == language


@pytest.mark.parametrize(
    "address, canonical, spanish, english",
    [
        ("/datos-abiertos/", "/datos-abiertos/", "/datos-abiertos/", "/open-data/"),
        ("/open-data/", "/open-data/", "/datos-abiertos/", "/open-data/"),
        (
            "/open-data/organizaciones/",
            "/open-data/organizaciones/",
            "/datos-abiertos/organizaciones/",
            "/open-data/organizaciones/",
        ),
    ],
)
def test_each_language_address_is_its_own_canonical_and_names_the_other(client, address, canonical, spanish, english):
    """An English page pointing its canonical at the Spanish one would tell search engines to drop it."""
    html = client.get(address).content.decode()
    assert f'<link rel="canonical" href="{canonical}">' in html
    assert f'<link rel="alternate" hreflang="es-MX" href="{spanish}">' in html
    assert f'<link rel="alternate" hreflang="en" href="{english}">' in html
