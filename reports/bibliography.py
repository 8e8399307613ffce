"""The one way a work is cited: an APA-like reference in the active language (Spanish or English).

``reference(entry)`` is used by the bibliography, the sources of the figures and the notes of the
data chapters, so a work reads the same everywhere. It reads the entry's fields only; imports no model.
"""

import unicodedata

from django.utils.formats import date_format
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

# Kinds whose day matters: the reference says which one (“[Comunicado de prensa, 6 de julio de 2016]”).
DATED_KINDS = {"press_release", "interview", "event"}


def _folded(text):
    """Text as a reader alphabetizes it: without accents and case ("Cámara" files before "Castellano")."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).casefold()


def in_reading_order(entries):
    """The entries as a bibliography lists them: by position, then author (title when none), year and letter.

    The model's ordering does the same in the database, but a database orders accented capitals by its
    collation (SQLite by code point: "Cámara" after "Castellano"); a bibliography is short, so it is
    sorted here, the same on every database.
    """
    return sorted(
        entries,
        key=lambda e: (e.position, _folded(e.authors.strip() or e.title), e.year or 0, e.year_suffix, e.pk),
    )


def _sentence(text):
    """End a piece with a full stop unless it ends with one already (or with ? or !)."""
    text = text.strip()
    return text if text.endswith((".", "?", "!")) else text + "."


def authors_text(authors):
    """Join “A; B; C” as “A, B y C” (Spanish) or “A, B, & C” (English), as APA does."""
    names = [name.strip() for name in authors.split(";") if name.strip()]
    if len(names) <= 1:
        return "".join(names)
    return _("%(names)s, & %(last)s") % {"names": ", ".join(names[:-1]), "last": names[-1]}


def year_text(entry):
    if not entry.year:
        return _("n.d.")
    return f"{entry.year}{entry.year_suffix}"


def reference(entry):
    """Return the entry's full reference as safe HTML (the title in italics)."""
    if not (entry.authors or entry.year or entry.place or entry.publisher or entry.url or entry.issued_on):
        # Kept from a single written citation that could not be split into fields: printed as written.
        return escape(entry.title)
    title = format_html("<em>{}</em>", entry.title.strip().rstrip("."))
    if entry.kind in DATED_KINDS and entry.issued_on:
        title = format_html("{} [{}, {}]", title, entry.get_kind_display(), date_format(entry.issued_on, "DATE_FORMAT"))
    year = f"({year_text(entry)})."
    if entry.authors:
        parts = [escape(_sentence(authors_text(entry.authors))), year, format_html("{}.", title)]
    else:
        parts = [format_html("{}.", title), year]
    where = ": ".join(piece for piece in (entry.place.strip(), entry.publisher.strip()) if piece)
    if where:
        parts.append(escape(_sentence(where)))
    if entry.url and entry.accessed_on:
        parts.append(
            escape(
                _("Retrieved on %(date)s from %(url)s")
                % {"date": date_format(entry.accessed_on, "DATE_FORMAT"), "url": entry.url}
            )
        )
    elif entry.url:
        parts.append(escape(entry.url))
    return mark_safe(" ".join(str(part) for part in parts))  # noqa: S308 - every piece is escaped above.
