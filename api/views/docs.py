"""The API's documentation page: Redoc (served from our static files) over the schema, and the same list of
endpoints in plain HTML, so the page says what matters without JavaScript.
"""

from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

ENDPOINTS = [
    ("goals/", _("SDG goals"), _("everyone")),
    ("targets/", _("SDG targets"), _("everyone")),
    ("indicators/", _("SDG global indicators"), _("everyone")),
    ("organizations/", _("Member organizations (public fields)"), _("everyone; all of them for staff and evaluators")),
    ("committees/", _("Committees"), _("everyone")),
    ("memberships/", _("Committee memberships over time"), _("everyone")),
    ("sessions/", _("Sessions"), _("public ones for everyone; with a token, the person's too")),
    ("sessions/{id}/agreements/", _("A session's agreements"), _("token of a member of its committee, or staff")),
    (
        "sessions/{id}/minutes/",
        _("A session's minutes: approved versions, and the draft with its comments"),
        _("approved ones as the session; the draft, token of a member of its committee, or staff"),
    ),
    (
        "sessions/{id}/attendance/",
        _("A session's recorded attendance"),
        _("token of a member of its committee, or staff"),
    ),
    (
        "sessions/{id}/quorum/",
        _("A session's attendance summary and quorum"),
        _("token of a member of its committee, or staff"),
    ),
    ("projects/", _("Published projects, consortium, results matrix and approved progress"), _("everyone")),
    ("calls/", _("Calls for proposals"), _("personal token")),
    ("calls/{id}/matrix/", _("A call's evaluation matrix"), _("token of staff or of the committee's chair")),
    ("proposals/", _("Proposals the person may read"), _("personal token")),
    (
        "proposals/{id}/evaluations/",
        _("A proposal's evaluators and the state of their work"),
        _("token of staff or of the committee's chair"),
    ),
    ("evaluations/", _("The evaluator's own evaluations, with scores and comments"), _("token of an evaluator")),
    (
        "reports/",
        _("Progress reports under review (submitted or returned)"),
        _("token of the project's reporters and partners, its committee's chair or secretary, or staff"),
    ),
    ("ballots/", _("Results of closed ballots"), _("personal token")),
    ("surveys/", _("Surveys' results in aggregate"), _("token of staff or of the committee's chair")),
    ("datasets/", _("Open datasets, their data dictionary and rows"), _("everyone")),
]


class DocsView(TemplateView):
    template_name = "api/docs.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(endpoints=ENDPOINTS, **kwargs)
