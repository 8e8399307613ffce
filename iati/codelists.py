"""The IATI codelists the project ships: the embedded ones copied with the schemas, and the few codes of others.

Reads only files inside the app (``schemas/codelists/`` and ``data/codelists/``); imports no app.
"""

from functools import cache
from pathlib import Path

from django.utils import translation
from lxml import etree

HERE = Path(__file__).resolve().parent
FOLDERS = (HERE / "schemas" / "codelists", HERE / "data" / "codelists")
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@cache
def _items(name):
    for folder in FOLDERS:
        path = folder / f"{name}.xml"
        if path.exists():
            tree = etree.parse(str(path))
            return tuple(
                (item.findtext("code"), {n.get(XML_LANG, "en"): n.text for n in item.iterfind("name/narrative")})
                for item in tree.iterfind("codelist-items/codelist-item")
            )
    raise LookupError(f"No IATI codelist named {name} is shipped.")


def codes(name):
    """Return the codes of a shipped codelist, such as ``codes("OrganisationRole")``."""
    return frozenset(code for code, _names in _items(name))


def label(name, code):
    """Return a code's name in the active language when the list has it, in English otherwise."""
    language = (translation.get_language() or "es")[:2]
    for item_code, names in _items(name):
        if item_code == code:
            return names.get(language) or names.get("en") or code
    return code


def dac_choices():
    """Return the DAC 5-digit purpose codes staff may give a project, as form choices."""
    return [(code, f"{code} · {label('Sector', code)}") for code, _names in _items("Sector")]
