"""Turn HTML into PDF with WeasyPrint, fetching nothing but the project's static and media files.

Templates refer to files with ``{% static %}`` and ``MEDIA_URL`` paths; they are resolved
against a private origin and read from disk. Any other URL, scheme or path is refused, so a
document can never reach the network or arbitrary files.
"""

import mimetypes
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

BASE_URL = "https://documents.axs.invalid/"
_ORIGIN = urlsplit(BASE_URL)


class FetchRefused(ValueError):
    """A document asked for a resource outside the project's static and media files."""


def _inside(root, relative):
    root = Path(root).resolve()
    candidate = (root / relative).resolve()
    if candidate != root and root in candidate.parents and candidate.is_file():
        return candidate
    return None


def resolve_local_file(url):
    """Return the file behind a static or media URL of the private origin, or ``None``."""
    parts = urlsplit(url)
    if (parts.scheme, parts.netloc) != (_ORIGIN.scheme, _ORIGIN.netloc) or parts.query:
        return None
    path = unquote(parts.path)
    if ".." in Path(path).parts:
        return None
    if path.startswith(settings.STATIC_URL):
        relative = path[len(settings.STATIC_URL) :]
        found = finders.find(relative)
        if found:
            return _inside(Path(found).parent, Path(found).name)
        if settings.STATIC_ROOT:
            return _inside(settings.STATIC_ROOT, relative)
        return None
    if path.startswith(settings.MEDIA_URL):
        return _inside(settings.MEDIA_ROOT, path[len(settings.MEDIA_URL) :])
    return None


class LocalFilesFetcher(URLFetcher):
    """WeasyPrint's fetcher for our documents: data URIs and local static/media files only."""

    def __init__(self):
        super().__init__(allowed_protocols={"data"}, allow_redirects=False)

    def fetch(self, url, headers=None):
        if url.startswith("data:"):
            return super().fetch(url, headers)
        local = resolve_local_file(url)
        if local is None:
            raise FetchRefused(f"Refused to fetch {url!r}: documents may only use the platform's own files.")
        content_type = mimetypes.guess_type(local.name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, local.open("rb"), headers={"Content-Type": content_type})


def render_pdf(html, variant=""):
    """Return the PDF bytes and the page count of an HTML document; ``variant`` as WeasyPrint names it."""
    document = HTML(string=html, base_url=BASE_URL, url_fetcher=LocalFilesFetcher()).render()
    return document.write_pdf(pdf_variant=variant or None), len(document.pages)
