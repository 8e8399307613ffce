"""The Spanish catalogue is complete: every string of the interface has a translation."""

import ast
import re
from pathlib import Path

CATALOGUE = Path(__file__).resolve().parents[1] / "locale" / "es" / "LC_MESSAGES" / "django.po"


def read_entries(path):
    """Yield (flags, {field: text}) for each entry of a .po file."""
    flags, fields, current = set(), {}, None
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        # An entry ends at a blank line, or where the next one starts right after its msgstr.
        translated = any(key.startswith("msgstr") for key in fields)
        if not line.strip() or (translated and line[:1] in "#m" and not line.startswith("msgstr")):
            if fields:
                yield flags, fields
            flags, fields, current = set(), {}, None
        if line.startswith("#,"):
            flags |= {flag.strip() for flag in line[2:].split(",")}
        elif line.startswith("#") or not line.strip():
            continue
        elif line.startswith('"'):
            fields[current] += ast.literal_eval(line)
        else:
            current, _space, text = line.partition(" ")
            fields[current] = ast.literal_eval(text)


def test_every_string_is_translated_and_none_is_fuzzy():
    untranslated, fuzzy = [], []
    for flags, fields in read_entries(CATALOGUE):
        if fields.get("msgid") == "":
            continue
        if "fuzzy" in flags:
            fuzzy.append(fields["msgid"])
        translations = [text for key, text in fields.items() if key.startswith("msgstr")]
        if not translations or not all(translations):
            untranslated.append(fields["msgid"])
    assert untranslated == []
    assert fuzzy == []


def test_placeholders_survive_translation():
    placeholder = re.compile(r"%\(\w+\)[sd]|\{\{ *\w+ *\}\}")
    mismatched = []
    for _flags, fields in read_entries(CATALOGUE):
        expected = sorted(placeholder.findall(fields.get("msgid", "") + fields.get("msgid_plural", "")))
        for key, text in fields.items():
            if key.startswith("msgstr") and fields.get("msgid"):
                found = sorted(set(placeholder.findall(text)))
                if not set(found) <= set(expected) or (
                    not fields.get("msgid_plural") and found != sorted(set(expected))
                ):
                    mismatched.append(fields["msgid"])
    assert mismatched == []


ROOT = CATALOGUE.parents[3]
SKIPPED = {".venv", "node_modules", "bench", "tests", "migrations", "media", "staticfiles"}
TRANSLATE_TAG = re.compile(
    r"""\{%\s*(?:translate|trans)\s+(?P<q>["'])(?P<msgid>.*?)(?P=q)"""
    r"""(?:\s+context\s+(?P<cq>["'])(?P<context>.*?)(?P=cq))?"""
)
GETTEXT = {"_", "gettext", "gettext_lazy", "gettext_noop", "ngettext", "ngettext_lazy"}
PGETTEXT = {"pgettext", "pgettext_lazy", "npgettext", "npgettext_lazy"}


def project_files(pattern):
    for path in ROOT.rglob(pattern):
        if not SKIPPED & set(path.relative_to(ROOT).parts):
            yield path


def literal_msgids():
    """Yield (context, msgid, where) for each literal the interface translates."""
    for path in project_files("*.html"):
        for match in TRANSLATE_TAG.finditer(path.read_text(encoding="utf-8")):
            # The tag doubles percent signs before asking the catalogue, as makemessages writes them.
            yield match["context"] or "", match["msgid"].replace("%", "%%"), path.name
    for path in project_files("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name | ast.Attribute):
                continue
            name = node.func.id if isinstance(node.func, ast.Name) else node.func.attr
            texts = [arg.value if isinstance(arg, ast.Constant) else None for arg in node.args[:2]]
            if name in GETTEXT and texts and isinstance(texts[0], str):
                yield "", texts[0], path.name
            elif name in PGETTEXT and len(texts) == 2 and all(isinstance(text, str) for text in texts):
                yield texts[0], texts[1], path.name


def test_every_literal_the_interface_translates_is_in_the_catalogue():
    known = {(fields.get("msgctxt", ""), fields.get("msgid")) for _flags, fields in read_entries(CATALOGUE)}
    missing = sorted({(msgid, where) for context, msgid, where in literal_msgids() if (context, msgid) not in known})
    assert missing == []
