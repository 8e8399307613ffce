"""Charts drawn on the server as inline SVG, for pages and for PDFs (WeasyPrint renders inline SVG).

No JavaScript and no external resources. Each chart is an image with a title and a description
for screen readers; pages show the same numbers in a table beside it. This module imports no app.
"""

import hashlib
from dataclasses import dataclass
from xml.sax.saxutils import escape

from django.utils.formats import number_format
from django.utils.safestring import mark_safe

DEFAULT_COLOUR = "#0d6efd"
TEXT_COLOUR = "#212529"
TRACK_COLOUR = "#e9ecef"


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    colour: str = ""


def _attr(text):
    return escape(str(text), {'"': "&quot;"})


def _shorten(text, limit):
    text = str(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _percent(value, total):
    return 0.0 if not total else 100.0 * float(value) / float(total)


def horizontal_bar_chart(bars, *, title, description="", total=None, width=640, bar_height=22, label_width=220):
    """Return an SVG of one horizontal bar per ``Bar``, with its value and its share of ``total``.

    ``total`` is what the percentages are of (e.g. the respondents); without it, the sum of values.
    """
    bars = [bar if isinstance(bar, Bar) else Bar(*bar) for bar in bars]
    total = sum(float(bar.value) for bar in bars) if total is None else total
    largest = max([float(bar.value) for bar in bars] + [0.0])
    gap = 8
    value_width = 110
    track_width = max(width - label_width - value_width, 40)
    height = max(len(bars), 1) * (bar_height + gap) + gap
    title_id = "chart-" + hashlib.sha256(repr((str(title), bars)).encode()).hexdigest()[:10]
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" class="axs-chart" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" aria-labelledby="{title_id}-t {title_id}-d" '
        f'font-family="Noto Sans, Helvetica, Arial, sans-serif" font-size="13">',
        f'<title id="{title_id}-t">{escape(str(title))}</title>',
        f'<desc id="{title_id}-d">{escape(str(description))}</desc>',
    ]
    for index, bar in enumerate(bars):
        y = gap + index * (bar_height + gap)
        middle = y + bar_height / 2 + 4.5
        length = 0 if not largest else track_width * float(bar.value) / largest
        share = _percent(bar.value, total)
        value_text = f"{number_format(bar.value, decimal_pos=0 if float(bar.value).is_integer() else 1)}"
        share_text = f"{number_format(share, decimal_pos=1)} %"
        parts.append(
            f'<text x="{label_width - 8}" y="{middle:.1f}" text-anchor="end" fill="{TEXT_COLOUR}">'
            f"{escape(_shorten(bar.label, 34))}</text>"
        )
        parts.append(
            f'<rect x="{label_width}" y="{y}" width="{track_width}" height="{bar_height}" '
            f'fill="{TRACK_COLOUR}" rx="2"/>'
        )
        parts.append(
            f'<rect x="{label_width}" y="{y}" width="{length:.1f}" height="{bar_height}" '
            f'fill="{_attr(bar.colour or DEFAULT_COLOUR)}" rx="2"/>'
        )
        parts.append(
            f'<text x="{label_width + track_width + 8}" y="{middle:.1f}" fill="{TEXT_COLOUR}">'
            f"{escape(value_text)} ({escape(share_text)})</text>"
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every interpolated text is escaped above.
