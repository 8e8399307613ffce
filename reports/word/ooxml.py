"""Word XML that python-docx has no API for: fields, hyperlinks, numbering restarts, header rows, languages.

Each helper writes the elements ECMA-376 (Office Open XML, part 1) describes, with python-docx's
``OxmlElement`` and ``qn``; nothing here knows the report.
"""

from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor


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


def update_fields_on_open(document):
    """Ask Word to update the document's fields (contents, lists, numbers) when it opens the file."""
    settings = document.settings.element
    for old in settings.findall(qn("w:updateFields")):
        settings.remove(old)
    settings.append(_element("w:updateFields", val="true"))


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
