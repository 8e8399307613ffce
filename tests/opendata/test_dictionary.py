"""The machine-readable data dictionary: the JSON download's head and the API give what the dataset page gives.

Each column's meaning in Spanish and English, each code's label in both languages, and the dataset's last update.
"""

import pytest

from opendata import datasets
from tests.api.helpers import client_for
from tests.factories import make_organization

from .helpers import fetch, read_json

pytestmark = pytest.mark.django_db

STATUS_CHOICES = [
    {"code": "structured", "es": "Estructurada", "en": "Structured"},
    {"code": "in_implementation", "es": "En implementación", "en": "In implementation"},
    {"code": "closed", "es": "Cerrada", "en": "Closed"},
]
STATUS = {
    "name": "status",
    "type": "code",
    "meaning_es": "Estado del proyecto.",
    "meaning_en": "Status of the project.",
    "choices": STATUS_CHOICES,
}


@pytest.mark.parametrize("prefix", ["/datos-abiertos/", "/open-data/"])
def test_the_json_download_gives_the_dictionary_with_the_codes_labels_in_both_languages(client, prefix):
    response = client.get(f"{prefix}proyectos.json")
    document = read_json(b"".join(response.streaming_content))
    dataset = datasets.get("proyectos")
    assert document["fields"] == dataset.header  # the list of names clients already read stays as it was
    assert [field["name"] for field in document["dictionary"]] == dataset.header
    status = next(field for field in document["dictionary"] if field["name"] == "status")
    assert status == STATUS
    title = next(field for field in document["dictionary"] if field["name"] == "title")
    assert title == {"name": "title", "type": "text", "meaning_es": "Título.", "meaning_en": "Title.", "choices": []}


def test_the_json_download_gives_the_last_update(client):
    assert read_json(fetch(client, "organizaciones", "json")[1])["last_updated"] is None
    organization = make_organization()
    organization.refresh_from_db()
    document = read_json(fetch(client, "organizaciones", "json")[1])
    assert document["last_updated"] == organization.updated_at.isoformat()


@pytest.mark.parametrize("language", ["es-mx", "en"])
def test_the_api_gives_each_field_its_meanings_and_codes_and_the_last_update(language):
    api = client_for(HTTP_ACCEPT_LANGUAGE=language)
    body = api.get("/api/v1/datasets/proyectos/").json()
    status = next(field for field in body["fields"] if field["name"] == "status")
    meaning = "Estado del proyecto." if language == "es-mx" else "Status of the project."
    assert status == {**STATUS, "meaning": meaning}
    assert body["last_updated"] is None

    organization = make_organization()
    organization.refresh_from_db()
    listed = {entry["slug"]: entry for entry in api.get("/api/v1/datasets/").json()}
    assert listed["organizaciones"]["last_updated"].replace("Z", "+00:00") == organization.updated_at.isoformat()
    assert {field["name"] for field in listed["organizaciones"]["fields"]} == set(datasets.get("organizaciones").header)
