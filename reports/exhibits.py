"""The report's figures, charts and tables, numbered for captions and contents ("Figura 3", "Gráfica 1", "Cuadro 1").

The seed's exhibits keep the numbers the seed gives them (``SEED_NUMBERS``: its three figures, which its text cites
as "Figura 3", and its one table, "Cuadro 1. Comités de Trabajo"); the charts the report draws from its data are a
series of their own ("Gráfica"), numbered in reading order with what the period's data draws, so those numbers have
no gaps; the report's own tables continue the seed's ("Cuadro 2" after "Cuadro 1"). The table of a chart's data,
which follows it as its accessible twin, is not a "Cuadro" of its own: its caption names its chart ("Datos de la
Gráfica 1") and the contents list the chart only. Reads the report's data and charts; writes nothing; imports no app.
"""

from django.utils.translation import gettext as _

# The seed's exhibits and their numbers there: the cooperation system's timeline (chapter 1), the alliance's
# model (chapter 2) and the convergence that opens the priorities stage; the working committees (seed line 449).
SEED_NUMBERS = {"figure": {"system": 1, "model": 2, "convergence": 3}, "table": {"committees": 1}}


def number_exhibits(data, charts, diagrams=None):
    """Return ``{key: {"label", "caption", "anchor", "kind"}}`` and the numbered entries in order, for the contents.

    The candidates are listed in the order the report prints them (its chapters and stages): the timeline of the
    cooperation system in chapter 1, the alliance's model before its stages, the convergence at the start of the
    priorities stage (``reports.diagrams``). An exhibit of the seed has its number there even if another one is not
    drawn; a chart ("chart" series, keys ``figure_…`` as its element) and a table count in reading order, a table
    after the seed's ones. A chart's data table (``table_…``, not in the contents) is labelled with its chart's
    number ("Datos de la Gráfica 1"); with no chart drawn (no plenary counted), its label is None.
    """
    survey = data["survey"]
    diagrams = diagrams or {}
    # (series, key, drawn, caption); a chart's data table names its chart's key instead of a series of its own.
    candidates = [
        ("figure", "system", "system" in diagrams, _("Mexican International Development Cooperation System")),
        ("figure", "model", "model" in diagrams, _("General model of the AxS")),
        ("chart", "participation", "participation" in charts, _("Organizations at each plenary session")),
        (
            ("data", "participation"),
            "plenaries",
            bool(data["plenaries"]),
            _("Plenary sessions and the organizations counted"),
        ),
        ("figure", "convergence", "convergence" in diagrams, _("Convergence between the companies and AMEXCID")),
        ("chart", "response_rate", "response_rate" in charts, _("Response rate of the priorities survey")),
        (
            ("data", "response_rate"),
            "response_rate",
            survey is not None,
            _("Invitations and responses of the priorities survey"),
        ),
        ("chart", "sdg_ranking", "sdg_ranking" in charts, _("Priority SDGs chosen by the organizations")),
        (
            ("data", "sdg_ranking"),
            "sdg_ranking",
            bool(survey and survey["ranking"]),
            # The chart's bars are shares of those who answered the question: its data say of how many.
            _("Respondents who chose each SDG (of %(count)s who answered the question recorded in the platform).")
            % {"count": survey["ranking_answered"] if survey else 0},
        ),
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
    counters = {"figure": 0, "chart": 0, "table": 0}
    numbered = {}
    ordered = []
    for series, key, present, caption in candidates:
        if not present:
            continue
        if isinstance(series, tuple):
            chart = numbered.get(f"figure_{series[1]}")
            label = _("Data for %(chart)s") % {"chart": chart["label"]} if chart else None
            anchor = f"table-{key}"
            numbered[f"table_{key}"] = {"label": label, "caption": caption, "anchor": anchor, "kind": "table"}
            continue
        seed = SEED_NUMBERS.get(series, {}).get(key)
        # The report's own exhibits count on from the last number printed, a seed's one included: none collides.
        number = seed or counters[series] + 1
        counters[series] = max(counters[series], number)
        # A chart is a figure of the page: its key and id are "figure_participation", "figure-participation".
        kind = "table" if series == "table" else "figure"
        # The page's ids: "table-committees", "table-projects-committee".
        anchor = f"{kind}-{key.replace('projects_', 'projects-')}"
        entry = {"label": labels[series] % {"number": number}, "caption": caption, "anchor": anchor, "kind": kind}
        numbered[f"{kind}_{key}"] = entry
        ordered.append(entry)
    return numbered, ordered
