"""The small, safe markup of the report's narrative: a Markdown subset, rendered then sanitized.

markdown-it-py (CommonMark, raw HTML off) with the footnote plugin of mdit-py-plugins renders
headings, emphasis, lists, links, quotes and footnotes; nh3 keeps only the tags and attributes
listed here, so nothing an editor types can run in a page or a PDF. Headings start one level below
the heading the text sits under (a chapter's h2 or a section's h3), and none skips a level. Imports no app.
"""

import nh3
from django.utils.html import escape
from django.utils.translation import gettext as _
from markdown_it import MarkdownIt
from mdit_py_plugins.footnote import footnote_plugin

TAGS = {"p", "em", "strong", "ul", "ol", "li", "blockquote", "a", "h3", "h4", "h5", "h6", "sup", "section", "hr", "br"}
ATTRIBUTES = {"a": {"href", "id", "aria-label"}, "li": {"id"}, "sup": {"class"}, "section": {"class"}, "hr": {"class"}}

_markdown = MarkdownIt("commonmark", {"html": False, "linkify": False}).use(footnote_plugin)


def _back_link(self, tokens, idx, options, env):
    """Link a note back to its call with a name a screen reader can say (the plugin's is a bare arrow)."""
    number = self.rules["footnote_anchor_name"](tokens, idx, options, env)
    call = number + (f":{tokens[idx].meta['subId']}" if tokens[idx].meta["subId"] > 0 else "")
    label = _("Back to the call of note %(number)s") % {"number": number}
    return f' <a href="#fnref{call}" aria-label="{escape(label)}">↩</a>'


_markdown.add_render_rule("footnote_anchor", _back_link)


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


def render_markup(text, prefix="note", top=3):
    """Return the safe HTML of a narrative text (an empty string for an empty text).

    ``top`` is the level of the text's "#" headings: one below the heading the text sits under.
    Footnote anchors carry ``prefix`` so that several texts of one document keep distinct ids.
    """
    if not text or not text.strip():
        return ""
    environment = {}
    tokens = _shift_headings(_markdown.parse(text, environment), top)
    html = _markdown.renderer.render(tokens, _markdown.options, environment)
    html = html.replace('"#fn', f'"#{prefix}-fn').replace('id="fn', f'id="{prefix}-fn')
    return nh3.clean(html, tags=TAGS, attributes=ATTRIBUTES, url_schemes={"http", "https", "mailto"},
                     link_rel="noopener noreferrer")  # fmt: skip
