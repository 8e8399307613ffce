"""What a proposal still lacks before it can be submitted, and its frozen content for versions.

The checklist is a list of items, each tied to the step of the form where it is fixed, so the
proposer sees what is missing rather than a wall of errors.
"""

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .criteria import AXS_CRITERIA, SUSTAINABILITY_CRITERIA
from .models import VALUED_KINDS, PartnerStatus

STEPS = [
    ("general", gettext_lazy("Title and summary")),
    ("consortium", gettext_lazy("Consortium")),
    ("problem", gettext_lazy("Problem")),
    ("design", gettext_lazy("Purpose, objective and components")),
    ("alignment", gettext_lazy("SDG alignment")),
    ("indicators", gettext_lazy("Results matrix")),
    ("criteria", gettext_lazy("Sustainability and AxS criteria")),
    ("cooperation", gettext_lazy("International cooperation")),
    ("budget", gettext_lazy("Budget")),
    ("attachments", gettext_lazy("Attachments")),
]
STEP_NAMES = [name for name, _label in STEPS]


@dataclass
class Item:
    step: str
    label: str
    done: bool


def _text(proposal, name):
    return bool((getattr(proposal, name) or "").strip())


def budget_by_member(proposal, members, lines):
    """Return ``{member_id: (valued contributions, budget it funds)}`` for the accepted members."""
    totals = defaultdict(lambda: [Decimal(0), Decimal(0)])
    for member in members:
        totals[member.pk]
        for contribution in member.contributions.all():
            if contribution.kind in VALUED_KINDS:
                totals[member.pk][0] += contribution.amount_mxn or 0
    for line in lines:
        if line.source_member_id:
            totals[line.source_member_id][1] += line.amount_mxn
    return totals


def checklist(proposal):
    """Return the checklist items of a proposal, loading what it needs in a few queries."""
    members = [m for m in proposal.consortium.all() if m.status in (PartnerStatus.INVITED, PartnerStatus.ACCEPTED)]
    components = list(proposal.components.all())
    lines = list(proposal.budget.all())
    alignments = list(proposal.aligned_targets.all())
    items = [
        Item("general", _("A title and a summary"), _text(proposal, "title") and _text(proposal, "summary")),
        Item(
            "consortium",
            _("Every partner has answered the invitation"),
            all(m.status == PartnerStatus.ACCEPTED for m in members),
        ),
        Item(
            "consortium",
            _("Every organization of the consortium states its role and at least one contribution"),
            all(m.role.strip() and m.contributions.all() for m in members if m.status == PartnerStatus.ACCEPTED),
        ),
        Item(
            "problem",
            _("The problem, its causes and its effects"),
            all(_text(proposal, name) for name in ("problem", "causes", "effects")),
        ),
        Item(
            "design",
            _("The purpose and the general objective"),
            _text(proposal, "purpose") and _text(proposal, "general_objective"),
        ),
        Item(
            "design",
            _("At least one component, each with at least one activity"),
            bool(components) and all(c.activities.all() for c in components),
        ),
        Item(
            "alignment",
            _("At least one SDG target with at least one of its indicators"),
            bool(alignments) and all(a.indicators.all() for a in alignments),
        ),
        Item("indicators", _("At least one indicator in the results matrix"), bool(proposal.indicators.all())),
        Item(
            "criteria",
            _("The six sustainability criteria, each argued"),
            all(_text(proposal, c.value) for c in SUSTAINABILITY_CRITERIA),
        ),
        Item(
            "criteria",
            _("The seven AxS criteria, each self-assessed"),
            all(_text(proposal, c.value) for c in AXS_CRITERIA),
        ),
        Item(
            "cooperation",
            _("The international-cooperation component and at least one country of replication"),
            _text(proposal, "international_cooperation") and bool(proposal.replication_countries),
        ),
        Item("budget", _("A budget by year and source"), bool(lines)),
    ]
    accepted = [m for m in members if m.status == PartnerStatus.ACCEPTED]
    totals = budget_by_member(proposal, accepted, lines)
    items.append(
        Item(
            "budget",
            _("What each organization funds in the budget equals its financial and in-kind contributions"),
            all(given == funded for given, funded in totals.values()),
        )
    )
    return items


def missing(proposal):
    return [item for item in checklist(proposal) if not item.done]


def frozen_content(proposal):
    """Return the proposal's content as ``{section label: text}``, to keep with a version and compare."""
    content = {
        _("Title"): proposal.title,
        _("Summary"): proposal.summary,
        _("Problem"): proposal.problem,
        _("Causes"): proposal.causes,
        _("Effects"): proposal.effects,
        _("Purpose"): proposal.purpose,
        _("General objective"): proposal.general_objective,
        _("International-cooperation component"): proposal.international_cooperation,
        _("Countries of replication"): ", ".join(str(c) for c in proposal.replication_country_labels),
    }
    content[_("Consortium")] = "\n".join(
        f"{m.organization}{' (' + _('lead') + ')' if m.is_lead else ''}: {m.role}"
        + "".join(
            f"\n  - {c.get_kind_display()}: {c.description} {c.amount_mxn or ''}".rstrip()
            for c in m.contributions.all()
        )
        for m in proposal.consortium.all()
        if m.status == PartnerStatus.ACCEPTED
    )
    content[_("Components")] = "\n".join(
        f"{c.position}. {c.title}: {c.description}"
        + "".join(f"\n  - {a.description} ({a.starts_on:%Y-%m} – {a.ends_on:%Y-%m})" for a in c.activities.all())
        for c in proposal.components.all()
    )
    content[_("SDG alignment")] = "\n".join(
        f"{a.target.code}: " + ", ".join(i.code for i in a.indicators.all()) for a in proposal.aligned_targets.all()
    )
    content[_("Results matrix")] = "\n".join(
        f"{i.name} [{i.unit}] {i.baseline_value} ({i.baseline_year}) → {i.target_value} ({i.target_year}); "
        f"{i.means_of_verification}{'; ' + i.sdg_indicator.code if i.sdg_indicator_id else ''}"
        for i in proposal.indicators.all()
    )
    for criterion in SUSTAINABILITY_CRITERIA + AXS_CRITERIA:
        content[str(criterion.label)] = getattr(proposal, criterion.value)
    content[_("Budget")] = "\n".join(
        f"{line.year} · {line.source_name} · {line.concept}: {line.amount_mxn}" for line in proposal.budget.all()
    )
    content[_("Attachments")] = "\n".join(a.title for a in proposal.attachments.all() if a.removed_at is None)
    return content


def changes(before, after):
    """Return ``[(section, old, new)]`` for the sections that differ between two frozen contents."""
    return [
        (key, before.get(key, ""), after.get(key, "")) for key in after | before if before.get(key) != after.get(key)
    ]
