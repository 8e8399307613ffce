"""Charts drawn on the server as inline SVG, for pages and for PDFs (WeasyPrint renders inline SVG).

No JavaScript and no external resources. Each chart is an image with a title and a description
for screen readers; pages show the same numbers in a table beside it, with the same rounding
(``axs_platform.figures``). This module imports no app.
"""

import hashlib
from dataclasses import dataclass
from xml.sax.saxutils import escape

from django.template.defaultfilters import floatformat
from django.utils.formats import number_format
from django.utils.safestring import mark_safe

from .figures import format_percent, percent

DEFAULT_COLOUR = "#0d6efd"
TEXT_COLOUR = "#212529"
TRACK_COLOUR = "#e9ecef"
FONT_FAMILY = "Noto Sans, Helvetica, Arial, sans-serif"
FONT_SIZE = 13
# A generous average advance of a character at FONT_SIZE (Noto Sans, DejaVu Sans): a label is
# wrapped so that each line fits its column even in the wider fallback fonts.
CHAR_WIDTH = 8.0
LINE_HEIGHT = 15


@dataclass(frozen=True)
class Bar:
    """One bar: its label, its value and, when a table beside it shows one, its share in percent."""

    label: str
    value: float
    colour: str = ""
    share: object = None
    lang: str = ""  # the label's language when it differs from the page's (a Spanish title in English)


def _figure(value):
    """Write a point's or a level's value as the tables beside the chart do: grouped, no needless decimals."""
    return floatformat(value, "-2g")


def escape_attribute(text):
    """Return ``text`` escaped for an attribute's value between double quotes."""
    return escape(str(text), {'"': "&quot;"})


def svg_open(key, title, description, width, height, *, prefix="chart", classes="axs-chart"):
    """Return the opening parts of an SVG image: its element, then its title and description for screen readers.

    The title's and the description's ids are ``prefix`` and a hash of ``key``: a page's images need distinct ids.
    """
    ident = f"{prefix}-" + hashlib.sha256(repr(key).encode()).hexdigest()[:10]
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" class="{classes}" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" aria-labelledby="{ident}-t {ident}-d" '
        f'font-family="{FONT_FAMILY}" font-size="{FONT_SIZE}">',
        f'<title id="{ident}-t">{escape(str(title))}</title>',
        f'<desc id="{ident}-d">{escape(str(description))}</desc>',
    ]


def svg_close(parts):
    """Close the SVG image that ``parts`` open (``svg_open``) and return it as safe HTML."""
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - callers escape every interpolated text.


def wrap_label(text, limit):
    """Split ``text`` into lines of at most ``limit`` characters, every word kept (none shortened).

    A word longer than a line (a long name) is broken across lines with a hyphen rather than cut.
    """
    pieces = []  # (text, whether it is the first part of a broken word: the line ends with it)
    for word in str(text).split():
        while len(word) > limit:
            pieces.append((word[: limit - 1] + "-", True))
            word = word[limit - 1 :]
        pieces.append((word, False))
    lines = []
    line_closed = True
    for piece, broken in pieces:
        if not line_closed and len(lines[-1]) + 1 + len(piece) <= limit:
            lines[-1] += " " + piece
        else:
            lines.append(piece)
        line_closed = broken
    return lines or [""]


def _share_text(bar, total):
    share = bar.share if bar.share is not None else percent(bar.value, total)
    return f" ({escape(format_percent(share))})"


def horizontal_bar_chart(
    bars, *, title, description="", total=None, shares=True, width=640, bar_height=22, label_width=220
):
    """Return an SVG of one horizontal bar per ``Bar``, with its value and its share.

    A bar's share is its own ``share`` when given (the figure of the table beside the chart), else
    its percentage of ``total`` (e.g. the respondents) or, without one, of the sum of the values. With
    ``shares=False`` a bar prints its value alone: bars that are not parts of one whole have no share.
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
    parts = svg_open((str(title), bars), title, description, width, height)
    y = gap
    for bar, lines, row in zip(bars, labels, rows, strict=True):
        bar_y = y + (row - bar_height) / 2
        middle = y + row / 2
        length = 0 if not largest else track_width * float(bar.value) / largest
        value_text = number_format(bar.value, decimal_pos=0 if float(bar.value).is_integer() else 1)
        first_line = middle - (len(lines) - 1) * LINE_HEIGHT / 2 + 4.5
        spans = "".join(
            f'<tspan x="{label_width - 8}" y="{first_line + index * LINE_HEIGHT:.1f}">{escape(line)}</tspan>'
            for index, line in enumerate(lines)
        )
        lang = f' lang="{escape_attribute(bar.lang)}"' if bar.lang else ""
        parts.append(
            f'<text text-anchor="end" fill="{TEXT_COLOUR}"{lang}><title>{escape(str(bar.label))}</title>{spans}</text>'
        )
        parts.append(
            f'<rect x="{label_width}" y="{bar_y:.1f}" width="{track_width}" height="{bar_height}" '
            f'fill="{TRACK_COLOUR}" rx="2"/>'
        )
        parts.append(
            f'<rect x="{label_width}" y="{bar_y:.1f}" width="{length:.1f}" height="{bar_height}" '
            f'fill="{escape_attribute(bar.colour or DEFAULT_COLOUR)}" rx="2"/>'
        )
        parts.append(
            f'<text x="{label_width + track_width + 8}" y="{middle + 4.5:.1f}" fill="{TEXT_COLOUR}">'
            f"{escape(value_text)}{_share_text(bar, total) if shares else ''}</text>"
        )
        y += row + gap
    return svg_close(parts)


@dataclass(frozen=True)
class Series:
    """One line of a line chart: its name, its points ``[(x index, value)]``, its colour, dashed or not."""

    label: str
    points: tuple
    colour: str = DEFAULT_COLOUR
    dashed: bool = False


@dataclass(frozen=True)
class Level:
    """A horizontal reference line across a line chart (a baseline, a target)."""

    label: str
    value: float
    colour: str = TEXT_COLOUR


def _y_range(series, levels):
    values = [float(v) for s in series for _x, v in s.points] + [float(level.value) for level in levels]
    low, high = min(values + [0.0]), max(values + [0.0])
    return low, (high if high > low else low + 1)


def line_chart(x_labels, series, *, title, description="", levels=(), width=640, height=280, key=""):
    """Return an SVG line chart: one line per ``Series`` over ``x_labels``, dashed ``Level`` lines, a legend.

    Values are drawn from the lowest (or 0) to the highest on the vertical axis; each point carries
    its value as a tooltip, and the page shows the same figures in a table.
    """
    left, right, top, legend_height = 70, 20, 16, 22 * (len(series) + len(levels))
    plot_height = height - top - 40
    total_height = height + legend_height
    plot_width = width - left - right
    low, high = _y_range(series, levels)
    steps = max(len(x_labels) - 1, 1)

    def x_at(index):
        return left + plot_width * index / steps if len(x_labels) > 1 else left + plot_width / 2

    def y_at(value):
        return top + plot_height * (1 - (float(value) - low) / (high - low))

    # ``key`` tells apart charts of one page whose title and figures are the same (ids must be unique).
    parts = svg_open((key, str(title), x_labels, series, levels), title, description, width, total_height)
    parts.append(
        f'<rect x="{left}" y="{top}" width="{plot_width}" height="{plot_height}" fill="none" stroke="{TRACK_COLOUR}"/>'
    )
    for value in (low, (low + high) / 2, high):
        parts.append(
            f'<text x="{left - 6}" y="{y_at(value) + 4.5:.1f}" text-anchor="end" fill="{TEXT_COLOUR}">'
            f"{escape(number_format(round(value, 1), decimal_pos=0 if float(value).is_integer() else 1))}</text>"
        )
    every = max(1, len(x_labels) // 12)
    for index, label in enumerate(x_labels):
        if index % every == 0 or index == len(x_labels) - 1:
            parts.append(
                f'<text x="{x_at(index):.1f}" y="{top + plot_height + 18}" text-anchor="middle" '
                f'fill="{TEXT_COLOUR}">{escape(str(label))}</text>'
            )
    for level in levels:
        parts.append(
            f'<line x1="{left}" x2="{left + plot_width}" y1="{y_at(level.value):.1f}" y2="{y_at(level.value):.1f}" '
            f'stroke="{escape_attribute(level.colour)}" stroke-dasharray="6 4" stroke-width="1.5"/>'
        )
    for line in series:
        coordinates = " ".join(f"{x_at(x):.1f},{y_at(v):.1f}" for x, v in line.points)
        dash = ' stroke-dasharray="3 3"' if line.dashed else ""
        if len(line.points) > 1:
            parts.append(
                f'<polyline points="{coordinates}" fill="none" stroke="{escape_attribute(line.colour)}" '
                f'stroke-width="2.5"{dash}/>'
            )
        for x, v in line.points:
            parts.append(
                f'<circle cx="{x_at(x):.1f}" cy="{y_at(v):.1f}" r="4" fill="{escape_attribute(line.colour)}">'
                f"<title>{escape(str(line.label))}: {escape(_figure(v))}</title></circle>"
            )
    y = height + 4
    for line in series:
        dash = ' stroke-dasharray="3 3"' if line.dashed else ""
        parts.append(
            f'<line x1="{left}" x2="{left + 28}" y1="{y:.1f}" y2="{y:.1f}" stroke="{escape_attribute(line.colour)}" '
            f'stroke-width="2.5"{dash}/><text x="{left + 36}" y="{y + 4.5:.1f}" fill="{TEXT_COLOUR}">'
            f"{escape(str(line.label))}</text>"
        )
        y += 22
    for level in levels:
        parts.append(
            f'<line x1="{left}" x2="{left + 28}" y1="{y:.1f}" y2="{y:.1f}" stroke="{escape_attribute(level.colour)}" '
            f'stroke-dasharray="6 4" stroke-width="1.5"/><text x="{left + 36}" y="{y + 4.5:.1f}" '
            f'fill="{TEXT_COLOUR}">{escape(str(level.label))}: {escape(_figure(level.value))}</text>'
        )
        y += 22
    return svg_close(parts)
