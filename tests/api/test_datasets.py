"""The API's open datasets on the demo: every dataset answers, pages through all its rows in the CSV's column
order, and shows nothing that is not public (the open-data privacy markers, tests/opendata/secrets.py)."""

import pytest

from opendata import datasets
from tests.opendata.helpers import fetch, read_csv
from tests.opendata.secrets import seed_secrets

from .helpers import client_for, every_row

SLUGS = [dataset.slug for dataset in datasets.all_datasets()]


def test_the_list_names_every_dataset_in_the_index_order(db):
    response = client_for().get("/api/v1/datasets/")
    assert response.status_code == 200
    assert [entry["slug"] for entry in response.json()] == SLUGS


@pytest.mark.parametrize("slug", SLUGS)
def test_every_dataset_pages_through_its_public_rows_in_the_csv_column_order(slug, demo, client):
    secrets = seed_secrets()
    api = client_for()
    header, *csv_rows = read_csv(fetch(client, slug, "csv")[1])

    detail = api.get(f"/api/v1/datasets/{slug}/")
    assert detail.status_code == 200
    assert [field["name"] for field in detail.json()["fields"]] == header

    objects = datasets.get(slug).queryset().count()
    per_page = max(1, min(3, objects // 2))  # small pages: a dataset of several objects spans several
    first = api.get(f"/api/v1/datasets/{slug}/rows/?per_page={per_page}")
    assert first.status_code == 200
    body = first.json()
    assert body["count"] == objects > 0 and body["previous"] is None
    assert bool(body["next"]) == (objects > 1), "a dataset of several objects spans several pages"
    pages = -(-objects // per_page)
    assert api.get(f"/api/v1/datasets/{slug}/rows/?per_page={per_page}&page={pages + 1}").status_code == 404

    rows = every_row(api, f"/api/v1/datasets/{slug}/rows/?per_page={per_page}")
    assert len(rows) == len(csv_rows)
    assert all(list(row) == header for row in rows)
    assert [str(row[header[0]]) for row in rows] == [line[0] for line in csv_rows]

    text = "".join(
        api.get(f"/api/v1/datasets/{slug}/rows/?per_page={per_page}&page={page}").content.decode()
        for page in range(1, pages + 1)
    )
    found = sorted(secret for secret in secrets if secret and secret in text)
    assert not found, f"the API's {slug} shows {found}"


def test_an_unknown_dataset_is_404(db):
    assert client_for().get("/api/v1/datasets/no-such-dataset/rows/").status_code == 404
