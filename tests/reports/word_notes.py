"""Read the Word edition's footnotes as a reader sees them: each note's number and text, and the calls in order."""

from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml.ns import qn
from lxml import etree


def _words(element):
    return " ".join("".join(element.itertext()).split())


def word_notes(document):
    """Return ``({number: text}, [the number of each call, in reading order], {numbers cited again})``.

    Word numbers its footnotes 1, 2, 3… in the order they are called, unless a call carries its own mark
    (``w:customMarkFollows``); a NOTEREF field cites again the footnote whose call its bookmark marks.
    """
    part = next(rel.target_part for rel in document.part.rels.values() if rel.reltype == RELATIONSHIP_TYPE.FOOTNOTES)
    mark = document.styles["footnote reference"].style_id
    texts = {}
    for footnote in etree.fromstring(part.blob).findall(qn("w:footnote")):
        if footnote.get(qn("w:type")) is None:
            for run in footnote.xpath(f".//w:r[w:rPr/w:rStyle/@w:val='{mark}']", namespaces=footnote.nsmap):
                run.getparent().remove(run)
            texts[footnote.get(qn("w:id"))] = " ".join(_words(p) for p in footnote.findall(qn("w:p")))
    notes, calls, again, marked = {}, [], set(), {}
    numbered = 0
    for element in document.element.body.iter(qn("w:footnoteReference"), qn("w:instrText")):
        if element.tag == qn("w:instrText"):
            words = element.text.split()
            if words and words[0] == "NOTEREF":
                calls.append(marked[words[1]])
                again.add(marked[words[1]])
            continue
        if element.get(qn("w:customMarkFollows")):
            number = int(element.getnext().text)
        else:
            numbered += 1
            number = numbered
        assert number not in notes, number
        notes[number] = texts[element.get(qn("w:id"))]
        calls.append(number)
        bookmark = element.getparent().getprevious()
        if bookmark is not None and bookmark.tag == qn("w:bookmarkStart"):
            marked[bookmark.get(qn("w:name"))] = number
    return notes, calls, again
