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
    ("projects/", _("Published projects, consortium, results matrix and approved progress"), _("everyone")),
    ("calls/", _("Calls for proposals"), _("personal token")),
    ("proposals/", _("Proposals the person may read"), _("personal token")),
    ("ballots/", _("Results of closed ballots"), _("personal token")),
    ("surveys/", _("Surveys' results in aggregate"), _("token of staff or of the committee's chair")),
    ("datasets/", _("Open datasets, their data dictionary and rows"), _("everyone")),
]


class DocsView(TemplateView):
    template_name = "api/docs.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(endpoints=ENDPOINTS, **kwargs)
