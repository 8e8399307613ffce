"""Charts drawn on the server as inline SVG, for pages and for PDFs (WeasyPrint renders inline SVG).

No JavaScript and no external resources. Each chart is an image with a title and a description
for screen readers; pages show the same numbers in a table beside it, with the same rounding
(``axs_platform.figures``). This module imports no app.
"""

import hashlib
from dataclasses import dataclass
from xml.sax.saxutils import escape

from django.utils.formats import number_format
from django.utils.safestring import mark_safe

from .figures import format_percent, percent

DEFAULT_COLOUR = "#0d6efd"
TEXT_COLOUR = "#212529"
TRACK_COLOUR = "#e9ecef"
FONT_SIZE = 13
# A generous average advance of a character at FONT_SIZE (Noto Sans, DejaVu Sans): a label is
# wrapped and shortened so that it fits its column even in the wider fallback fonts.
CHAR_WIDTH = 8.0
LINE_HEIGHT = 15
LABEL_LINES = 2


@dataclass(frozen=True)
class Bar:
    """One bar: its label, its value and, when a table beside it shows one, its share in percent."""

    label: str
    value: float
    colour: str = ""
    share: object = None
    lang: str = ""  # the label's language when it differs from the page's (a Spanish title in English)


def _attr(text):
    return escape(str(text), {'"': "&quot;"})


def wrap_label(text, limit, lines=LABEL_LINES):
    """Split ``text`` into at most ``lines`` lines of at most ``limit`` characters, ending in … if cut."""
    words = str(text).split()
    result = []
    while words and len(result) < lines:
        line = words.pop(0)
        while words and len(line) + 1 + len(words[0]) <= limit:
            line += " " + words.pop(0)
        result.append(line)
    result = [line if len(line) <= limit else line[: limit - 1] + "…" for line in result] or [""]
    if words and not result[-1].endswith("…"):
        result[-1] = result[-1][: limit - 1] + "…"
    return result


def horizontal_bar_chart(bars, *, title, description="", total=None, width=640, bar_height=22, label_width=220):
    """Return an SVG of one horizontal bar per ``Bar``, with its value and its share.

    A bar's share is its own ``share`` when given (the figure of the table beside the chart), else
    its percentage of ``total`` (e.g. the respondents) or, without one, of the sum of the values.
    """
    bars = [bar if isinstance(bar, Bar) else Bar(*bar) for bar in bars]
    total = sum(float(bar.value) for bar in bars) if total is None else total
    largest = max([float(bar.value) for bar in bars] + [0.0])
    gap = 8
    value_width = 120
    track_width = max(width - label_width - value_width, 40)
    limit = max(int((label_width - 12) // CHAR_WIDTH), 4)
    labels = [wrap_label(bar.label, limit) for bar in bars]
    rows = [max(bar_height, len(lines) * LINE_HEIGHT + 4) for lines in labels]
    height = sum(row + gap for row in rows) + gap if bars else bar_height + 2 * gap
    title_id = "chart-" + hashlib.sha256(repr((str(title), bars)).encode()).hexdigest()[:10]
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" class="axs-chart" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" aria-labelledby="{title_id}-t {title_id}-d" '
        f'font-family="Noto Sans, Helvetica, Arial, sans-serif" font-size="{FONT_SIZE}">',
        f'<title id="{title_id}-t">{escape(str(title))}</title>',
        f'<desc id="{title_id}-d">{escape(str(description))}</desc>',
    ]
    y = gap
    for bar, lines, row in zip(bars, labels, rows, strict=True):
        bar_y = y + (row - bar_height) / 2
        middle = y + row / 2
        length = 0 if not largest else track_width * float(bar.value) / largest
        share = bar.share if bar.share is not None else percent(bar.value, total)
        value_text = number_format(bar.value, decimal_pos=0 if float(bar.value).is_integer() else 1)
        first_line = middle - (len(lines) - 1) * LINE_HEIGHT / 2 + 4.5
        spans = "".join(
            f'<tspan x="{label_width - 8}" y="{first_line + index * LINE_HEIGHT:.1f}">{escape(line)}</tspan>'
            for index, line in enumerate(lines)
        )
        lang = f' lang="{_attr(bar.lang)}"' if bar.lang else ""
        parts.append(
            f'<text text-anchor="end" fill="{TEXT_COLOUR}"{lang}><title>{escape(str(bar.label))}</title>{spans}</text>'
        )
        parts.append(
            f'<rect x="{label_width}" y="{bar_y:.1f}" width="{track_width}" height="{bar_height}" '
            f'fill="{TRACK_COLOUR}" rx="2"/>'
        )
        parts.append(
            f'<rect x="{label_width}" y="{bar_y:.1f}" width="{length:.1f}" height="{bar_height}" '
            f'fill="{_attr(bar.colour or DEFAULT_COLOUR)}" rx="2"/>'
        )
        parts.append(
            f'<text x="{label_width + track_width + 8}" y="{middle + 4.5:.1f}" fill="{TEXT_COLOUR}">'
            f"{escape(value_text)} ({escape(format_percent(share))})</text>"
        )
        y += row + gap
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every interpolated text is escaped above.
