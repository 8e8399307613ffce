"""A file built ahead carries caching validators: harvesters ask again with them and get 304 while it is unchanged."""

import pytest
from django.http import FileResponse
from django.urls import reverse
from django.utils.http import http_date

from opendata import prebuilt
from tests.factories import make_organization

pytestmark = pytest.mark.django_db

SLUG = "organizaciones"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def _url(file_format, prefix="opendata:download"):
    return reverse(prefix, kwargs={"slug": SLUG, "file_format": file_format})


@pytest.mark.parametrize("file_format", ["csv", "json", "xlsx"])
def test_a_built_file_says_its_version_and_when_it_was_built_and_may_be_kept_a_few_minutes(client, file_format):
    make_organization()
    built = prebuilt.build(name=SLUG, file_format=file_format)
    response = client.get(_url(file_format))
    assert response.status_code == 200 and isinstance(response, FileResponse)
    assert response["ETag"].startswith('"') and response["ETag"].endswith('"')
    assert response["Last-Modified"] == http_date(built.built_at.timestamp())
    assert set(response["Cache-Control"].split(", ")) == {"public", "max-age=300"}
    # The same file under the English address: the same validators.
    english = client.get(_url(file_format, "opendata:download-en"))
    assert english["ETag"] == response["ETag"] and english["Last-Modified"] == response["Last-Modified"]


def test_asking_again_with_the_validators_answers_304_without_the_file(client, django_assert_max_num_queries):
    make_organization()
    prebuilt.build(name=SLUG, file_format="csv")
    first = client.get(_url("csv"))
    with django_assert_max_num_queries(2):
        again = client.get(_url("csv"), HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and again.content == b""
    assert again["ETag"] == first["ETag"] and "max-age=300" in again["Cache-Control"]
    since = client.get(_url("csv"), HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert since.status_code == 304
    other = client.get(_url("csv"), HTTP_IF_NONE_MATCH='"another-version"')
    assert other.status_code == 200 and b"".join(other.streaming_content)


def test_a_rebuilt_file_has_another_etag(client):
    make_organization()
    prebuilt.build(name=SLUG, file_format="csv")
    old = client.get(_url("csv"))["ETag"]
    make_organization(legal_name="Nueva Socia, S.A.")  # through the directory's service: the file is stale
    assert prebuilt.fresh(SLUG, "csv") is None
    prebuilt.build(name=SLUG, file_format="csv")
    again = client.get(_url("csv"), HTTP_IF_NONE_MATCH=old)
    assert again.status_code == 200 and again["ETag"] != old
    assert "Nueva Socia, S.A." in b"".join(again.streaming_content).decode("utf-8-sig")


def test_a_download_streamed_from_the_database_has_no_validators(client):
    make_organization()
    response = client.get(_url("csv"), HTTP_IF_NONE_MATCH="*")
    assert response.status_code == 200 and not isinstance(response, FileResponse)
    assert not response.has_header("ETag") and not response.has_header("Last-Modified")


def _varies_on(response):
    return {value.strip().lower() for value in response.get("Vary", "").split(",") if value.strip()}


@pytest.mark.parametrize("language", ["es-mx", "en"])
def test_a_built_file_does_not_vary_on_language_or_cookie_as_it_is_the_same_for_everyone(client, language):
    """Shared caches keep one copy of a built file; the pages about it still vary on the visitor's language."""
    make_organization()
    prebuilt.build(name=SLUG, file_format="csv")
    for name in ("opendata:download", "opendata:download-en"):
        response = client.get(_url("csv", name), HTTP_ACCEPT_LANGUAGE=language)
        assert response.status_code == 200 and isinstance(response, FileResponse)
        assert not _varies_on(response) & {"accept-language", "cookie"}
        again = client.get(_url("csv", name), HTTP_ACCEPT_LANGUAGE=language, HTTP_IF_NONE_MATCH=response["ETag"])
        assert again.status_code == 304 and not _varies_on(again) & {"accept-language", "cookie"}
        assert again["ETag"] == response["ETag"] and again["Last-Modified"] == response["Last-Modified"]
    page = client.get(reverse("opendata:dataset", kwargs={"slug": SLUG}), HTTP_ACCEPT_LANGUAGE=language)
    assert "accept-language" in _varies_on(page)


def test_a_built_file_does_not_vary_on_cookie_for_a_signed_in_person_either(client):
    from tests.factories import make_staff

    make_organization()
    prebuilt.build(name=SLUG, file_format="json")
    client.force_login(make_staff())
    response = client.get(_url("json"))
    assert response.status_code == 200 and not _varies_on(response) & {"accept-language", "cookie"}


def test_a_download_streamed_from_the_database_still_varies_on_language(client):
    make_organization()
    response = client.get(_url("csv"), HTTP_ACCEPT_LANGUAGE="en")
    assert "accept-language" in _varies_on(response)
