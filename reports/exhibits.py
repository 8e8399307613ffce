"""The report's figures and tables, numbered in reading order ("Figura 3", "Cuadro 1") for captions and contents.

Only what the period's data draws gets a number, so the numbers have no gaps. Reads the report's data
and charts; writes nothing; imports no app.
"""

from django.utils.translation import gettext as _


def number_exhibits(data, charts, diagrams=None):
    """Return ``{key: {"label", "caption", "anchor"}}`` and the same entries in order, for the contents.

    The candidates are listed in the order the report prints them (its chapters and stages): the timeline of the
    cooperation system in chapter 1, the alliance's model before its stages, the convergence at the start of the
    priorities stage (``reports.diagrams``).
    """
    survey = data["survey"]
    diagrams = diagrams or {}
    candidates = [
        ("figure", "system", "system" in diagrams, _("Mexican International Development Cooperation System")),
        ("figure", "model", "model" in diagrams, _("General model of the AxS")),
        ("figure", "participation", "participation" in charts, _("Organizations at each plenary session")),
        ("table", "plenaries", bool(data["plenaries"]), _("Plenary sessions and the organizations counted")),
        ("figure", "convergence", "convergence" in diagrams, _("Convergence between the companies and AMEXCID")),
        ("figure", "response_rate", "response_rate" in charts, _("Response rate of the priorities survey")),
        ("table", "response_rate", survey is not None, _("Invitations and responses of the priorities survey")),
        ("figure", "sdg_ranking", "sdg_ranking" in charts, _("Priority SDGs chosen by the organizations")),
        ("table", "sdg_ranking", bool(survey and survey["ranking"]), _("Respondents who chose each SDG")),
        ("table", "committees", bool(data["committees"]), _("Working committees")),
        (
            "table",
            "projects_committee",
            bool(data["projects_by_committee"]),
            _("Projects structured in the period, by committee"),
        ),
        (
            "table",
            "projects_state",
            bool(data["projects_by_committee"]),
            _("Projects structured in the period, by state at the end of the period"),
        ),
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
        # The page's ids: "table-committees", "table-projects-committee".
        anchor = f"{kind}-{key.replace('projects_', 'projects-')}"
        entry = {"label": label, "caption": caption, "anchor": anchor, "kind": kind}
        numbered[f"{kind}_{key}"] = entry
        ordered.append(entry)
    return numbered, ordered
