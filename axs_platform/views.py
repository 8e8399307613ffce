"""Project-wide pages: the home page, error pages and a health check."""

from django.db import connection
from django.http import HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import requires_csrf_token
from django.views.generic import TemplateView

from audit.models import AuditEvent
from audit.services import audit_record
from axs_platform.desks import desks_for
from axs_platform.permissions import StaffRequiredMixin
from committees import selectors as committee_selectors
from committees.models import Post, PostKind
from surveys.selectors import pending_invitations_for


def home(request):
    """Explain the alliance to the public; show a signed-in person what they can do."""
    my_posts, pending_surveys, desks = [], [], []
    if request.user.is_authenticated:
        my_posts = list(Post.objects.current().filter(holder=request.user).select_related("committee"))
        desks = desks_for(request.user)
        if not request.user.is_staff:
            pending_surveys = pending_invitations_for(request.user)
    return render(
        request,
        "home.html",
        {
            "committee_goals": committee_selectors.committee_goals(),
            "my_posts": my_posts,
            "chairs_any": any(post.kind == PostKind.CHAIR for post in my_posts),
            "pending_surveys": pending_surveys,
            "desks": desks,
        },
    )


ADMINISTRATION_SECTIONS = [
    (
        "accounts:user-list",
        _("People and roles"),
        _("Accounts of staff, evaluators and representatives; roles; deactivation."),
    ),
    (
        "companies:directory",
        _("Member organizations"),
        _("The registry, participation, due diligence, import and export."),
    ),
    (
        "companies:figures",
        _("Membership figures"),
        _("Members by type and size, the share of SMEs, due diligence to do."),
    ),
    ("companies:invitation-list", _("Pending invitations"), _("Representatives invited who have not accepted yet.")),
    ("committees:committee-list", _("Committees"), _("Members, posts, work plans and sessions of each committee.")),
    (
        "committees:agreement-list",
        _("Agreements follow-up"),
        _("Every agreement of every committee and plenary, overdue ones first."),
    ),
    ("surveys:survey-list", _("Surveys"), _("Build, send and follow surveys; see their results.")),
    (
        "projects:call-list",
        _("Calls for proposals"),
        _("Calls of every committee, their proposals and evaluation matrices."),
    ),
    (
        "monitoring:index",
        _("Implementation monitoring"),
        _("Projects in implementation, reports to approve, traffic lights and the dashboard."),
    ),
    (
        "reports:report-home",
        _("Systematization report"),
        _("The alliance's report for a period, its dashboard and narrative."),
    ),
    (
        "iati:settings",
        _("IATI publication"),
        _("The public projects in the IATI Standard: addresses to register, identifier, validation."),
    ),
    (
        "documents:document-list",
        _("Generated documents"),
        _("Every PDF asked for, who asked and when; regenerate them."),
    ),
    (
        "privacy:queue",
        _("Personal data requests"),
        _("ARCO and portability requests, their legal deadlines and the non-working days."),
    ),
    ("audit:event-list", _("Audit trail"), _("Who did what and when: sign-ins, refused accesses and every change.")),
    ("admin:index", _("Back office"), _("Django's administration of every record.")),
]


class AdministrationView(StaffRequiredMixin, TemplateView):
    """The staff's hub: one page that leads to every administrative page."""

    template_name = "administration.html"

    def get_context_data(self, **kwargs):
        sections = [
            {"url": reverse(name), "title": title, "text": text} for name, title, text in ADMINISTRATION_SECTIONS
        ]
        return super().get_context_data(sections=sections, **kwargs)


@never_cache
def health(request):
    """Answer whether the database can be reached (for load balancers and the benchmarks)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")  # the smallest round trip to the database, touching no table
    return JsonResponse({"status": "ok"})


@requires_csrf_token
def permission_denied(request, exception=None):
    """Record the refused access, then answer 403 in the site's design."""
    audit_record(
        actor=request.user if request.user.is_authenticated else None,
        action=AuditEvent.Action.ACCESS_DENIED,
        request=request,
    )
    return render(request, "403.html", status=403)


@requires_csrf_token
def csrf_failure(request, reason=""):
    """A form refused by the CSRF check (``CSRF_FAILURE_VIEW``): the 403 page in the site's design says what to do."""
    return render(request, "403.html", {"csrf_failed": True}, status=403)


@requires_csrf_token
def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


@requires_csrf_token
def server_error(request):
    """Answer 500 from a template that needs no context, queries nothing and shows no detail."""
    try:
        template = loader.get_template("500.html")
    except Exception:  # The error page must never fail in turn.
        return HttpResponseServerError("Error 500", content_type="text/plain")
    return HttpResponseServerError(template.render({"request": request}))


def trivial(request):
    """The site's layout with no data: the reference against which the benchmarks measure pages."""
    return render(request, "trivial.html")
