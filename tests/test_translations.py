"""The Spanish catalogue is complete: every string of the interface has a translation."""

import ast
import re
from pathlib import Path

CATALOGUE = Path(__file__).resolve().parents[1] / "locale" / "es" / "LC_MESSAGES" / "django.po"


def read_entries(path):
    """Yield (flags, {field: text}) for each entry of a .po file."""
    flags, fields, current = set(), {}, None
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if not line.strip():
            if fields:
                yield flags, fields
            flags, fields, current = set(), {}, None
        elif line.startswith("#,"):
            flags |= {flag.strip() for flag in line[2:].split(",")}
        elif line.startswith("#"):
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
