"""Bad input and limits: 400 with the reason, 404, 401, 429 with Retry-After; texts by Accept-Language."""

import pytest
from django.core.cache import cache

from tests.factories import make_committee, make_representative, make_staff

from .helpers import client_for, issue

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("url", "field"),
    [
        ("/api/v1/organizations/?size=gigantic", "size"),
        ("/api/v1/organizations/?goal=999", "goal"),
        ("/api/v1/sessions/?kind=party", "kind"),
        ("/api/v1/sessions/?committee=999999", "committee"),
        ("/api/v1/projects/?goal=99", "goal"),
        ("/api/v1/targets/?goal=x", "goal"),
        ("/api/v1/memberships/?status=maybe", "status"),
    ],
)
def test_a_bad_filter_value_is_400_with_the_reason(url, field):
    response = client_for(HTTP_ACCEPT_LANGUAGE="en").get(url)
    assert response.status_code == 400
    assert field in response.json() and response.json()[field][0]


def test_the_reason_of_a_400_follows_accept_language():
    english = client_for(HTTP_ACCEPT_LANGUAGE="en").get("/api/v1/sessions/?kind=party").json()
    spanish = client_for(HTTP_ACCEPT_LANGUAGE="es").get("/api/v1/sessions/?kind=party").json()
    assert english["kind"] != spanish["kind"]
    assert "válid" in spanish["kind"][0]


def test_private_directory_filters_are_refused_to_the_public_but_taken_from_staff():
    staff = make_staff()
    _token, key = issue(staff, staff=staff)
    # The public form has no such field: the value is ignored, as on the page.
    assert client_for().get("/api/v1/organizations/?due_diligence=nonsense").status_code == 200
    response = client_for(key).get("/api/v1/organizations/?due_diligence=nonsense")
    assert response.status_code == 400 and "due_diligence" in response.json()


def test_unknown_rows_and_pages_are_404():
    client = client_for()
    assert client.get("/api/v1/organizations/999999/").status_code == 404
    assert client.get("/api/v1/goals/18/").status_code == 404
    assert client.get("/api/v1/targets/99.9/").status_code == 404
    assert client.get("/api/v1/goals/?page=9").status_code == 404
    assert client.get("/api/v1/nothing/").status_code == 404


@pytest.mark.parametrize(("language", "detail"), [("es", "No encontrado."), ("en", "Not found.")])
def test_a_missing_row_is_404_in_the_request_language_without_naming_the_model(language, detail):
    client = client_for(HTTP_ACCEPT_LANGUAGE=language)
    for url in ("/api/v1/projects/999999/", "/api/v1/organizations/999999/"):
        response = client.get(url)
        assert response.status_code == 404
        assert response.json() == {"detail": detail}


@pytest.mark.parametrize(
    ("language", "words"),
    [("es", "No hay un conjunto de datos «nada»; los conjuntos de datos son: "),
     ("en", "There is no dataset “nada”; the datasets are: ")],
)  # fmt: skip
@pytest.mark.parametrize("url", ["/api/v1/datasets/nada/", "/api/v1/datasets/nada/rows/"])
def test_an_unknown_dataset_is_404_listing_the_datasets_in_the_request_language(url, language, words):
    from opendata import datasets

    response = client_for(HTTP_ACCEPT_LANGUAGE=language).get(url)
    assert response.status_code == 404
    slugs = ", ".join(dataset.slug for dataset in datasets.all_datasets())
    assert "avances" in slugs and response.json() == {"detail": f"{words}{slugs}."}


@pytest.mark.parametrize(
    ("language", "words"),
    [("es", "Aquí no hay formato «xml»; los formatos que se ofrecen son: "),
     ("en", "There is no format “xml” here; the formats offered are: ")],
)  # fmt: skip
@pytest.mark.parametrize(
    ("url", "formats"),
    [
        ("/api/v1/datasets/?format=xml", "json"),
        ("/api/v1/datasets/organizaciones/?format=xml", "json"),
        ("/api/v1/datasets/organizaciones/rows/?format=xml", "json"),
        ("/api/v1/goals/?format=xml", "json"),
    ],
)
def test_an_unknown_format_is_404_listing_the_formats_in_the_request_language(url, formats, language, words):
    response = client_for(HTTP_ACCEPT_LANGUAGE=language).get(url)
    assert response.status_code == 404
    assert response.json() == {"detail": f"{words}{formats}."}
    assert client_for().get(url.replace("xml", "json")).status_code == 200


def test_the_schema_in_an_unknown_format_is_404_listing_its_own_formats():
    # DRF writes the refusal with the address's first renderer: the schema's is YAML.
    response = client_for(HTTP_ACCEPT_LANGUAGE="en").get("/api/v1/schema/?format=xml")
    assert response.status_code == 404
    assert "There is no format “xml” here; the formats offered are: yaml, json." in response.content.decode()


def test_token_only_lists_answer_401_without_a_token(client):
    response = client_for(HTTP_ACCEPT_LANGUAGE="en").get("/api/v1/proposals/")
    assert response.status_code == 401
    assert response.json()["detail"] == (
        "This list needs a personal API key (Authorization: Bearer <key>); "
        "being signed in to the website is not enough."
    )
    assert response["WWW-Authenticate"].startswith("Bearer")
    # Signed in on the website, the session does not authenticate the API: the message says so.
    client.force_login(make_representative())
    response = client.get("/api/v1/proposals/", HTTP_ACCEPT_LANGUAGE="es")
    assert response.status_code == 401
    assert "no basta con haber iniciado sesión en el sitio" in response.json()["detail"]


def test_labels_follow_accept_language():
    make_committee(4)
    english = client_for(HTTP_ACCEPT_LANGUAGE="en").get("/api/v1/goals/4/").json()
    spanish = client_for(HTTP_ACCEPT_LANGUAGE="es").get("/api/v1/goals/4/").json()
    assert english["title"] == english["title_en"] and spanish["title"] == spanish["title_es"]
    assert english["title"] != spanish["title"]


def test_too_many_anonymous_requests_get_429_with_retry_after(settings):
    cache.clear()
    settings.AXS_API_ANON_RATE = "3/min"
    client = client_for()
    answers = [client.get("/api/v1/goals/").status_code for _ in range(4)]
    assert answers == [200, 200, 200, 429]
    response = client.get("/api/v1/goals/")
    assert response.status_code == 429 and 0 < int(response["Retry-After"]) <= 60
    cache.clear()


def test_a_token_has_its_own_limit_apart_from_its_address(settings):
    cache.clear()
    settings.AXS_API_ANON_RATE = "1/min"
    settings.AXS_API_TOKEN_RATE = "2/min"
    staff, person = make_staff(), make_representative()
    _token, key = issue(person, staff=staff)
    _other, other_key = issue(staff, staff=staff)
    assert client_for().get("/api/v1/goals/").status_code == 200
    assert client_for().get("/api/v1/goals/").status_code == 429
    assert [client_for(key).get("/api/v1/goals/").status_code for _ in range(3)] == [200, 200, 429]
    assert client_for(other_key).get("/api/v1/goals/").status_code == 200
    cache.clear()


def test_open_datasets_are_served_from_the_open_data_registry():
    from opendata import datasets

    client = client_for(HTTP_ACCEPT_LANGUAGE="en")
    listed = client.get("/api/v1/datasets/").json()
    assert [d["slug"] for d in listed] == [d.slug for d in datasets.all_datasets()]
    detail = client.get("/api/v1/datasets/proyectos/").json()
    assert [f["name"] for f in detail["fields"]] == datasets.get("proyectos").header
    rows = client.get("/api/v1/datasets/proyectos/rows/").json()
    assert rows["count"] == datasets.get("proyectos").queryset().count()
    assert client.get("/api/v1/datasets/nothing/").status_code == 404
