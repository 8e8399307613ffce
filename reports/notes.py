"""The written parts' notes at the foot of the PDF page: each call carries its note's text inline.

The web edition keeps the markup's notes as a list at the end of the text, with back-links (Word: footnotes).
For the PDF, ``notes_at_foot`` moves each note's text to where it is called, inside a
``<span class="footnote" data-note="N">``: WeasyPrint floats it to the foot of that page
(``float: footnote`` in static/css/report.css) and prints N as the call and the marker, so a note
keeps the number it has in the other editions (one numbering across the report: reports/publication.py).
Works on the markup's HTML only (reports/markup.py).
"""

import copy
import re

from lxml import html as lxml_html

NOTE_NUMBER = re.compile(r"-fn(\d+)$")


def _note_content(item):
    """Return the inline content of a note's list item: its paragraphs joined, without back-links."""
    span = lxml_html.Element("span")
    blocks = [block for block in item if not (block.tag == "a" and (block.get("href") or "").startswith("#"))]
    for index, block in enumerate(blocks):
        if index:
            span.append(lxml_html.Element("br"))
        if block.tag == "p":
            block = copy.deepcopy(block)
        else:  # a list or a quote inside a note: its words, inline
            text = " ".join(block.text_content().split())
            block = lxml_html.Element("p")
            block.text = text
        for back_link in block.xpath(".//a[starts-with(@href, '#')]"):
            back_link.drop_tree()
        if len(span) and block.text:
            span[-1].tail = (span[-1].tail or "") + block.text
        else:
            span.text = (span.text or "") + (block.text or "")
        for child in block:
            span.append(child)
    if len(span):
        span[-1].tail = (span[-1].tail or "").rstrip()
    else:
        span.text = (span.text or "").rstrip()
    return span


def _move_notes(root):
    """Replace every note call under ``root`` by the note itself, as a PDF footnote; drop the lists of notes."""
    notes = {item.get("id"): item for item in root.xpath("//section[@class='footnotes']/ol/li[@id]")}
    placed = set()
    for call in root.xpath("//sup[@class='footnote-ref']"):
        link = call.find("a")
        target = (link.get("href") or "")[1:] if link is not None else ""
        number = NOTE_NUMBER.search(target)
        if target not in notes or number is None:
            continue
        if target in placed:  # a note called again: its number only, the text is printed once
            again = lxml_html.Element("sup", {"class": "footnote-ref"})
            again.text = number.group(1)
            again.tail = call.tail
            call.getparent().replace(call, again)
            continue
        placed.add(target)
        footnote = _note_content(notes[target])
        footnote.set("class", "footnote")
        footnote.set("data-note", number.group(1))
        footnote.tail = call.tail
        call.getparent().replace(call, footnote)
    for element in root.xpath("//section[@class='footnotes'] | //hr[@class='footnotes-sep']"):
        element.drop_tree()


def _inner(element):
    return (element.text or "") + "".join(lxml_html.tostring(child, encoding="unicode") for child in element)


def notes_at_foot(html):
    """Return the markup's HTML with every note call replaced by the note itself, as a PDF footnote."""
    if "footnote-ref" not in html:
        return html
    root = lxml_html.fragment_fromstring(html, create_parent="div")
    _move_notes(root)
    return _inner(root)


def lead_notes_at_foot(lead, html):
    """Return ``(lead, html)`` of a finding with the notes its title (the lead) or its body call as PDF footnotes."""
    if "footnote-ref" not in lead + html:
        return lead, html
    root = lxml_html.fragment_fromstring(f"<p>{lead}</p>{html}", create_parent="div")
    _move_notes(root)
    lead_element = root[0]
    root.remove(lead_element)
    lead_element.tail = None
    return _inner(lead_element), _inner(root)
