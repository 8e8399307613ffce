"""Pages of projects in implementation: the list and queue, the project page, starting it, the grace period."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import QueryDict
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from axs_platform import fragments
from axs_platform.forms import add_service_errors
from axs_platform.permissions import PredicateRequiredMixin, is_staff_member
from axs_platform.service_views import ServiceFormView
from projects.models import Proposal

from .. import permissions, selectors, services
from ..forms import GraceForm, ImplementationStartForm, IndexFilterForm
from ..models import Implementation
from ..progress import periods_html, progress_context

PER_PAGE = 25


class MonitoringIndexView(PredicateRequiredMixin, TemplateView):
    """The person's to-do (reports to write or correct, reports to decide) and their projects in implementation.

    Approvers' two lists (the projects whose reports they approve, for staff every project, and the
    reports waiting) and the structured projects the person may start are paged, 25 a page (``page``,
    ``cola`` and ``por_iniciar``), and narrowed by the filter form;
    each list's paging links keep the filters and the other list's page. Everything under the title (the
    dashboards' links, the filter form and the lists) is one fragment per person and query (areas monitoring,
    proposals, committees and directory: reports and plans, titles and structured projects, posts and roles,
    representatives), per day too, since the to-do reads it. The form is a GET form: no CSRF token in the
    fragment; the to-do's buttons that start a report post through the page's ``todo-start`` form, outside it.
    """

    template_name = "monitoring/index.html"

    def get_context_data(self, **kwargs):
        user, query = self.request.user, self.request.GET

        def render():
            dashboards = list(selectors.dashboard_committees(user))
            approver = is_staff_member(user) or (
                bool(dashboards) and selectors.approvable_implementations(user).exists()
            )
            form = IndexFilterForm(query or None, committees=selectors.dashboard_committees(user))
            filters = form.cleaned_data if form.is_bound and form.is_valid() else {}
            committee, title = filters.get("committee"), filters.get("title") or ""
            context = _index_lists(user, query, approver=approver, committee=committee, title=title)
            context.update(dashboards=dashboards, filter_form=form if approver else None)
            return render_to_string("monitoring/includes/index_body.html", context), None

        body = fragments.fragment(
            [fragments.MONITORING, fragments.PROPOSALS, fragments.COMMITTEES, fragments.DIRECTORY],
            "monitoring-index",
            (user.pk, query.urlencode()),  # the lists' links repeat the query as typed
            render,
        )
        return super().get_context_data(body=body, **kwargs)


def _index_lists(user, query, *, approver, committee, title):
    """Return the context of the monitoring page's lists: the to-do, the person's projects, what they approve."""
    context = {
        "user": user,
        "to_write": list(selectors.reports_to_write(user, timezone.localdate())),
        "filtered": bool(committee or title),
        "mine": selectors.reporter_implementations(user),
        "to_start": Paginator(selectors.startable_projects(user, committee=committee, title=title), PER_PAGE).get_page(
            query.get("por_iniciar")
        ),
        "to_start_query": _query_without(query, "por_iniciar"),
    }
    if approver:
        approvable = selectors.approvable_implementations(user)
        projects = selectors.filtered_by(approvable, committee=committee, title=title).select_related("proposal")
        queue = selectors.filtered_by(
            selectors.approval_queue(user), path="period__implementation__", committee=committee, title=title
        )
        approvable_page = Paginator(projects.order_by("proposal__title", "pk"), PER_PAGE).get_page(query.get("page"))
        context.update(
            approvable=approvable_page,
            approvable_query=_query_without(query, "page"),
            queue=Paginator(queue, PER_PAGE).get_page(query.get("cola")),
            queue_query=_query_without(query, "cola"),
        )
    else:
        context.update(approvable=None, queue=[])
    return context


def _every_figure_query(query):
    """Return the query of the "every approved figure" link: the page of periods being read survives.

    Only a page number is carried (it is part of the progress fragment's key: no other text may grow it).
    """
    every = QueryDict(mutable=True)
    every["cifras"] = "todas"
    page = query.get("periodos", "")
    if page.isdigit():
        every["periodos"] = page
    return every.urlencode()


def _query_without(query, name):
    """Return the query string without one paging parameter, for the other parameters to survive paging."""
    query = query.copy()
    query.pop(name, None)
    return query.urlencode()


class ImplementationMixin(PredicateRequiredMixin):
    """Load the implementation named in the URL; only those who may see its reports get further."""

    def dispatch(self, request, *args, **kwargs):
        self.implementation = get_object_or_404(
            Implementation.objects.select_related("proposal__committee__goal", "proposal__lead_organization"),
            pk=kwargs["pk"],
        )
        return super().dispatch(request, *args, **kwargs)

    def has_permission(self):
        return permissions.can_view(self.request.user, self.implementation)


class ProjectProgressView(ImplementationMixin, TemplateView):
    """A project in implementation: light and its rule, indicators over time, milestones, contributions, reports."""

    template_name = "monitoring/project.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        can_revise = permissions.can_revise_indicators(user, self.implementation)
        today = timezone.localdate()
        can_report = permissions.can_report(user, self.implementation)
        query = self.request.GET
        context = progress_context(
            self.implementation,
            today,
            can_revise=can_revise,
            all_figures=query.get("cifras") == "todas",
            every_figure_query=_every_figure_query(query),
        )
        context.update(
            can_report=can_report,
            periods_html=periods_html(
                self.implementation,
                today,
                can_report=can_report,
                page=query.get("periodos"),
                query=_query_without(query, "periodos"),
            ),
            grace_html=grace_html(self.implementation) if permissions.can_set_grace(user) else "",
        )
        return super().get_context_data(**context, **kwargs)


GRACE_TEMPLATE = "monitoring/includes/grace_form.html"


def grace_html(implementation):
    """Return staff's grace period form with the current value, a fragment per project (area monitoring).

    It holds no CSRF token (the page's form around it does); a refused value is shown by ``GraceView``,
    which renders the bound form with the same template, uncached.
    """

    def render():
        form = GraceForm(initial={"grace_days": implementation.grace_days})
        return render_to_string(GRACE_TEMPLATE, {"grace_form": form}), None

    return fragments.fragment([fragments.MONITORING], "monitoring-grace", (implementation.pk,), render)


class ImplementationStartView(PredicateRequiredMixin, ServiceFormView):
    """Put a structured project into implementation: dates, reporting frequency, grace period."""

    template_name = "monitoring/start.html"
    form_class = ImplementationStartForm

    def dispatch(self, request, *args, **kwargs):
        self.proposal = get_object_or_404(Proposal.objects.select_related("committee"), pk=kwargs["proposal"])
        return super().dispatch(request, *args, **kwargs)

    def has_permission(self):
        return permissions.can_start_implementation(self.request.user, self.proposal)

    def get_context_data(self, **kwargs):
        return super().get_context_data(proposal=self.proposal, **kwargs)

    def call_service(self, form):
        self.success_message = _("The project is in implementation; its reporting periods are ready.")
        return services.implementation_start(actor=self.request.user, proposal=self.proposal, request=self.request,
                                             **form.cleaned_data)  # fmt: skip


class GraceView(ImplementationMixin, TemplateView):
    """Staff change the grace period (POST only); a refusal shows on the project page."""

    template_name = "monitoring/project.html"
    http_method_names = ["post"]

    def has_permission(self):
        return permissions.can_set_grace(self.request.user)

    def post(self, request, *args, **kwargs):
        form = GraceForm(request.POST)
        if form.is_valid():
            try:
                services.implementation_set_grace(
                    actor=request.user, implementation=self.implementation, grace_days=form.cleaned_data["grace_days"],
                    request=request,
                )  # fmt: skip
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The grace period and the due dates changed."))
                return redirect(self.implementation.get_absolute_url())
        today = timezone.localdate()
        context = progress_context(
            self.implementation,
            today,
            can_revise=permissions.can_revise_indicators(request.user, self.implementation),
            all_figures=False,
        )
        context.update(
            can_report=False,
            grace_html=render_to_string(GRACE_TEMPLATE, {"grace_form": form}),
            periods_html=periods_html(self.implementation, today, can_report=False),
        )
        return self.render_to_response(self.get_context_data(**context))
