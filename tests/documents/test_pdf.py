"""The renderer fetches only the platform's own static and media files."""

import io

import pytest
from pypdf import PdfReader

from documents.pdf import BASE_URL, FetchRefused, LocalFilesFetcher, render_pdf, resolve_local_file


@pytest.mark.parametrize(
    "url",
    [
        "http://example.com/logo.png",
        "https://documents.axs.invalid.evil.example/static/css/pdf.css",
        "file:///etc/passwd",
        BASE_URL + "static/../../../etc/passwd",
        BASE_URL + "static/%2e%2e/%2e%2e/etc/passwd",
        BASE_URL + "etc/passwd",
        BASE_URL + "static/css/does-not-exist.css",
        BASE_URL + "media/../db.sqlite3",
    ],
)
def test_the_fetcher_refuses_anything_but_local_static_and_media_files(url):
    with pytest.raises((FetchRefused, ValueError)):
        LocalFilesFetcher().fetch(url)


def test_the_fetcher_reads_static_files_and_data_uris():
    response = LocalFilesFetcher().fetch(BASE_URL + "static/css/pdf.css")
    assert b"@page" in response.read()
    response.close()
    assert LocalFilesFetcher().fetch("data:text/plain,hola").read() == b"hola"


def test_media_files_are_read_from_media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "logos").mkdir()
    (tmp_path / "logos" / "bimbo.png").write_bytes(b"\x89PNG")
    assert resolve_local_file(BASE_URL + "media/logos/bimbo.png") == (tmp_path / "logos" / "bimbo.png").resolve()


def test_a_document_renders_with_the_shipped_font_and_keeps_accents_even_when_it_asks_for_the_network():
    html = (
        '<html><head><link rel="stylesheet" href="/static/fonts/noto-sans/fonts.css"></head>'
        "<body style=\"font-family: 'Noto Sans'\"><p>¿Participación? ¡Sí! Año, niño, acción.</p>"
        '<img src="https://example.com/tracker.png"></body></html>'
    )
    pdf, pages = render_pdf(html)
    reader = PdfReader(io.BytesIO(pdf))
    assert pages == 1
    assert "¿Participación? ¡Sí! Año, niño, acción." in reader.pages[0].extract_text()
    fonts = {font["/BaseFont"] for font in _fonts(reader)}
    assert any("Noto-Sans" in name for name in fonts)


def _fonts(reader):
    resources = reader.pages[0]["/Resources"]["/Font"]
    return [resources[name].get_object() for name in resources]
