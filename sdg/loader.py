"""Load the shipped SDG framework into the database; running it again changes nothing.

Works with the real models and with a migration's historical models alike.
"""

import json
from pathlib import Path

DATA_FILE = Path(__file__).resolve().parent / "data" / "sdg_es_en.json"


def read_framework(path=DATA_FILE):
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def load_framework(Goal, Target, Indicator, data=None):
    """Insert or update every goal, target and indicator by its code; return the counts."""
    data = data or read_framework()
    Goal.objects.bulk_create(
        [
            Goal(
                number=goal["number"],
                code=goal["code"],
                title_es=goal["title_es"],
                title_en=goal["title_en"],
                short_title_es=goal["short_title_es"],
                short_title_en=goal["short_title_en"],
                color=goal["color"],
            )
            for goal in data["goals"]
        ],
        update_conflicts=True,
        unique_fields=["code"],
        update_fields=["number", "title_es", "title_en", "short_title_es", "short_title_en", "color"],
    )
    goal_ids = dict(Goal.objects.values_list("number", "id"))
    Target.objects.bulk_create(
        [
            Target(
                goal_id=goal_ids[target["goal"]],
                code=target["code"],
                position=position,
                title_es=target["title_es"],
                title_en=target["title_en"],
            )
            for position, target in enumerate(data["targets"], start=1)
        ],
        update_conflicts=True,
        unique_fields=["code"],
        update_fields=["goal", "position", "title_es", "title_en"],
    )
    target_ids = dict(Target.objects.values_list("code", "id"))
    Indicator.objects.bulk_create(
        [
            Indicator(
                target_id=target_ids[indicator["target"]],
                code=indicator["code"],
                position=position,
                unsd_code=indicator["unsd_code"],
                title_es=indicator["title_es"],
                title_en=indicator["title_en"],
            )
            for position, indicator in enumerate(data["indicators"], start=1)
        ],
        update_conflicts=True,
        unique_fields=["code"],
        update_fields=["target", "position", "unsd_code", "title_es", "title_en"],
    )
    return {"goals": len(data["goals"]), "targets": len(data["targets"]), "indicators": len(data["indicators"])}
