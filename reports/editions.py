"""The report's web and Word editions: the same body as the PDF, rendered once in HTML.

``edition_html`` renders the body the PDF uses (reports/includes/systematization_body.html);
``edition_preview`` keeps it as a fragment of every area the report reads, for the staff preview;
``edition_docx`` walks that HTML with lxml and writes its headings, paragraphs, lists, quotes and
tables with python-docx (charts are left out: each has its table beside it; cover images go in with
their alternative text). ``edition_publish``
freezes the pages in Spanish and English for the public site. Reads the report's selectors.
"""

import base64
import io

from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _
from docx import Document as WordDocument
from docx.shared import Cm, Pt
from lxml import html as lxml_html

from axs_platform import fragments
from axs_platform.permissions import is_staff_member

from .documents import report_context
from .models import PublishedEdition

BODY = "reports/includes/systematization_body.html"
HEADINGS = {"h1": 0, "h2": 1, "h3": 2, "h4": 3, "h5": 4, "h6": 4}
SKIPPED = {"svg", "nav", "style", "script"}


def edition_html(start, end):
    """Return the report's body as HTML in the active language."""
    return render_to_string(BODY, report_context(start, end))


def edition_preview(start, end):
    """Return ``edition_html`` from the fragment cache: rendered once per period, language, day and change.

    The report reads every area (committees, proposals, surveys, monitoring, the organizations' names
    and its own texts), so any service that changes one of them renders it again.
    """
    return fragments.fragment(fragments.AREAS, "report-edition", (start, end), lambda: (edition_html(start, end), None))


def _text(element):
    # A note's back-links ("↩") lead nowhere in a Word file.
    return " ".join(element.text_content().replace("↩", "").split())


def _table(document, element):
    rows = element.xpath(".//tr")
    if not rows:
        return
    width = max(len(row.xpath("./th|./td")) for row in rows)
    table = document.add_table(rows=0, cols=width)
    table.style = "Table Grid"
    for row in rows:
        cells = table.add_row().cells
        for index, cell in enumerate(row.xpath("./th|./td")):
            cells[index].text = _text(cell)
            if cell.tag == "th":
                for run in cells[index].paragraphs[0].runs:
                    run.bold = True


def _picture(document, element):
    """Add a cover image (a data URI) with its alternative text."""
    source = element.get("src", "")
    if not source.startswith("data:image/") or ";base64," not in source:
        return
    data = io.BytesIO(base64.b64decode(source.split(",", 1)[1]))
    logo = element.getparent() is not None and "cover-logos" in element.getparent().get("class", "")
    shape = document.add_picture(data, height=Cm(1.6)) if logo else document.add_picture(data, width=Cm(12))
    # python-docx has no public setter for a picture's alternative text: it is the docPr element's descr.
    shape._inline.docPr.set("descr", element.get("alt", ""))


def _walk(document, element):
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag in SKIPPED:
        return
    if tag == "img":
        _picture(document, element)
    elif tag in HEADINGS:
        document.add_heading(_text(element), level=HEADINGS[tag])
    elif tag == "table":
        caption = element.find("caption")
        if caption is not None:
            document.add_paragraph(_text(caption), style="Caption")
        _table(document, element)
    elif tag == "li":
        document.add_paragraph(_text(element), style="List Bullet")
    elif tag in ("p", "figcaption"):
        text = _text(element)
        if text:
            document.add_paragraph(text, style="Caption" if tag == "figcaption" else None)
    elif tag == "blockquote":
        document.add_paragraph(_text(element), style="Quote")
    else:
        for child in element:
            _walk(document, child)


def edition_docx(start, end, title):
    """Return the report as a Word file (bytes) in the active language."""
    document = WordDocument()
    document.styles["Normal"].font.size = Pt(10.5)
    document.core_properties.title = str(title)
    document.core_properties.language = translation.get_language() or ""
    root = lxml_html.fragment_fromstring(edition_html(start, end), create_parent="div")
    for child in root:
        _walk(document, child)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@transaction.atomic
def edition_publish(*, actor, start, end):
    """Freeze the web edition of the period in Spanish and English and publish it."""
    if not is_staff_member(actor):
        raise ValidationError(_("Only AMEXCID staff publish the report."), code="forbidden")
    pages = {}
    for language in ("es-mx", "en"):
        with translation.override(language):
            pages[language] = edition_html(start, end)
    return PublishedEdition.objects.create(
        start=start, end=end, html_es=pages["es-mx"], html_en=pages["en"], published_by=actor
    )
