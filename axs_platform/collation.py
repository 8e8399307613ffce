"""Spanish alphabetical order as a stored key that any database sorts, and an index serves.

``spanish_sort_key`` turns a name into a key whose plain byte order is the Spanish order: case
and accents are ignored ("Águila" sorts with "aguila"), and ñ is a letter after n ("Nube" before
"Ñandú"). SQLite compares text byte by byte; PostgreSQL does under ``BYTE_COLLATION`` ("C"),
whatever the database's own collation, so both give one order.
"""

import unicodedata

BYTE_COLLATION = "C"
# Sorts after every lower-case ASCII letter: "n" followed by it comes after any "nz…".
AFTER_N = "n{"


def spanish_sort_key(text):
    """Return ``text`` lower-cased without accents, with ñ placed after n."""
    text = str(text).strip().lower().replace("ñ", "\0")
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return text.replace("\0", AFTER_N)
