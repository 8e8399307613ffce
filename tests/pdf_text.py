"""Read a generated document's PDF back: its text page by page (pypdf), for tests."""

import io

from pypdf import PdfReader


def pdf_pages(document):
    """Return the pages' text and the reader of a document's PDF: a ``Document`` row, or a record with ``content``."""
    content = getattr(document, "content", None)
    if content is None:
        document.refresh_from_db()
        with document.file.open("rb") as handle:
            content = handle.read()
    reader = PdfReader(io.BytesIO(content))
    # Lines wrap where the layout wraps them: compare words, not lines.
    return [" ".join(page.extract_text().split()) for page in reader.pages], reader


def pdf_text(document):
    pages, _reader = pdf_pages(document)
    return "\n".join(pages)
