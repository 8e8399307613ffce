"""The report's charts in Word: each inline SVG as a picture, and its values as a table.

python-docx embeds PNG or JPEG, not SVG. WeasyPrint (already the PDF edition's renderer, so the
picture looks as it does in the PDF) draws all the charts of a document into one PDF, a page the
size of each chart, and poppler's ``pdftoppm`` turns the pages into PNG. Without ``pdftoppm`` the
charts are left out as pictures; their tables still carry every value.

The values are read back from the SVG that ``axs_platform.charts`` draws: a bar chart's labels
(each label's ``<title>``) and the value printed beside each bar; a line chart's points (each
point's ``<title>``, "series: value") by the period under them.
"""

import logging
import re
import shutil
import subprocess  # noqa: S404 - pdftoppm, with fixed arguments and files of our own
import tempfile
from pathlib import Path

from django.utils.translation import gettext as _
from lxml import etree
from weasyprint import HTML

logger = logging.getLogger(__name__)

SCALE = 2  # pixels of the picture per CSS pixel: sharp when printed
SHARE = re.compile(r"^(.*\S)\s+\((.+)\)$")


def _local(element):
    tag = element.tag if isinstance(element.tag, str) else ""
    return tag.rsplit("}", 1)[-1]


def _size(svg):
    def number(name):
        match = re.match(r"[\d.]+", svg.get(name) or "")
        return float(match.group()) if match else 0.0

    width, height = number("width"), number("height")
    box = svg.get("viewBox") or svg.get("viewbox")
    if (not width or not height) and box:
        parts = box.split()
        width, height = float(parts[2]), float(parts[3])
    return width or 600.0, height or 300.0


def svg_markup(svg):
    """Return one SVG element as standalone markup (its namespace declared)."""
    markup = etree.tostring(svg, encoding="unicode", method="xml")
    # lxml's HTML parser gives the SVG's elements no namespace and lower-cases its attributes' names.
    markup = markup.replace(" viewbox=", " viewBox=")
    if "xmlns=" not in markup.split(">", 1)[0]:
        markup = markup.replace("<svg", '<svg xmlns="http://www.w3.org/2000/svg"', 1)
    return markup


def render_pngs(svgs):
    """Return the PNG of each SVG element (None for all when ``pdftoppm`` is missing)."""
    if not svgs:
        return []
    command = shutil.which("pdftoppm")
    if command is None:
        logger.warning("pdftoppm is not installed: the Word edition's charts go in as tables only.")
        return [None] * len(svgs)
    pages = []
    rules = ["@page { margin: 0 }", "body { margin: 0 } svg { display: block } div { break-after: page }"]
    for index, svg in enumerate(svgs):
        width, height = _size(svg)
        rules.append(f"@page chart{index} {{ size: {width}px {height}px }}")
        pages.append(f'<div style="page: chart{index}">{svg_markup(svg)}</div>')
    html = f"<html><head><style>{' '.join(rules)}</style></head><body>{''.join(pages)}</body></html>"
    with tempfile.TemporaryDirectory() as folder:
        pdf = Path(folder) / "charts.pdf"
        pdf.write_bytes(HTML(string=html).write_pdf())
        subprocess.run(  # noqa: S603
            [command, "-png", "-r", str(96 * SCALE), str(pdf), str(Path(folder) / "chart")],
            check=True, capture_output=True, timeout=120,
        )  # fmt: skip
        files = sorted(Path(folder).glob("chart-*.png"), key=lambda path: int(path.stem.rsplit("-", 1)[1]))
        images = [path.read_bytes() for path in files]
    return images if len(images) == len(svgs) else [None] * len(svgs)


def chart_size(svg):
    """Return the chart's width and height in CSS pixels."""
    return _size(svg)


def chart_text(svg):
    """Return the chart's title and description (its alternative text)."""
    title = _child(svg, "title")
    description = _child(svg, "desc")
    text = lambda element: " ".join((element.text or "").split()) if element is not None else ""  # noqa: E731
    return text(title), text(description)


def _child(element, name):
    return next((child for child in element if _local(child) == name), None)


def _descendants(element, name):
    return [child for child in element.iter() if _local(child) == name]


def _words(element):
    return " ".join("".join(element.itertext()).split())


def _bar_rows(svg):
    rows = []
    texts = [child for child in svg if _local(child) == "text"]
    for index, text in enumerate(texts):
        title = _child(text, "title")
        if text.get("text-anchor") != "end" or title is None or index + 1 >= len(texts):
            continue
        value = _words(texts[index + 1])
        share = SHARE.match(value)
        rows.append([_words(title), share.group(1), share.group(2)] if share else [_words(title), value])
    return rows


def _line_rows(svg):
    """Return a header and one row per period: each series' value at that period."""
    points = {}
    series = []
    for circle in _descendants(svg, "circle"):
        title = _child(circle, "title")
        if title is None or ": " not in _words(title):
            continue
        name, value = _words(title).rsplit(": ", 1)
        if name not in series:
            series.append(name)
        points.setdefault(round(float(circle.get("cx", 0)), 1), {})[name] = value
    labels = {
        round(float(text.get("x", 0)), 1): _words(text)
        for text in _descendants(svg, "text")
        if text.get("text-anchor") == "middle"
    }
    rows = [[labels.get(x, ""), *(points[x].get(name, "") for name in series)] for x in sorted(points)]
    return [_("Period"), *series], rows


def chart_table(svg):
    """Return a header and rows of the values the chart shows, or None when it shows none it can read."""
    if "axs-diagram" in (svg.get("class") or "").split():
        # A diagram (reports.diagrams) has no values: the list printed after it is its text alternative.
        return None
    rows = _bar_rows(svg)
    if rows:
        shares = any(len(row) == 3 for row in rows)
        header = [_("Category"), _("Value")] + (["%"] if shares else [])
        return header, [row + [""] * (len(header) - len(row)) for row in rows]
    header, rows = _line_rows(svg)
    return (header, rows) if rows else None
