"""The report's diagrams as inline SVG, drawn from its records: the seed's Figures 1-3.

- the timeline of the Mexican cooperation system (the milestones of the stage ``system``);
- the alliance's model: its four stages, in order;
- the convergence of the companies' interests and the agency's priorities in the priority SDGs (the working
  committees' SDGs, or the survey's most chosen ones when no committee was installed yet).

They follow ``axs_platform.charts``: an image with a title and a description, the same font, sizes and colours,
dark text on light. The page prints beside each one its text alternative (a list); the Word edition's chart
reader finds no values in them (``class="axs-diagram"``) and leaves the list to say it.
"""

from xml.sax.saxutils import escape

from django.utils.translation import gettext as _

from axs_platform.charts import (
    CHAR_WIDTH,
    LINE_HEIGHT,
    TEXT_COLOUR,
    escape_attribute,
    svg_close,
    svg_open,
    wrap_label,
)
from axs_platform.dates import historical_date

ACCENT = "#691c32"  # the report's dark red: lines, dots and arrows
BORDER = "#bc955c"  # the report's gold: the boxes' border
FILL = "#f7f3ee"  # the boxes' light background, as the report's key figures
# How many SDGs the convergence shows from the survey when no committee says which ones were chosen.
SURVEY_PRIORITIES = 5


def _open(key, title, description, width, height):
    return svg_open((key, str(title), str(description)), title, description, width, f"{height:.0f}",
                    prefix="diagram", classes="axs-chart axs-diagram")  # fmt: skip


def _lines(lines, x, y, *, anchor="start", bold=False, lang="", colour=TEXT_COLOUR):
    """One <text> of several lines, the first baseline at ``y``."""
    weight = ' font-weight="bold"' if bold else ""
    language = f' lang="{escape_attribute(lang)}"' if lang else ""
    spans = "".join(
        f'<tspan x="{x:.1f}" y="{y + index * LINE_HEIGHT:.1f}">{escape(line)}</tspan>'
        for index, line in enumerate(lines)
    )
    return f'<text text-anchor="{anchor}" fill="{colour}"{weight}{language}>{spans}</text>'


def _limit(width):
    return max(int(width // CHAR_WIDTH), 4)


def timeline_diagram(milestones, *, width=360):
    """Return the timeline of ``milestones`` (``reports.Milestone``): a dot, the date and the title of each."""
    title = _("Mexican International Development Cooperation System")
    if milestones:
        description = _("%(count)s milestones from %(first)s to %(last)s: %(list)s.") % {
            "count": len(milestones),
            "first": historical_date(milestones[0].happened_on, milestones[0].date_precision),
            "last": historical_date(milestones[-1].happened_on, milestones[-1].date_precision),
            "list": "; ".join(f"{historical_date(m.happened_on, m.date_precision)}, {m.title}" for m in milestones),
        }
    else:
        description = _("No milestones of the cooperation system are recorded.")
    line_x, text_x, gap = 14, 34, 10
    limit = _limit(width - text_x - 8)
    rows = []
    y = gap + LINE_HEIGHT - 3
    for milestone in milestones:
        lines = wrap_label(milestone.title, limit)
        rows.append((milestone, lines, y))
        y += (1 + len(lines)) * LINE_HEIGHT + gap
    height = max(y - LINE_HEIGHT + gap, 2 * gap + LINE_HEIGHT)
    parts = _open(("timeline", [m.pk for m in milestones]), title, description, width, height)
    if rows:
        parts.append(
            f'<line x1="{line_x}" x2="{line_x}" y1="{rows[0][2] - 4:.1f}" y2="{rows[-1][2] - 4:.1f}" '
            f'stroke="{BORDER}" stroke-width="3"/>'
        )
    for milestone, lines, top in rows:
        parts.append(f'<circle cx="{line_x}" cy="{top - 4.5:.1f}" r="6" fill="{ACCENT}"/>')
        when = historical_date(milestone.happened_on, milestone.date_precision)
        parts.append(_lines([when], text_x, top, bold=True, colour=ACCENT))
        parts.append(_lines(lines, text_x, top + LINE_HEIGHT, lang=milestone.title_language))
    return svg_close(parts)


def _arrow(x1, y1, x2, y2):
    """A straight arrow from (x1, y1) to (x2, y2), its head at the end."""
    length = ((x2 - x1) ** 2 + (y2 - y1) ** 2) ** 0.5 or 1
    ux, uy = (x2 - x1) / length, (y2 - y1) / length
    bx, by = x2 - 10 * ux, y2 - 10 * uy
    return (
        f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{bx:.1f}" y2="{by:.1f}" stroke="{ACCENT}" stroke-width="3"/>'
        f'<polygon points="{bx - 7 * uy:.1f},{by + 7 * ux:.1f} {x2:.1f},{y2:.1f} {bx + 7 * uy:.1f},{by - 7 * ux:.1f}" '
        f'fill="{ACCENT}"/>'
    )


def _box(x, y, width, height, *, fill=FILL, stroke=BORDER):
    return (
        f'<rect x="{x + 1:.1f}" y="{y + 1:.1f}" width="{width - 2:.1f}" height="{height - 2:.1f}" rx="6" '
        f'fill="{fill}" stroke="{stroke}" stroke-width="2"/>'
    )


def model_diagram(stages, *, width=360, columns=2):
    """Return the alliance's model: one box per stage (``(value, label)``), in order, joined by arrows.

    The boxes go round clockwise, two to a row (the second row from right to left), so the diagram is narrow
    enough for a phone and reads as the cycle it is.
    """
    gap = 40
    box = (width - gap * (columns - 1)) / columns
    limit = _limit(box - 14)
    labelled = [
        (_("Stage %(number)s") % {"number": number}, wrap_label(label, limit))
        for number, (_value, label) in enumerate(stages, 1)
    ]
    most = max([len(lines) for _heading, lines in labelled] + [1])
    box_height = 14 + LINE_HEIGHT + 6 + most * LINE_HEIGHT + 12
    rows = (len(labelled) + columns - 1) // columns or 1
    height = rows * box_height + (rows - 1) * gap
    title = _("General model of the AxS")
    description = _("The alliance's stages, in order: %(list)s.") % {
        "list": "; ".join(f"{heading}: {' '.join(lines)}" for heading, lines in labelled)
    }
    parts = _open(("model", [value for value, _label in stages]), title, description, width, height)
    places = []
    for index in range(len(labelled)):
        row, column = divmod(index, columns)
        if row % 2:
            column = columns - 1 - column
        places.append((column * (box + gap), row * (box_height + gap)))
    for index, ((heading, lines), (x, y)) in enumerate(zip(labelled, places, strict=True)):
        parts.append(_box(x, y, box, box_height))
        middle = x + box / 2
        parts.append(_lines([heading], middle, y + 14 + LINE_HEIGHT - 3, anchor="middle", bold=True, colour=ACCENT))
        parts.append(_lines(lines, middle, y + 14 + 2 * LINE_HEIGHT + 3, anchor="middle"))
        if index + 1 < len(places):
            nx, ny = places[index + 1]
            if ny == y:  # along the row
                level = y + box_height / 2
                start, end = (x + box + 4, nx - 4) if nx > x else (x - 4, nx + box + 4)
                parts.append(_arrow(start, level, end, level))
            else:  # down to the next row
                parts.append(_arrow(middle, y + box_height + 4, middle, ny - 4))
    return svg_close(parts)


def priority_goals(committees, survey):
    """Return the priority SDGs as ``[{"number", "title", "colour", "committee"}]``, by SDG number.

    They are the working committees' SDGs; before any committee, the SDGs most chosen in the priorities survey.
    """
    goals = {}
    for committee in committees:
        goal = committee.goal
        goals.setdefault(
            goal.number,
            {"number": goal.number, "title": goal.short_title, "colour": goal.color, "committee": committee},
        )
    if not goals and survey:
        for row in survey["ranking"][:SURVEY_PRIORITIES]:
            number = row.get("order")
            if number:
                label = str(row["label"]).split(": ", 1)[-1]
                goals[number] = {"number": number, "title": label, "colour": row["colour"], "committee": None}
    return [goals[number] for number in sorted(goals)]


def convergence_diagram(goals, *, width=360):
    """Return the convergence: the companies' interests and the agency's agenda meet in the priority SDGs.

    The two parties side by side, an arrow from each down to the SDGs they share.
    """
    gap, arrow = 40, 40
    side = (width - gap) / 2
    side_limit, goal_limit = _limit(side - 16), _limit(width - 50)
    companies = (_("The companies"), wrap_label(_("The diversity of the private sector's interests"), side_limit))
    agency = ("AMEXCID", wrap_label(_("The goals and targets of the 2030 Agenda"), side_limit))
    rows = [(goal, wrap_label(f"{goal['number']} · {goal['title']}", goal_limit)) for goal in goals]
    if not rows:
        rows = [(None, wrap_label(_("Not identified yet"), goal_limit))]
    heading_lines = wrap_label(_("Shared priorities: the SDGs"), _limit(width - 16))
    side_height = 14 + LINE_HEIGHT + 6 + max(len(companies[1]), len(agency[1])) * LINE_HEIGHT + 12
    shared_top = side_height + arrow
    shared_height = (
        14 + len(heading_lines) * LINE_HEIGHT + 8 + sum(len(lines) * LINE_HEIGHT + 6 for _goal, lines in rows) + 8
    )
    height = shared_top + shared_height
    title = _("Convergence between the companies and AMEXCID")
    description = _(
        "The companies (%(companies)s) and AMEXCID (%(agency)s) converge in the priority SDGs: %(goals)s."
    ) % {
        "companies": " ".join(companies[1]),
        "agency": " ".join(agency[1]),
        "goals": "; ".join(" ".join(lines) for _goal, lines in rows),
    }
    parts = _open(("convergence", [g["number"] for g in goals]), title, description, width, height)
    for x, (heading, lines) in ((0, companies), (side + gap, agency)):
        parts.append(_box(x, 0, side, side_height))
        parts.append(_lines([heading], x + side / 2, 14 + LINE_HEIGHT - 3, anchor="middle", bold=True, colour=ACCENT))
        parts.append(_lines(lines, x + side / 2, 14 + 2 * LINE_HEIGHT + 3, anchor="middle"))
        parts.append(_arrow(x + side / 2, side_height + 4, x + side / 2, shared_top - 4))
    parts.append(_box(0, shared_top, width, shared_height, fill="#ffffff", stroke=ACCENT))
    parts.append(
        _lines(heading_lines, width / 2, shared_top + 14 + LINE_HEIGHT - 3, anchor="middle", bold=True, colour=ACCENT)
    )
    y = shared_top + 14 + len(heading_lines) * LINE_HEIGHT + 8 + LINE_HEIGHT - 3
    for goal, lines in rows:
        if goal is not None:
            parts.append(
                f'<rect x="14" y="{y - 11:.1f}" width="14" height="14" rx="2" '
                f'fill="{escape_attribute(goal["colour"] or BORDER)}"/>'
            )
        parts.append(_lines(lines, 36, y))
        y += len(lines) * LINE_HEIGHT + 6
    return svg_close(parts)


def report_diagrams(data, goals):
    """Return the report's diagrams as inline SVG: the timeline and the convergence when they have data, the model.

    ``goals`` are the priority SDGs (``priority_goals``).
    """
    diagrams = {}
    if data["system_milestones"]:
        diagrams["system"] = timeline_diagram(data["system_milestones"])
    diagrams["model"] = model_diagram([(value, label) for value, label, _items, _figures in data["stages"]])
    if goals:
        diagrams["convergence"] = convergence_diagram(goals)
    return diagrams
