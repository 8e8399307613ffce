"""/media/ serves organizations' logos to anyone and nothing else, even with DEBUG on (``make run``)."""

import importlib

import pytest
from django.urls import clear_url_caches

import axs_platform.urls


@pytest.fixture
def debug_urls(settings, tmp_path):
    """The URLs as ``make run`` builds them: DEBUG on when the URL configuration is read."""
    settings.MEDIA_ROOT = tmp_path
    settings.DEBUG = True
    importlib.reload(axs_platform.urls)
    clear_url_caches()
    yield tmp_path
    settings.DEBUG = False
    importlib.reload(axs_platform.urls)
    clear_url_caches()


def _put(root, name, content):
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name",
    [
        "companies/due-diligence/0123456789abcdef.pdf",
        "projects/attachments/0123456789abcdef.pdf",
        "projects/selection/2026/acta.pdf",
        "documents/minutes-1.pdf",
    ],
)
def test_an_anonymous_visitor_gets_404_for_a_private_file_in_debug_mode(client, debug_urls, name):
    _put(debug_urls, name, b"%PDF-1.7 private")
    assert client.get(f"/media/{name}").status_code == 404


@pytest.mark.django_db
def test_logos_keep_their_public_route_in_debug_mode(client, debug_urls):
    _put(debug_urls, "companies/logos/0123456789abcdef.png", b"\x89PNG\r\n\x1a\n")
    response = client.get("/media/companies/logos/0123456789abcdef.png")
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")
    assert client.get("/media/companies/logos/../due-diligence/x.pdf").status_code in (400, 404)
