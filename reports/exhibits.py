"""The report's figures, charts and tables, numbered for captions and contents ("Figura 3", "Gráfica 1", "Cuadro 1").

The seed's three figures keep the numbers the seed gives them (``SEED_FIGURES``), which its text cites ("Figura 3");
the charts the report draws from its data are a series of their own ("Gráfica"), as are the tables, each
numbered in reading order with what the period's data draws, so those numbers have no gaps. Reads the report's
data and charts; writes nothing; imports no app.
"""

from django.utils.translation import gettext as _

# The seed's figures and their numbers there: the cooperation system's timeline (chapter 1), the alliance's
# model (chapter 2) and the convergence that opens the priorities stage.
SEED_FIGURES = {"system": 1, "model": 2, "convergence": 3}


def number_exhibits(data, charts, diagrams=None):
    """Return ``{key: {"label", "caption", "anchor"}}`` and the same entries in order, for the contents.

    The candidates are listed in the order the report prints them (its chapters and stages): the timeline of the
    cooperation system in chapter 1, the alliance's model before its stages, the convergence at the start of the
    priorities stage (``reports.diagrams``). A figure of the seed has its number there even if another one is not
    drawn; a chart ("chart" series, keys ``figure_…`` as its element) and a table count in reading order.
    """
    survey = data["survey"]
    diagrams = diagrams or {}
    candidates = [
        ("figure", "system", "system" in diagrams, _("Mexican International Development Cooperation System")),
        ("figure", "model", "model" in diagrams, _("General model of the AxS")),
        ("chart", "participation", "participation" in charts, _("Organizations at each plenary session")),
        ("table", "plenaries", bool(data["plenaries"]), _("Plenary sessions and the organizations counted")),
        ("figure", "convergence", "convergence" in diagrams, _("Convergence between the companies and AMEXCID")),
        ("chart", "response_rate", "response_rate" in charts, _("Response rate of the priorities survey")),
        ("table", "response_rate", survey is not None, _("Invitations and responses of the priorities survey")),
        ("chart", "sdg_ranking", "sdg_ranking" in charts, _("Priority SDGs chosen by the organizations")),
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
    labels = {"figure": _("Figure %(number)s"), "chart": _("Chart %(number)s"), "table": _("Table %(number)s")}
    counters = {"chart": 0, "table": 0}
    numbered = {}
    ordered = []
    for series, key, present, caption in candidates:
        if not present:
            continue
        if series == "figure":
            number = SEED_FIGURES[key]
        else:
            counters[series] += 1
            number = counters[series]
        # A chart is a figure of the page: its key and id are "figure_participation", "figure-participation".
        kind = "table" if series == "table" else "figure"
        # The page's ids: "table-committees", "table-projects-committee".
        anchor = f"{kind}-{key.replace('projects_', 'projects-')}"
        entry = {"label": labels[series] % {"number": number}, "caption": caption, "anchor": anchor, "kind": kind}
        numbered[f"{kind}_{key}"] = entry
        ordered.append(entry)
    return numbered, ordered
