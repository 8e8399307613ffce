"""The report's figures and tables, numbered in reading order ("Figura 3", "Cuadro 1") for captions and contents.

Only what the period's data draws gets a number, so the numbers have no gaps. Reads the report's data
and charts; writes nothing; imports no app.
"""

from django.utils.translation import gettext as _


def number_exhibits(data, charts):
    """Return ``{key: {"label", "caption", "anchor"}}`` and the same entries in order, for the contents."""
    survey = data["survey"]
    candidates = [
        ("figure", "participation", "participation" in charts, _("Organizations at each plenary session")),
        ("table", "plenaries", bool(data["plenaries"]), _("Plenary sessions and the organizations counted")),
        ("figure", "response_rate", "response_rate" in charts, _("Response rate of the priorities survey")),
        ("table", "response_rate", survey is not None, _("Invitations and responses of the priorities survey")),
        ("figure", "sdg_ranking", "sdg_ranking" in charts, _("Priority SDGs chosen by the organizations")),
        ("table", "sdg_ranking", bool(survey and survey["ranking"]), _("Respondents who chose each SDG")),
        ("table", "committees", bool(data["committees"]), _("Working committees")),
        ("table", "sources", True, _("Figures recorded from documents and their sources")),
    ]
    counters = {"figure": 0, "table": 0}
    numbered = {}
    ordered = []
    for kind, key, present, caption in candidates:
        if not present:
            continue
        counters[kind] += 1
        number = counters[kind]
        label = (_("Figure %(number)s") if kind == "figure" else _("Table %(number)s")) % {"number": number}
        entry = {"label": label, "caption": caption, "anchor": f"{kind}-{key}", "kind": kind}
        numbered[f"{kind}_{key}"] = entry
        ordered.append(entry)
    return numbered, ordered
