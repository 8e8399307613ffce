"""How the history reads the changes companies records under keys its models' fields cannot name in words.

A due-diligence review's checklist saves store ``{question: [finding, finding]}`` (the same finding twice when only
the notes changed) and an attached document ``{"evidence": [None, file name]}``; an organization's priorities store
``{"sdg_priorities": [numbers], "alliance_roles": [codes]}``. Registered with ``audit.labels.register_field_readers``
in ``CompaniesConfig.ready()``; stored events are never rewritten, only read this way.
"""

from django.utils.text import capfirst
from django.utils.translation import gettext as _

from .models import AllianceRole, DueDiligenceReview, Finding, Organization, RiskQuestion


def _finding(code):
    if code in (None, ""):
        return None
    return str(dict(Finding.choices).get(code, code))


def _question_reader(question):
    def read(before, after):
        label = str(dict(RiskQuestion.choices).get(question, question))
        if before == after:  # recorded when only the notes of the question changed
            return (label, _finding(before), _("%(finding)s (notes changed)") % {"finding": _finding(after)})
        return (label, _finding(before), _finding(after))

    return read


def _evidence(before, after):
    return (_("Evidence"), before or None, after or None)


def _goals(numbers):
    if not numbers:
        return None
    return ", ".join(_("SDG %(number)s") % {"number": number} for number in numbers)


def _priorities(before, after):
    return (_("Priority SDGs"), _goals(before), _goals(after))


def _roles(codes):
    if not codes:
        return None
    labels = dict(AllianceRole.choices)
    return ", ".join(str(labels.get(code, code)) for code in codes)


def _alliance_roles(before, after):
    return (capfirst(Organization._meta.get_field("alliance_roles").verbose_name), _roles(before), _roles(after))


def register():
    from audit.labels import register_field_readers

    register_field_readers(
        DueDiligenceReview._meta.label_lower,
        {**{question: _question_reader(question) for question in RiskQuestion.values}, "evidence": _evidence},
    )
    register_field_readers(
        Organization._meta.label_lower, {"sdg_priorities": _priorities, "alliance_roles": _alliance_roles}
    )
