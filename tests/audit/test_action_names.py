"""Every action the code records has a name: the audit page shows it, and its filter offers it."""

import re
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType

from audit.forms import AuditFilterForm
from audit.labels import action_label, named_actions
from projects.models import Proposal

OWN_APPS = [config for config in apps.get_app_configs() if Path(config.path).parent == settings.BASE_DIR]
# A code written literally where an action is given: ``action="projects.voted"`` (conditional ones included).
LABELS = "|".join(["auth", *(config.label for config in OWN_APPS)])
RECORDED = re.compile(rf"""["']((?:{LABELS})\.[a-z_]+)["']""")


def recorded_codes():
    found = {}
    for config in OWN_APPS:
        for path in Path(config.path).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if re.search(r"\baction\s*=", line):
                    for code in RECORDED.findall(line):
                        found.setdefault(code, f"{path.relative_to(settings.BASE_DIR)}:{number}")
    return found


def test_the_scan_finds_the_actions_written_in_the_code():
    codes = recorded_codes()
    assert {"projects.voted", "monitoring.evidence_removed", "committees.calendar_feed_renewed"} <= set(codes)


def test_every_action_written_in_the_code_is_named():
    unnamed = {code: where for code, where in recorded_codes().items() if code not in named_actions()}
    assert unnamed == {}


@pytest.mark.django_db
def test_the_filter_offers_every_named_action_by_its_name_without_reading_the_trail(django_assert_num_queries):
    with django_assert_num_queries(1):  # the object types; the actions come from the code
        form = AuditFilterForm()
    offered = dict(form.fields["action"].choices)
    assert set(offered) - {""} == named_actions()
    assert offered["monitoring.evidence_removed"] == str(action_label("monitoring.evidence_removed"))
    types = [ContentType.objects.get_for_id(pk) for pk, _label in form.fields["target_type"].choices if pk]
    assert ContentType.objects.get_for_model(Proposal) in types
    assert not {kind.app_label for kind in types} & {"auth", "sessions", "admin", "contenttypes"}
