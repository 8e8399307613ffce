"""The IATI activity file built ahead by the open-data job: served at the public address while nothing changed."""

import io
import re

import pytest
from django.http import FileResponse
from django.utils import translation

from iati import services
from iati.models import Publisher
from iati.prebuilt import NAME
from opendata import prebuilt
from tests.factories import make_staff

URL = "/iati/actividades.xml"


@pytest.fixture(autouse=True)
def _site(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.AXS_SITE_URL, settings.AXS_SITE_URL_FROM_ENVIRONMENT = "https://axs.example", True


def _without_generation_time(body):
    return re.sub(rb'generated-datetime="[^"]+"', b"", body)


def test_the_built_file_is_served_and_matches_the_streamed_one(demo, client, django_assert_max_num_queries):
    streamed = b"".join(client.get(URL).streaming_content)
    built = prebuilt.build(name=NAME, file_format="xml")
    assert built.row_count == streamed.count(b"<iati-activity ")
    with django_assert_max_num_queries(6):
        response = client.get(URL)
    assert response.status_code == 200 and isinstance(response, FileResponse)
    assert response["Content-Type"].startswith("application/xml")
    assert _without_generation_time(b"".join(response.streaming_content)) == _without_generation_time(streamed)


def test_a_change_of_the_iati_settings_makes_the_file_stale(demo, client):
    prebuilt.build(name=NAME, file_format="xml")
    services.publisher_update(actor=make_staff(), name_en="Mexican Agency (renamed)")
    assert prebuilt.fresh(NAME, "xml") is None
    response = client.get(URL)
    assert not isinstance(response, FileResponse)
    assert b"Mexican Agency (renamed)" in b"".join(response.streaming_content)


def test_nothing_is_built_before_the_publication_is_set_up(demo):
    Publisher.objects.all().delete()
    assert prebuilt.build(name=NAME, file_format="xml") is None


def test_the_file_is_the_same_whichever_language_builds_it(demo):
    written = {}
    for language in ("es-mx", "en"):
        out = io.BytesIO()
        with translation.override(language):
            prebuilt.source(NAME).write("xml", out)
        written[language] = _without_generation_time(out.getvalue())
    assert written["es-mx"] == written["en"] and b"<iati-activity " in written["en"]
