"""The small, safe markup of the report's narrative: a Markdown subset, rendered then sanitized.

markdown-it-py (CommonMark, raw HTML off) with the footnote plugin of mdit-py-plugins renders
headings, emphasis, lists, links, quotes and footnotes; nh3 keeps only the tags and attributes
listed here, so nothing an editor types can run in a page or a PDF. Headings start one level below
the heading the text sits under (a chapter's h2 or a section's h3), and none skips a level. A report
numbers its notes once across all its texts: each text's notes start at the number it is given. Imports no app.
"""

from typing import NamedTuple

import nh3
from django.utils.html import escape
from django.utils.translation import gettext as _
from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.footnote import footnote_plugin

TAGS = {"p", "em", "strong", "ul", "ol", "li", "blockquote", "a", "h3", "h4", "h5", "h6", "sup", "section", "hr", "br"}
ATTRIBUTES = {
    "a": {"href", "id", "aria-label"},
    "ol": {"start"},
    "li": {"id"},
    "sup": {"class"},
    "section": {"class"},
    "hr": {"class"},
}

_markdown = MarkdownIt("commonmark", {"html": False, "linkify": False}).use(footnote_plugin)


def _note_number(self, tokens, idx, options, env):
    """Number a note from the text's first number (``env["start"]``), not from 1."""
    return str(tokens[idx].meta["id"] + env.get("start", 1))


def _note_call(self, tokens, idx, options, env):
    """Call a note by its number in superscript, as the figures' notes are called, and name it for a screen reader.

    The plugin's call is "[40]" (and "[40:1]" for the second call of note 40); a call repeated keeps its own id.
    """
    number = _note_number(self, tokens, idx, options, env)
    call = number + (f":{tokens[idx].meta['subId']}" if tokens[idx].meta.get("subId", -1) > 0 else "")
    label = escape(_("Note %(number)s") % {"number": number})
    return f'<sup class="footnote-ref"><a href="#fn{number}" id="fnref{call}" aria-label="{label}">{number}</a></sup>'


def _notes_open(self, tokens, idx, options, env):
    """Open the text's list of notes at its first note's number."""
    start = env.get("start", 1)
    opening = f'<ol start="{start}">' if start > 1 else "<ol>"
    return f'<hr class="footnotes-sep">\n<section class="footnotes">\n{opening}\n'


def _back_link(self, tokens, idx, options, env):
    """Link a note back to its call with a name a screen reader can say (the plugin's is a bare arrow)."""
    number = self.rules["footnote_anchor_name"](tokens, idx, options, env)
    call = number + (f":{tokens[idx].meta['subId']}" if tokens[idx].meta["subId"] > 0 else "")
    label = _("Back to the call of note %(number)s") % {"number": number}
    return f' <a href="#fnref{call}" aria-label="{escape(label)}">↩</a>'


def _lead(state):
    """Put the lead (a finding's title) before the text as its first paragraph: its notes are called first."""
    if state.env.get("lead"):
        inline = Token("inline", "", 0, content=state.env["lead"], children=[], block=True)
        paragraph = [Token("paragraph_open", "p", 1, block=True), inline, Token("paragraph_close", "p", -1, block=True)]
        state.tokens[:0] = paragraph


_markdown.add_render_rule("footnote_anchor_name", _note_number)
_markdown.add_render_rule("footnote_ref", _note_call)
_markdown.add_render_rule("footnote_block_open", _notes_open)
_markdown.add_render_rule("footnote_anchor", _back_link)
_markdown.core.ruler.after("block", "lead", _lead)


def _shift_headings(tokens, top):
    """Put "#" at level ``top`` and each heading at most one level below the one before: none is skipped."""
    previous = top - 1
    for token in tokens:
        if token.type == "heading_open":
            level = min(top + int(token.tag[1]) - 1, previous + 1, 6)
            previous = level
        if token.type in ("heading_open", "heading_close"):
            token.tag = f"h{level}"
    return tokens


def _clean(html, prefix):
    html = html.replace('"#fn', f'"#{prefix}-fn').replace('id="fn', f'id="{prefix}-fn')
    return nh3.clean(html, tags=TAGS, attributes=ATTRIBUTES, url_schemes={"http", "https", "mailto"},
                     link_rel="noopener noreferrer")  # fmt: skip


class Rendered(NamedTuple):
    """A text rendered as safe HTML: its lead's inline HTML, its own HTML and how many notes it numbered."""

    lead: str
    html: str
    notes: int


def render_notes(text, *, prefix="note", top=3, start=1, lead=""):
    """Render a text whose notes are numbered from ``start``; ``lead`` is a line printed apart before it.

    The lead (a finding's title, plain text or inline markup) may call notes the text defines: they come first.
    """
    if not (text and text.strip()) and not lead:
        return Rendered("", "", 0)
    environment = {"start": start, "lead": lead}
    tokens = _shift_headings(_markdown.parse(text or "", environment), top)
    notes = len(environment.get("footnotes", {}).get("list", {}))
    if not lead:
        return Rendered("", _clean(_markdown.renderer.render(tokens, _markdown.options, environment), prefix), notes)
    lead_html = _markdown.renderer.renderInline(tokens[1].children, _markdown.options, environment)
    html = _markdown.renderer.render(tokens[3:], _markdown.options, environment)
    return Rendered(_clean(lead_html, prefix), _clean(html, prefix).strip() if html.strip() else "", notes)


def render_markup(text, prefix="note", top=3, start=1):
    """Return the safe HTML of a narrative text (an empty string for an empty text).

    ``top`` is the level of the text's "#" headings: one below the heading the text sits under.
    Footnote anchors carry ``prefix`` so that several texts of one document keep distinct ids; the notes are
    numbered from ``start``.
    """
    return render_notes(text, prefix=prefix, top=top, start=start).html
