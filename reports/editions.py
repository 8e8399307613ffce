"""The report's web and Word editions: the same body as the PDF, rendered once in HTML.

``edition_html`` renders the body the PDF uses (reports/includes/systematization_body.html);
``edition_preview`` keeps it as a fragment of every area the report reads, for the staff preview;
``edition_docx`` writes that HTML as a Word document an editor can finish (reports/word/: heading
styles, a TOC field, captions numbered by SEQ fields, charts as pictures with a table of their values,
links (the site's own pages at their full address, ``axs_platform.mail.site_url``), footnotes, the
document's language). ``edition_publish``
freezes the pages in Spanish and English for the public site. Reads the report's selectors.
"""

import io

from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _
from docx import Document as WordDocument
from docx.shared import Pt
from lxml import html as lxml_html

from axs_platform import fragments
from axs_platform.mail import site_url
from axs_platform.permissions import is_staff_member

from .documents import report_context
from .models import PublishedEdition
from .word import html_to_docx, ooxml, word_language

BODY = "reports/includes/systematization_body.html"


def edition_html(start, end):
    """Return the report's body as HTML in the active language."""
    return render_to_string(BODY, report_context(start, end))


def edition_preview(start, end):
    """Return ``edition_html`` from the fragment cache: rendered once per period, language, day and change.

    The report reads every area (committees, proposals, surveys, monitoring, the organizations' names
    and its own texts), so any service that changes one of them renders it again.
    """
    return fragments.fragment(fragments.AREAS, "report-edition", (start, end), lambda: (edition_html(start, end), None))


def edition_docx(start, end, title):
    """Return the report as a Word file (bytes) in the active language (reports/word/)."""
    language = word_language(translation.get_language() or "es-mx")
    document = WordDocument()
    document.styles["Normal"].font.size = Pt(10.5)
    properties = document.core_properties
    properties.title = str(title)
    properties.author = properties.last_modified_by = "AMEXCID"
    properties.language = language
    properties.subject = _("Alliance for Sustainability")
    ooxml.set_document_language(document, language)
    ooxml.update_fields_on_open(document)
    root = lxml_html.fragment_fromstring(edition_html(start, end), create_parent="div")
    html_to_docx(document, root, language, site=site_url())
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
