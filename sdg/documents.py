"""The SDG goal sheet: a printable reference of one goal with its targets and indicators."""

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from documents.registry import DocumentKind, Source

from .models import Goal
from .selectors import goal_with_framework

GOAL_SHEET = "sdg.goal_sheet"


def _describe(goal, params):
    return _("SDG %(number)s goal sheet: %(title)s") % {"number": goal.number, "title": goal.short_title}


def _build(document):
    goal = goal_with_framework(document.target.number)
    html = render_to_string("sdg/goal_sheet_pdf.html", {"goal": goal, "generated_at": timezone.now()})
    return Source(html=html, filename=f"ods-{goal.number}-{document.language}.pdf", title=str(_describe(goal, {})))


def _signed_in(user, *args):
    return user.is_authenticated and user.is_active


def _requested_it(user, document):
    return document.requested_by_id == user.pk


goal_sheet = DocumentKind(
    code=GOAL_SHEET,
    label=_("SDG goal sheet"),
    model=Goal,
    build=_build,
    describe=_describe,
    can_request=_signed_in,
    can_view=_requested_it,
)
