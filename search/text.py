"""Accent folding and snippets: the text side of the search, the same on every database.

Imports nothing of ours. ``fold`` is what the SQLite fallback matches and the trigram index compares;
``snippet`` cuts a window around the first hit and marks the hits, escaping everything else.
"""

import functools
import re
import unicodedata
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import mark_safe

SNIPPET_CHARS = 220
SNIPPET_SCAN = 4000  # a snippet looks for its hit in this many characters (long minutes cost no more)
WORD = re.compile(r"\w+", re.UNICODE)


@functools.lru_cache(maxsize=4096)
def fold_char(char):
    """Return ``char`` lower-cased without its accents (``É`` → ``e``, ``ñ`` → ``n``)."""
    decomposed = unicodedata.normalize("NFKD", char.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fold(text):
    """Return ``text`` lower-cased without accents, for matching that ignores both."""
    return "".join(fold_char(c) for c in text or "")


def _folded_with_offsets(text):
    """Return the folded text and, for each of its characters, the offset of the original character.

    The offsets are None when every character folds to exactly one (nearly always): they are the identity.
    """
    pieces = list(map(fold_char, text))
    folded = "".join(pieces)
    if len(folded) == len(text):
        return folded, None
    offsets = [position for position, piece in enumerate(pieces) for _char in piece]
    return folded, offsets


# A term of the query: a "quoted phrase" or a word, either one excluded by a leading "-".
QUERY_TERM = re.compile(r'(-?)"([^"]*)"?|(-?)([^\s"]+)')


@dataclass(frozen=True)
class Term:
    words: tuple  # folded; more than one: they must follow each other
    excluded: bool


def parse_query(query):
    """Return the query as alternatives (any one matches), each a list of ``Term`` (all must hold).

    The syntax of PostgreSQL's ``websearch_to_tsquery`` (docs/search.md): words, "quoted phrases",
    ``-word`` or ``-"phrase"`` to exclude, and ``or`` between alternatives.
    """
    alternatives = [[]]
    for found in QUERY_TERM.finditer(query):
        phrase_sign, phrase, word_sign, word = found.groups()
        text = phrase if phrase is not None else word
        if phrase is None and not word_sign and fold(word) == "or":
            if alternatives[-1]:
                alternatives.append([])
            continue
        words = tuple(WORD.findall(fold(text)))
        if words:
            alternatives[-1].append(Term(words, bool(phrase_sign if phrase is not None else word_sign)))
    return [terms for terms in alternatives if terms]


def terms(query):
    """Return the words the query looks for, folded, longest first (so a longer hit is marked, not its prefix)."""
    words = {w for found in parse_query(query) for term in found if not term.excluded for w in term.words if len(w) > 1}
    return sorted(words, key=len, reverse=True)


def _hits(text, words):
    """Return the (start, end) spans in ``text`` where a word of the query (or its first five letters) occurs."""
    folded, offsets = _folded_with_offsets(text)
    original = (lambda index: index) if offsets is None else offsets.__getitem__
    stems = sorted({w[:5] if len(w) > 5 else w for w in words}, key=len, reverse=True)
    spans = []
    for stem in stems:
        for found in re.finditer(re.escape(stem), folded):
            start = original(found.start())
            end = original(found.end() - 1) + 1
            while end < len(text) and text[end].isalnum():
                end += 1
            while start > 0 and text[start - 1].isalnum():
                start -= 1
            spans.append((start, end))
    merged = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def highlight(text, query):
    """Return ``text`` escaped, with the query's words inside ``<mark>``."""
    spans = _hits(text, terms(query))
    out, last = [], 0
    for start, end in spans:
        out.append(escape(text[last:start]))
        out.append(f"<mark>{escape(text[start:end])}</mark>")
        last = end
    out.append(escape(text[last:]))
    return mark_safe("".join(out))  # noqa: S308 (every piece of the text went through escape)


def snippet(text, query, length=SNIPPET_CHARS):
    """Return about ``length`` characters of ``text`` around its first hit, escaped, hits marked.

    Only the first ``SNIPPET_SCAN`` characters are read: a hit further on shows the text's beginning.
    """
    text = " ".join((text or "")[:SNIPPET_SCAN].split())
    spans = _hits(text, terms(query))
    if len(text) <= length:
        return highlight(text, query)
    start = max(0, spans[0][0] - length // 3) if spans else 0
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < spans[0][0] else start
    end = min(len(text), start + length)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    window = text[start:end]
    prefix = "… " if start else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(escape(prefix) + highlight(window, query) + escape(suffix))  # noqa: S308
