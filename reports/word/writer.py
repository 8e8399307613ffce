"""Write the report's HTML as a Word document an editor can finish: styles, fields, notes, charts.

Generic over the HTML the editions render: h2–h4 become Word's Heading 1–3 (the navigation pane and
the contents use them), the page's contents (``nav``) become a TOC field and, when the HTML numbers
its exhibits (``span.exhibit-label``: "Figura 1."), lists of figures and of tables over the captions'
SEQ fields. Inline SVG charts become pictures with their alternative text and a table of their values.
A text's notes (``section.footnotes``, called by ``sup.footnote-ref``) become Word footnotes, printed at the
foot of the page that calls them with the number they have in the HTML; a note called again is cited by its
number (a NOTEREF field), its text printed once, as in the PDF.
"""

import base64
import io
import re
from itertools import count

from django.utils.translation import gettext as _
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm

from . import charts, ooxml

HEADINGS = {"h2": 1, "h3": 2, "h4": 3, "h5": 4, "h6": 4}
BLOCKS = {
    "p", "div", "section", "article", "header", "footer", "main", "aside", "figure", "figcaption", "blockquote",
    "ul", "ol", "li", "table", "nav", "hr", "h1", *HEADINGS, "svg", "dl", "dt", "dd", "pre",
}  # fmt: skip
SKIPPED = {"style", "script", "template"}
LABEL = re.compile(r"^(?P<word>\S+)\s+(?P<number>\d+)\.?$")
NOTE_NUMBER = re.compile(r"(\d+)$")
BACKGROUND = re.compile(r"background(?:-color)?:\s*#([0-9a-fA-F]{6})")
TEXT_COLOUR = re.compile(r"(?:^|;)\s*color:\s*#([0-9a-fA-F]{6})")
KEPT_TOGETHER_ROWS = 8  # a table this short is kept on one page
CHARACTER, CELL_PADDING = Cm(0.25), Cm(0.6)  # a bold character of the body's size (a wide font's); a cell's margins
BACK_LINK = "↩"


def word_language(tag):
    """Return the tag Word checks a language with: the site's "es" and "en" name Mexico's Spanish and US English."""
    primary = (tag or "").split("-")[0].lower()
    return {"es": "es-MX", "en": "en-US"}.get(primary, tag or "")


def _tag(element):
    return element.tag.lower() if isinstance(element.tag, str) else ""


def _words(element):
    return " ".join(element.text_content().replace(BACK_LINK, "").split())


def _classes(element):
    return set((element.get("class") or "").split())


def exhibit_label(element):
    """Return the ``(word, number)`` of a caption's label span ("Figura", "3"), or None."""
    span = next(iter(element.xpath(".//span[contains(concat(' ', @class, ' '), ' exhibit-label ')]")), None)
    match = LABEL.match(_words(span)) if span is not None else None
    return (match.group("word"), match.group("number"), span) if match else None


class Style:
    """What the inline content being written carries: bold, italic, superscript, a language, a link, colours."""

    def __init__(self, bold=False, italic=False, superscript=False, language="", link=None, colours=None):
        self.bold, self.italic, self.superscript, self.language, self.link = bold, italic, superscript, language, link
        self.colours = colours  # (background, text) as hex ("C5192D", "FFFFFF"): an SDG's square on the cover

    def but(self, **changes):
        values = dict(vars(self))
        values.update(changes)
        return Style(**values)


class Writer:
    """One pass over the HTML into a python-docx ``Document``."""

    def __init__(self, document, root, language, site=""):
        self.document = document
        self.root = root
        self.language = language
        self.site = site
        self.bookmark_ids = count(1)
        self.bookmarks = {}
        for element in root.xpath("//h2[@id] | //h3[@id] | //h4[@id] | //section[@id]/h2 | //article[@id]/h3"):
            target = element.get("id") or element.getparent().get("id")
            self.bookmarks[target] = "_" + re.sub(r"\W", "_", target)[:38]
        self.notes = {item.get("id"): item for item in root.xpath("//section[contains(@class, 'footnotes')]//li[@id]")}
        self.footnotes = None  # ooxml.Footnotes, once a note is called
        self.called = {}  # the notes written as footnotes: {note's id: the bookmark of its call}
        self.in_note = False
        svgs = [element for element in root.iter() if _tag(element) == "svg"]
        self.pictures = dict(zip(svgs, charts.render_pngs(svgs), strict=True))
        self.list_depth = 0
        self.sequences = {}  # the last number of each caption series: {"Figura": 3}
        self.style_ids = {}
        self.last_paragraph = None
        section = document.sections[-1]
        self.text_width = section.page_width - section.left_margin - section.right_margin

    # Blocks

    def write(self):
        self.children(self.root, None)

    def children(self, element, container):
        """Write an element's content: runs of inline content as paragraphs, block children as blocks."""
        pending = [element.text] if element.text else []
        for child in element:
            if _tag(element) == "li" and _tag(child) == "div" and not child.get("lang"):
                # An item's box (a date, then a title and its text) reads as one line, then its paragraphs.
                leading = self.leading_inline(child)
                pending.extend(leading)
                for grandchild in child:
                    if grandchild in leading:
                        continue
                    if _tag(grandchild) in BLOCKS or _tag(grandchild) == "img":
                        self.paragraph_of(pending, container)
                        pending = []
                        self.block(grandchild, container)
                    else:
                        pending.append(grandchild)
                    if grandchild.tail:
                        pending.append(grandchild.tail)
                if child.tail:
                    pending.append(child.tail)
                continue
            if _tag(child) in BLOCKS or _tag(child) == "img" and self.is_block_picture(child):
                introduction = self.paragraph_of(pending, container)
                pending = []
                if _tag(child) in ("ul", "ol", "table"):
                    self.keep_introduction(introduction or self.last_paragraph, child)
                self.block(child, container)
            elif _tag(child) not in SKIPPED:
                pending.append(child)
            if child.tail:
                pending.append(child.tail)
        self.paragraph_of(pending, container)

    def keep_introduction(self, paragraph, listing):
        """Keep a paragraph that introduces a list or a table ("Cifras registradas de documentos:") on its page."""
        previous = listing.getprevious()
        text = paragraph.text.rstrip() if paragraph is not None else ""
        if text.endswith(":") and (previous is None or _tag(previous) not in ("ul", "ol", "table")):
            paragraph.paragraph_format.keep_with_next = True

    def leading_inline(self, element):
        """Return the inline content an element starts with, up to its first block child."""
        pieces = [element.text] if element.text else []
        for child in element:
            if _tag(child) in BLOCKS or _tag(child) == "img":
                break
            pieces.append(child)
            if child.tail:
                pieces.append(child.tail)
        return pieces

    def is_block_picture(self, element):
        return element.getparent() is not None and _tag(element.getparent()) == "div"

    def paragraph_of(self, pieces, container, style=None):
        if not any(isinstance(piece, str) and piece.strip() or not isinstance(piece, str) for piece in pieces):
            return None
        if all(isinstance(piece, str) for piece in pieces) and not "".join(pieces).strip():
            return None
        paragraph = self.new_paragraph(container, style or (container or {}).get("style"))
        self.inline_pieces(paragraph, pieces, Style(language=(container or {}).get("language", "")))
        if not paragraph.text.strip() and not paragraph._p.xpath(".//w:drawing"):
            paragraph._p.getparent().remove(paragraph._p)
            return None
        if container and container.get("after_first"):
            container["style"] = container["after_first"]
        return paragraph

    def new_paragraph(self, container, style=None):
        paragraph = self.last_paragraph = self.document.add_paragraph()
        if style:
            self.set_style(paragraph, style)
        numbering = (container or {}).get("numbering")
        if numbering is not None:
            if numbering.get("id") is None:
                numbering["id"] = ooxml.restart_numbering(paragraph, self.document.styles[style], numbering["start"])
            elif style == numbering["style"]:
                ooxml.continue_numbering(paragraph, numbering["id"])
        return paragraph

    def set_style(self, paragraph, name):
        # python-docx looks a style up by name in every paragraph's setter: once per name is enough.
        if name not in self.style_ids:
            self.style_ids[name] = self.document.styles[name].style_id
        paragraph._p.style = self.style_ids[name]

    def scope(self, container, **changes):
        scope = dict(container or {})
        scope.update(changes)
        return scope

    def block(self, element, container):
        tag = _tag(element)
        language = element.get("lang") or (container or {}).get("language", "")
        container = self.scope(container, language=language) if language else container
        classes = _classes(element)
        if tag in SKIPPED or tag == "hr":
            return
        if tag == "nav":
            self.contents(element)
        elif "footnotes" in classes:
            self.notes_list(element, container)
        elif tag == "h1":
            self.paragraph_of([element], container, style="Title")
        elif tag in HEADINGS:
            self.heading(element, container)
        elif tag == "table":
            self.table(element, container)
        elif tag == "svg":
            self.chart(element, container)
        elif tag == "img":
            self.picture(element, container)
        elif tag in ("figcaption", "caption"):
            self.caption(element, container)
        elif tag in ("ul", "ol"):
            self.listing(element, container)
        elif tag == "li":
            self.children(element, container)
        elif tag == "blockquote":
            self.children(element, self.scope(container, style="Quote"))
        elif tag == "figure":
            self.figure(element, container)
        else:
            self.children(element, container)

    def heading(self, element, container):
        style = f"Heading {HEADINGS[_tag(element)]}"
        paragraph = self.paragraph_of([element], self.scope(container, style=None, numbering=None), style=style)
        target = element.get("id") or (element.getparent().get("id") if element.getparent() is not None else None)
        if paragraph is not None and target in self.bookmarks and not paragraph._p.xpath(".//w:bookmarkStart"):
            ooxml.add_bookmark(paragraph, self.bookmarks[target], next(self.bookmark_ids))

    def listing(self, element, container):
        tag = _tag(element)
        self.list_depth += 1
        level = "" if self.list_depth == 1 else f" {min(self.list_depth, 3)}"
        style = ("List Number" if tag == "ol" else "List Bullet") + level
        numbering = {"style": style, "start": int(element.get("start") or 1)} if tag == "ol" else None
        continued = "List Continue" + level
        for item in element:
            if _tag(item) != "li":
                continue
            self.children(item, self.scope(container, style=style, after_first=continued, numbering=numbering))
        self.list_depth -= 1

    def notes_list(self, element, container):
        """Write the notes of a text's list that nothing called (each called one is already a footnote).

        They keep their number, as a paragraph of their own: no note of the HTML is lost.
        """
        for item in element.xpath(".//li[@id]"):
            if item.get("id") in self.called:
                continue
            number = NOTE_NUMBER.search(item.get("id"))
            paragraph = self.new_paragraph(container, ooxml.FOOTNOTE_TEXT)
            paragraph.add_run(f"{number.group(1)}. " if number else "")
            self.note_content(paragraph, item, (container or {}).get("language", ""))

    def caption(self, element, container):
        """Write a caption as Word's Caption paragraph; a numbered one ("Figura 3.") counts with a SEQ field."""
        label = exhibit_label(element)
        paragraph = self.new_paragraph(container, "Caption")
        style = Style(language=(container or {}).get("language", ""))
        if label is None:
            self.inline_pieces(paragraph, [element], style)
            return paragraph
        word, number, span = label
        paragraph.add_run(f"{word} ")
        # A number the series does not reach by counting (the seed's Figura 3 with no Figura 1 drawn) resets it.
        expected = self.sequences.get(word, 0) + 1
        self.sequences[word] = int(number)
        reset = f" \\r {number}" if int(number) != expected else ""
        ooxml.simple_field(paragraph, f"SEQ {word} \\* ARABIC{reset}", number)
        paragraph.add_run(".")
        pieces = [span.tail] if span.tail else []
        for sibling in span.itersiblings():
            pieces.append(sibling)
            if sibling.tail:
                pieces.append(sibling.tail)
        before = []
        if element.text and element.text.strip():
            before.append(element.text)
        for sibling in span.itersiblings(preceding=True):
            before.insert(0, sibling)
        self.inline_pieces(paragraph, before + pieces, style)
        return paragraph

    def figure(self, element, container):
        """Write a figure and its caption; then its charts' values, unless the table after it gives them.

        A chart the HTML follows with a table of its figures (the report's "Cuadro" beside each "Figura", with its
        own column labels) needs no second table read back from the chart.
        """
        for child in element:
            if _tag(child) == "figcaption":
                self.caption(child, container)
            elif _tag(child) in BLOCKS or _tag(child) == "img":
                self.block(child, container)
        following = element.getnext()
        if following is not None and _tag(following) == "table":
            return
        for svg in element.iter():
            if _tag(svg) == "svg":
                self.chart_values(svg, container)

    def chart(self, svg, container):
        """Write a chart as a picture with its alternative text; outside a figure, its values follow at once."""
        title, description = charts.chart_text(svg)
        picture = self.pictures.get(svg)
        if picture is not None:
            width, _height = charts.chart_size(svg)
            paragraph = self.new_paragraph(container)
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            paragraph.paragraph_format.keep_with_next = True
            size = min(Cm(width / 96 * 2.54), self.text_width)
            shape = paragraph.add_run().add_picture(io.BytesIO(picture), width=size)
            ooxml.set_picture_alt_text(shape, ". ".join(part for part in (title, description) if part), title)
        parent = svg.getparent()
        if parent is None or _tag(parent) != "figure":
            self.chart_values(svg, container)

    def chart_values(self, svg, container):
        values = charts.chart_table(svg)
        if values is None:
            return
        header, rows = values
        title, description = charts.chart_text(svg)
        table = self.document.add_table(rows=0, cols=len(header))
        table.style = self.document.styles["Table Grid"]
        cells = table.add_row().cells
        for cell, text in zip(cells, header, strict=True):
            cell.paragraphs[0].add_run(text).bold = True
        ooxml.repeat_header_row(table.rows[0])
        for row in rows:
            for cell, text in zip(table.add_row().cells, row, strict=True):
                cell.text = text
        if title:
            ooxml.set_table_alt_text(table, title, description)
        self.document.add_paragraph()

    def picture(self, element, container):
        """Add an image given as a data URI (the cover's) with its alternative text."""
        source = element.get("src", "")
        if not source.startswith("data:image/") or ";base64," not in source:
            return
        data = io.BytesIO(base64.b64decode(source.split(",", 1)[1]))
        logo = element.getparent() is not None and "cover-logos" in _classes(element.getparent())
        paragraph = self.new_paragraph(container)
        run = paragraph.add_run()
        shape = run.add_picture(data, height=Cm(1.6)) if logo else run.add_picture(data, width=Cm(12))
        ooxml.set_picture_alt_text(shape, element.get("alt", ""))

    def table(self, element, container):
        rows = [row for row in element.xpath(".//tr") if row.xpath("./th|./td")]
        caption = element.find("caption")
        if caption is not None:
            self.caption(caption, container).paragraph_format.keep_with_next = True
        if not rows:
            return
        width = max(sum(int(cell.get("colspan") or 1) for cell in row.xpath("./th|./td")) for row in rows)
        table = self.document.add_table(rows=0, cols=width)
        table.style = self.document.styles["Table Grid"]
        for row in rows:
            header = _tag(row.getparent()) == "thead"
            cells = table.add_row().cells
            index = 0
            for cell in row.xpath("./th|./td"):
                span = int(cell.get("colspan") or 1)
                target = cells[index].merge(cells[index + span - 1]) if span > 1 else cells[index]
                language = (container or {}).get("language", "")
                self.inline_pieces(target.paragraphs[0], [cell], Style(bold=_tag(cell) == "th", language=language))
                index += span
            if header:
                ooxml.repeat_header_row(table.rows[-1])
        ooxml.set_column_widths(table, self.column_widths(rows, width))
        if len(rows) <= KEPT_TOGETHER_ROWS:
            ooxml.keep_table_together(table)
        if caption is not None:
            ooxml.set_table_alt_text(table, _words(caption))
        self.document.add_paragraph()

    def column_widths(self, rows, columns):
        """Share the text's width between a table's columns by what they hold.

        Each column is first as wide as its longest word (a URL counts as a short one), so that no word breaks;
        the rest of the width goes by the mean length of the columns' text: a long source gets room, a year little.
        """
        lengths = [[] for _column in range(columns)]
        longest = [3] * columns
        for row in rows:
            cells = row.xpath("./th|./td")
            if len(cells) != columns:  # a row with merged cells says little about each column
                continue
            for index, cell in enumerate(cells):
                words = _words(cell)
                lengths[index].append(len(words))
                longest[index] = max([longest[index], *(min(len(word), 14) for word in words.split())])
        least = [CELL_PADDING + CHARACTER * characters for characters in longest]
        if sum(least) >= self.text_width:
            return [int(self.text_width * width / sum(least)) for width in least]
        weights = [max(sum(found) / len(found), 1) if found else 1 for found in lengths]
        rest = self.text_width - sum(least)
        return [int(width + rest * weight / sum(weights)) for width, weight in zip(least, weights, strict=True)]

    def contents(self, element):
        """Write the contents as a TOC field, then a list of each kind of numbered exhibit (TOC over SEQ)."""
        heading = element.find(".//h2")
        title = self.document.add_paragraph(_words(heading) if heading is not None else _("Contents"), "TOC Heading")
        title.paragraph_format.page_break_before = True
        entries = [
            (
                f"toc {HEADINGS[_tag(item)]}",
                _words(item),
                self.bookmarks.get(item.get("id") or item.getparent().get("id")),
            )
            for item in self.root.xpath("//h2 | //h3")
            if not any(_tag(parent) == "nav" for parent in item.iterancestors())
        ]
        self.field_block('TOC \\o "1-2" \\h \\z \\u', entries)
        kinds = {}
        for caption in self.root.xpath("//figcaption | //caption"):
            label = exhibit_label(caption)
            if label:
                kinds.setdefault((_tag(caption), label[0]), []).append(_words(caption))
        names = {
            label.split()[0]: name
            for label, name in (
                (_("Figure %(number)s"), _("List of figures")),
                (_("Chart %(number)s"), _("List of charts")),
                (_("Table %(number)s"), _("List of tables")),
            )
        }
        for index, ((tag, word), captions) in enumerate(kinds.items()):
            default = _("List of figures") if tag == "figcaption" else _("List of tables")
            name = names.get(word, default)
            # The contents fill their page; the lists share the next one.
            self.document.add_paragraph(name, "TOC Heading").paragraph_format.page_break_before = index == 0
            self.field_block(f'TOC \\h \\z \\c "{word}"', [("table of figures", text, None) for text in captions])

    def field_block(self, instruction, entries):
        """Write a field whose result spans paragraphs (a contents list), filled until Word updates it.

        ``entries`` are ``(style, text, bookmark)``: an entry with a heading's bookmark links to it. The pages are
        Word's to count (it updates the fields on opening, ``ooxml.update_fields_on_open``); a reader that shows
        the field's result as it is (LibreOffice, a preview) lists the headings, each a link, without numbers.
        """
        entries = entries or [("toc 1", "", None)]
        paragraphs = [self.document.add_paragraph() for _entry in entries]
        for paragraph, (style, _text, _bookmark) in zip(paragraphs, entries, strict=True):
            self.set_style(paragraph, style)
        ooxml.field_begin(paragraphs[0], instruction)
        for paragraph, (_style, text, bookmark) in zip(paragraphs, entries, strict=True):
            if bookmark is None:
                paragraph.add_run(text)
                continue
            ooxml.add_internal_link(paragraph, bookmark).append(paragraph.add_run(text)._r)
        ooxml.field_end(paragraphs[-1])

    # Inline content

    def inline_pieces(self, paragraph, pieces, style):
        self.inline_content(paragraph, pieces, style)
        texts = paragraph._p.xpath(".//w:t")
        if texts and texts[-1].text:
            texts[-1].text = texts[-1].text.rstrip()

    def inline_content(self, paragraph, pieces, style):
        previous_element = False
        for piece in pieces:
            if isinstance(piece, str):
                self.text(paragraph, piece, style)
                previous_element = False
                continue
            # Two elements side by side with nothing between them are two things (a figure and its label).
            joined = previous_element and paragraph.text and not paragraph.text.endswith(" ")
            if joined and _tag(piece) not in ("sup", "sub", "br"):
                self.text(paragraph, " ", style)
            self.inline(paragraph, piece, style)
            previous_element = not piece.tail

    def text(self, paragraph, text, style):
        text = re.sub(r"\s+", " ", text.replace(BACK_LINK, ""))
        if not paragraph.text and not paragraph._p.xpath(".//w:r"):
            text = text.lstrip()
        if not text:
            return
        if style.colours:  # a coloured box with some room around its text
            text = f"\u00a0{text.strip()}\u00a0"
        run = paragraph.add_run(text)
        if style.colours:
            ooxml.shade_run(run, *style.colours)
        run.bold = style.bold or None
        run.italic = style.italic or None
        if style.superscript:
            run.font.superscript = True
        language = word_language(style.language)
        if language and language != self.language:
            ooxml.set_run_language(run, language)
        if style.link is not None:
            run.style = self.document.styles["Hyperlink"]
            style.link.append(run._r)

    def inline(self, paragraph, element, style):
        tag = _tag(element)
        if tag in SKIPPED or tag == "svg":
            return
        if element.get("lang"):
            style = style.but(language=element.get("lang"))
        background = BACKGROUND.search(element.get("style") or "")
        if background:
            text = TEXT_COLOUR.search(element.get("style"))
            style = style.but(colours=(background.group(1), text.group(1) if text else "000000"))
        if tag in ("strong", "b", "th"):
            style = style.but(bold=True)
        elif tag in ("em", "i", "cite"):
            style = style.but(italic=True)
        elif tag == "sup" and "footnote-ref" in _classes(element):
            self.note_call(paragraph, element, style)
            return
        elif tag == "sup":
            style = style.but(superscript=True)
        elif tag == "br":
            paragraph.add_run().add_break()
        elif tag == "img":
            self.picture(element, None)
            return
        elif tag == "a" and style.link is None:
            style = self.link_style(paragraph, element, style)
        if tag == "br":
            return
        if element.text:
            self.text(paragraph, element.text, style)
        for child in element:
            self.inline(paragraph, child, style)
            if child.tail:
                self.text(paragraph, child.tail, style)

    def link_style(self, paragraph, element, style):
        href = (element.get("href") or "").strip()
        if href.startswith("/") and not href.startswith("//") and self.site:  # a page of the site ("/informes/…")
            href = self.site + href
        if href.startswith(("http://", "https://", "mailto:")):
            return style.but(link=ooxml.add_hyperlink(paragraph, href))
        if href.startswith("#") and href[1:] in self.bookmarks:
            return style.but(link=ooxml.add_internal_link(paragraph, self.bookmarks[href[1:]]))
        return style

    def note_call(self, paragraph, element, style):
        """Write a note's call as a Word footnote with the note's number; a note called again, as its number.

        The call links to its note (``#agency-fn12``, ``#figure-note-3``): the number ends the note's id.
        """
        link = element.find(".//a")
        target = (link.get("href") or "")[1:] if link is not None else ""
        number = NOTE_NUMBER.search(target)
        note = self.notes.get(target)
        if number is None or note is None or self.in_note:  # no note to place: the call's number in superscript
            text = number.group(1) if number else _words(element)
            self.text(paragraph, text, style.but(superscript=True, link=None))
        elif target in self.called:
            self.footnotes.cite_again(paragraph, self.called[target], number.group(1))
        else:
            if self.footnotes is None:
                self.footnotes = ooxml.Footnotes(self.document)
            run, footnote = self.footnotes.call(paragraph, int(number.group(1)))
            self.called[target] = f"_RefNote{number.group(1)}"
            ooxml.bookmark_run(run, self.called[target], next(self.bookmark_ids))
            self.note_text(footnote, note, style.language)

    def note_text(self, footnote, item, language):
        """Write a note's text (its list item in the HTML, a paragraph or more) as the footnote's paragraphs."""
        blocks = [child for child in item if _tag(child) in BLOCKS]
        for block in blocks or [item]:
            paragraph = self.footnotes.add_paragraph(footnote)
            if _tag(block) in ("p", "li"):
                self.note_content(paragraph, block, language)
            else:  # a list or a quote inside a note: its words
                self.text(paragraph, _words(block), Style(language=language))

    def note_content(self, paragraph, element, language):
        """Write a note's inline content into ``paragraph``, without its back-links and its own "3. " number."""
        for link in element.xpath(".//a[starts-with(@href, '#')]"):
            if BACK_LINK in link.text_content():
                link.drop_tree()
        number = NOTE_NUMBER.search(element.get("id") or "")
        element.text = (element.text or "").lstrip()
        if number and element.text.startswith(f"{number.group(1)}. "):
            element.text = element.text[len(number.group(1)) + 2 :]
        self.in_note = True
        self.inline_pieces(paragraph, [element], Style(language=language))
        self.in_note = False


def html_to_docx(document, root, language, site=""):
    """Write the HTML ``root`` (an lxml element) into the python-docx ``document``.

    ``site`` ("https://axs.example") makes the HTML's links to the site's own pages ("/informes/…") absolute.
    """
    ooxml.ensure_styles(document)
    # Chapters start on a new page, as in the PDF: a property of the style, which an editor changes once.
    document.styles["Heading 1"].paragraph_format.page_break_before = True
    Writer(document, root, language, site).write()
