"""Word XML that python-docx has no API for: fields, hyperlinks, numbering restarts, header rows, languages, footnotes.

Each helper writes the elements ECMA-376 (Office Open XML, part 1) describes, with python-docx's
``OxmlElement`` and ``qn``; the footnotes part is added with python-docx's OPC API (a ``Part`` of its
own, related to the document). Nothing here knows the report.
"""

from itertools import count

from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.parts.story import StoryPart
from docx.shared import Cm, Pt, RGBColor
from docx.text.paragraph import Paragraph

# The children of w:settings that follow w:updateFields, in the order the schema fixes (ECMA-376 part 1, 17.15.1.78):
# Word refuses a settings part whose children are out of order.
SETTINGS_AFTER_UPDATE_FIELDS = (
    "hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars", "rsids", "mathPr", "attachedSchema",
    "themeFontLang", "clrSchemeMapping", "doNotIncludeSubdocsInStats", "doNotAutoCompressPictures", "forceUpgrade",
    "captions", "readModeInkLockDown", "smartTagType", "schemaLibrary", "shapeDefaults", "doNotEmbedSmartTags",
    "decimalSymbol", "listSeparator",
)  # fmt: skip


def _element(tag, **attributes):
    element = OxmlElement(tag)
    for name, value in attributes.items():
        element.set(qn(f"w:{name}"), str(value))
    return element


def _field_char(paragraph, kind, dirty=False):
    run = paragraph.add_run()
    char = _element("w:fldChar", fldCharType=kind)
    if dirty:  # Word updates a dirty field when it opens the file
        char.set(qn("w:dirty"), "true")
    run._r.append(char)
    return run


def field_begin(paragraph, instruction):
    """Open a complex field in ``paragraph``: its begin mark, its instruction and its separator."""
    _field_char(paragraph, "begin", dirty=True)
    instruction_run = paragraph.add_run()
    text = _element("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = f" {instruction} "
    instruction_run._r.append(text)
    _field_char(paragraph, "separate")


def field_end(paragraph):
    """Close the complex field opened by ``field_begin`` (it may be in an earlier paragraph)."""
    _field_char(paragraph, "end")


def simple_field(paragraph, instruction, result):
    """Add a one-paragraph field with ``result`` as the text Word shows until it updates the field."""
    field_begin(paragraph, instruction)
    run = paragraph.add_run(result)
    field_end(paragraph)
    return run


def _set_setting(document, element, after):
    """Put ``element`` in the document's settings in its place: before the first of the settings named ``after``."""
    settings = document.settings.element
    for old in settings.findall(element.tag):
        settings.remove(old)
    following = next((child for child in settings if child.tag in {qn(f"w:{name}") for name in after}), None)
    if following is not None:
        following.addprevious(element)
    else:
        settings.append(element)


def update_fields_on_open(document):
    """Ask Word to update the document's fields (contents, lists, numbers) when it opens the file."""
    _set_setting(document, _element("w:updateFields", val="true"), SETTINGS_AFTER_UPDATE_FIELDS)


def add_hyperlink(paragraph, url, style="Hyperlink"):
    """Return a hyperlink element to ``url`` appended to ``paragraph``; runs go inside it."""
    relationship = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), relationship)
    link.set(qn("w:history"), "1")
    paragraph._p.append(link)
    return link


def add_internal_link(paragraph, bookmark):
    """Return a hyperlink element to a bookmark of the document, appended to ``paragraph``."""
    link = _element("w:hyperlink", anchor=bookmark, history=1)
    paragraph._p.append(link)
    return link


def add_bookmark(paragraph, name, bookmark_id):
    """Mark the whole of ``paragraph`` with the bookmark ``name``."""
    start = _element("w:bookmarkStart", id=bookmark_id, name=name)
    end = _element("w:bookmarkEnd", id=bookmark_id)
    properties = paragraph._p.find(qn("w:pPr"))
    if properties is not None:
        properties.addnext(start)
    else:
        paragraph._p.insert(0, start)
    paragraph._p.append(end)


def shade_run(run, background, colour):
    """Print a run's text in ``colour`` on ``background`` (hex, "C5192D"), as a coloured box."""
    run.font.color.rgb = RGBColor.from_string(colour.upper())
    shading = _element("w:shd", val="clear", color="auto", fill=background.upper())
    run._r.get_or_add_rPr().insert_element_before(
        shading, "w:fitText", "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang", "w:eastAsianLayout", "w:specVanish"
    )


def set_run_language(run, tag):
    """Mark a run's language (a Spanish name in an English document) for Word's spelling and voice."""
    properties = run._r.get_or_add_rPr()
    for old in properties.findall(qn("w:lang")):
        properties.remove(old)
    properties.append(_element("w:lang", val=tag))


def set_document_language(document, tag):
    """Set the language of the document's default run properties and of its Normal style."""
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = _element("w:docDefaults")
        styles.insert(0, defaults)
    run_defaults = defaults.find(qn("w:rPrDefault"))
    if run_defaults is None:
        run_defaults = _element("w:rPrDefault")
        defaults.insert(0, run_defaults)
    properties = run_defaults.find(qn("w:rPr"))
    if properties is None:
        properties = _element("w:rPr")
        run_defaults.append(properties)
    for old in properties.findall(qn("w:lang")):
        properties.remove(old)
    properties.append(_element("w:lang", val=tag, eastAsia=tag, bidi=tag))
    normal = document.styles["Normal"].element.get_or_add_rPr()
    for old in normal.findall(qn("w:lang")):
        normal.remove(old)
    normal.append(_element("w:lang", val=tag))


def restart_numbering(paragraph, style, start=1):
    """Number ``paragraph`` (of the numbered ``style``) from ``start``: a new list, not the previous one's sequel."""
    numbering = paragraph.part.numbering_part.element
    style_number = style.element.pPr.numPr.numId.val
    abstract = next(num.abstractNumId.val for num in numbering.num_lst if num.numId == style_number)
    new = numbering.add_num(abstract)
    override = _element("w:lvlOverride", ilvl=0)
    override.append(_element("w:startOverride", val=start))
    new.append(override)
    properties = paragraph._p.get_or_add_pPr()
    number_properties = properties.get_or_add_numPr()
    number_properties.get_or_add_ilvl().val = 0
    number_properties.get_or_add_numId().val = new.numId
    return new.numId


def continue_numbering(paragraph, number_id):
    """Number ``paragraph`` in the list ``restart_numbering`` opened."""
    number_properties = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    number_properties.get_or_add_ilvl().val = 0
    number_properties.get_or_add_numId().val = number_id


def repeat_header_row(row):
    """Repeat ``row`` at the top of each page the table runs onto, and keep it whole."""
    properties = row._tr.get_or_add_trPr()
    properties.append(_element("w:tblHeader", val="true"))
    properties.append(_element("w:cantSplit", val="true"))


def set_column_widths(table, widths):
    """Give a table's columns these widths (EMU): its grid (which LibreOffice reads) and each cell (which Word reads).

    A merged cell (``w:gridSpan``) is as wide as the columns it spans. The layout is fixed: Word keeps the widths.
    """
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    for row in table.rows:
        index = 0
        for cell in row._tr.tc_lst:
            cell.width = sum(widths[index : index + cell.grid_span])
            index += cell.grid_span


def keep_table_together(table):
    """Keep a short table on one page: no row split, each row kept with the next (Word's way to keep a table)."""
    for row in table.rows:
        row._tr.get_or_add_trPr().append(_element("w:cantSplit", val="true"))
    for row in table.rows[:-1]:
        for paragraph in row._tr.xpath(".//w:p"):
            paragraph.get_or_add_pPr().keepNext_val = True


def set_table_alt_text(table, title, description=""):
    """Give a table the title and description Word shows as its alternative text."""
    properties = table._tbl.tblPr
    properties.append(_element("w:tblCaption", val=title[:255]))
    if description:
        properties.append(_element("w:tblDescription", val=description[:4000]))


def set_picture_alt_text(shape, description, title=""):
    """Give an inline picture its alternative text (the drawing's docPr ``descr``)."""
    properties = shape._inline.docPr
    properties.set("descr", description)
    if title:
        properties.set("title", title)


def ensure_styles(document):
    """Add the styles Word's fields use and the default template lacks: contents levels, lists of figures, links."""
    styles = document.styles
    names = {style.name for style in styles}
    for level in (1, 2, 3):
        name = f"toc {level}"
        if name not in names:
            style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
            style.base_style = styles["Normal"]
            style.paragraph_format.left_indent = Cm(0.6 * (level - 1))
            style.paragraph_format.space_after = Pt(3)
    if "table of figures" not in names:
        style = styles.add_style("table of figures", WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = styles["Normal"]
        style.paragraph_format.space_after = Pt(3)
    if "Hyperlink" not in names:
        style = styles.add_style("Hyperlink", WD_STYLE_TYPE.CHARACTER)
        style.font.color.rgb = RGBColor(0x05, 0x63, 0xC1)
        style.font.underline = True


def bookmark_run(run, name, bookmark_id):
    """Mark ``run`` alone with the bookmark ``name`` (a note's call, for a NOTEREF field to cite again)."""
    run._r.addprevious(_element("w:bookmarkStart", id=bookmark_id, name=name))
    run._r.addnext(_element("w:bookmarkEnd", id=bookmark_id))


# The footnotes part: its two separators, with the ids Word gives them (-1 and 0).
FOOTNOTES_XML = (
    f"<w:footnotes {nsdecls('w', 'r')}>"
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/>'
    "</w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>"
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
    'w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
    "</w:footnotes>"
)
FOOTNOTE_TEXT, FOOTNOTE_REFERENCE = "footnote text", "footnote reference"


class FootnotesPart(StoryPart):
    """The document's footnotes (``/word/footnotes.xml``): a story, so its paragraphs take styles, links, pictures."""


class Footnotes:
    """Native Word footnotes, which python-docx (1.2) cannot write: its issue #1 is still open.

    Adds the footnotes part with its separators (ECMA-376 part 1, 17.11), relates the document to it, and names
    the separators in the settings (``w:footnotePr``) as Word does. ``call`` writes a footnote's reference in
    the text and returns the footnote; ``add_paragraph`` writes the footnote's text, printed at the page foot.
    Word numbers its footnotes itself, 1, 2, 3… in the order they are called. A footnote that must carry
    another number (a document whose notes are numbered elsewhere) is given it as its mark
    (``w:customMarkFollows``), which Word prints instead of a number of its own; ``cite_again`` calls a
    footnote a second time (a NOTEREF field), without printing its text twice.
    """

    def __init__(self, document):
        ensure_footnote_styles(document)
        package = document.part.package
        element = parse_xml(FOOTNOTES_XML)
        self.part = FootnotesPart(PackURI("/word/footnotes.xml"), CONTENT_TYPE.WML_FOOTNOTES, element, package)
        document.part.relate_to(self.part, RELATIONSHIP_TYPE.FOOTNOTES)
        properties = _element("w:footnotePr")
        properties.append(_element("w:footnote", id=-1))
        properties.append(_element("w:footnote", id=0))
        _set_setting(document, properties, SETTINGS_AFTER_UPDATE_FIELDS[2:])
        self.ids = count(1)
        self.numbered = 0  # how many footnotes Word numbers itself so far
        self.marks = {}  # the footnotes that carry their number as their mark: {id: number}

    def call(self, paragraph, number):
        """Call a new footnote numbered ``number`` at the end of ``paragraph``; return the call's run and the note.

        Word's own number when it is ``number`` (the footnotes come in order); ``number`` as the mark otherwise.
        """
        identifier = str(next(self.ids))
        run = paragraph.add_run(style=FOOTNOTE_REFERENCE)
        reference = _element("w:footnoteReference", id=identifier)
        run._r.append(reference)
        if number == self.numbered + 1:
            self.numbered += 1
        else:
            reference.set(qn("w:customMarkFollows"), "1")
            run._r.append(_text(str(number)))
            self.marks[identifier] = str(number)
        footnote = _element("w:footnote", id=identifier)
        self.part.element.append(footnote)
        return run, footnote

    def add_paragraph(self, footnote):
        """Return a new paragraph of ``footnote``'s text; the first one starts with the footnote's mark."""
        first = footnote.find(qn("w:p")) is None
        paragraph = Paragraph(OxmlElement("w:p"), self)
        footnote.append(paragraph._p)
        paragraph.style = FOOTNOTE_TEXT
        if first:
            mark = paragraph.add_run(style=FOOTNOTE_REFERENCE)
            custom = self.marks.get(footnote.get(qn("w:id")))  # Word writes a custom mark in the note too
            mark._r.append(_text(custom) if custom else _element("w:footnoteRef"))
            paragraph.add_run(" ")
        return paragraph

    def cite_again(self, paragraph, bookmark, number):
        """Call again the footnote whose call ``bookmark`` marks: its number, formatted as a call, linked to it."""
        field_begin(paragraph, f"NOTEREF {bookmark} \\f \\h")
        paragraph.add_run(str(number), style=FOOTNOTE_REFERENCE)
        field_end(paragraph)


def _text(value):
    text = OxmlElement("w:t")
    text.text = value
    text.set(qn("xml:space"), "preserve")
    return text


def ensure_footnote_styles(document):
    """Add Word's built-in footnote styles, which the default template lacks: the note's text and its call."""
    styles = document.styles
    names = {style.name for style in styles}
    if FOOTNOTE_TEXT not in names:
        style = styles.add_style(FOOTNOTE_TEXT, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = styles["Normal"]
        style.font.size = Pt(8.5)
        style.paragraph_format.space_after = Pt(2)
        style.paragraph_format.line_spacing = 1.0
    if FOOTNOTE_REFERENCE not in names:
        style = styles.add_style(FOOTNOTE_REFERENCE, WD_STYLE_TYPE.CHARACTER)
        style.font.superscript = True
