"""Read a generated document's PDF back: its text page by page (pypdf), for tests."""

import io

from pypdf import PdfReader


def pdf_pages(document):
    document.refresh_from_db()
    with document.file.open("rb") as handle:
        reader = PdfReader(io.BytesIO(handle.read()))
    # Lines wrap where the layout wraps them: compare words, not lines.
    return [" ".join(page.extract_text().split()) for page in reader.pages], reader


def pdf_text(document):
    pages, _reader = pdf_pages(document)
    return "\n".join(pages)
