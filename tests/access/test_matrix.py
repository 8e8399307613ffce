"""The role × URL matrix: every URL pattern of the platform, asked by each of nine roles, answers as ``rules.py`` says.

The patterns come from the URL resolver, so a new URL without a rule fails ``test_every_url_has_a_rule``.
The answers come from the views (their permission predicates), never from this file: the world is built
once (``world.py``), each role signs in once, and every rule's URL is asked with GET (a few, whose
answer must come before any write, with an empty POST). A disagreement is
reported for every cell at once, with what the table expects and what the view answered.

Set ``AXS_MATRIX_DUMP=<file>`` to write the answers in the table's own notation (to review a new rule).
"""

import os

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from .rules import ADMIN_NAMESPACE, RULES, key_of
from .world import ROLES, build


def patterns(resolvers=None, namespace=None, prefix=""):
    """Yield ``(key, route)`` for every URL pattern the platform answers, Django's admin taken as one entry."""
    for entry in get_resolver().url_patterns if resolvers is None else resolvers:
        if isinstance(entry, URLResolver):
            if entry.app_name == ADMIN_NAMESPACE:
                yield "admin:index", prefix + str(entry.pattern)
                continue
            yield from patterns(entry.url_patterns, entry.namespace or namespace, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield key_of(namespace, entry.name, prefix + str(entry.pattern)), prefix + str(entry.pattern)


def test_every_url_has_a_rule():
    ruled = {rule.name for rule in RULES}
    missing = sorted({key for key, _route in patterns()} - ruled)
    assert not missing, "\n".join(f"add a rule for {key} to tests/access/rules*.py" for key in missing)
    # A pattern with no name may exist in one mode only (the logos' route, with DEBUG on).
    unknown = sorted(ruled - {key for key, _route in patterns()} - {n for n in ruled if n.startswith("route:")})
    assert not unknown, f"rules for URLs that no longer exist: {unknown}"


def outcome(response):
    """Name an answer as the table does: 200, 403, 404, 405, L (sent to sign in) or R (sent elsewhere)."""
    if response.status_code in (301, 302):
        return "L" if response["Location"].startswith(reverse("accounts:login")) else "R"
    return str(response.status_code)


@pytest.mark.django_db
def test_each_role_gets_what_the_rules_say(demo, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    people, objects = build()
    clients = {}
    for role in ROLES:
        clients[role] = Client()
        if people[role] is not None:
            clients[role].force_login(people[role])
    wrong, dump = [], []
    for rule in RULES:
        url = rule.url(objects)
        answers = [outcome(getattr(clients[role], rule.method)(url)) for role in ROLES]
        dump.append(rule.notation(answers))
        expected = rule.expected.split()
        for role, want, got in zip(ROLES, expected, answers, strict=True):
            if want != got:
                why = f" [{rule.why}]" if rule.why else ""
                wrong.append(f"{rule.label}: {role} expected {want}, got {got} ({url}){why}")
    if os.environ.get("AXS_MATRIX_DUMP"):
        with open(os.environ["AXS_MATRIX_DUMP"], "w", encoding="utf-8") as out:
            out.write("\n".join(dump) + "\n")
    assert not wrong, f"{len(wrong)} cells disagree with tests/access/rules.py:\n" + "\n".join(wrong)
