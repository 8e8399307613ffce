"""Spanish alphabetical order where the database has no Spanish collation (SQLite, the embedded demo).

``spanish_sort_key`` turns a name into a key whose plain byte order is the Spanish order: case
and accents are ignored ("Águila" sorts with "aguila"), and ñ is a letter after n ("Nube" before
"Ñandú"). PostgreSQL sorts with its ICU collation instead (``SPANISH_COLLATION``).
"""

import unicodedata

SPANISH_COLLATION = "es-MX-x-icu"
# Sorts after every lower-case ASCII letter: "n" followed by it comes after any "nz…".
AFTER_N = "n{"


def spanish_sort_key(text):
    """Return ``text`` lower-cased without accents, with ñ placed after n."""
    text = str(text).strip().lower().replace("ñ", "\0")
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return text.replace("\0", AFTER_N)
