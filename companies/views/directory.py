"""The directory of organizations (public and staff), its exports, the figures and "my organization"."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.generic import ListView, TemplateView, View

from axs_platform import fragments
from axs_platform.exports import csv_response, xlsx_response
from axs_platform.pagination import KeysetPage
from axs_platform.permissions import StaffRequiredMixin

from .. import selectors
from ..facets import facets as directory_facets
from ..forms import DirectoryFilterForm
from ..permissions import can_see_private_directory, represented_organization_id
from ..spreadsheets import EXPORT_COLUMNS, organization_export_row
from .mixins import query_without_page


def _filtered_directory(request, *, private):
    form = DirectoryFilterForm(request.GET or None, private=private)
    filters = {}
    if form.is_bound and form.is_valid():
        filters = {name: value for name, value in form.cleaned_data.items() if value not in ("", None, False)}
    return form, selectors.directory(private=private, **filters)


class DirectoryView(View):
    """Everyone sees active members; staff and evaluators see every organization and more filters.

    The filter form and the results are rendered once per version of the directory, language,
    audience and query, and kept in the cache: any change to an organization or its SDGs makes
    a new version (the services that change them bump it), so a cached page is never stale.
    """

    paginate_by = 25

    def get(self, request, *args, **kwargs):
        private = can_see_private_directory(request.user)
        query = sorted((key, value) for key, values in request.GET.lists() for value in values)
        parts = fragments.fragment(
            [fragments.DIRECTORY, fragments.COMMITTEES],
            "directory",
            (private, query),
            lambda: (self.render_parts(private=private, today=timezone.localdate()), None),
        )
        return render(
            request,
            "companies/directory.html",
            {
                "private": private,
                "query_without_page": query_without_page(request),
                **{name: mark_safe(html) for name, html in parts.items()},  # noqa: S308 (our own rendering)
            },
        )

    def render_parts(self, *, private, today):
        filter_form, organizations = _filtered_directory(self.request, private=private)
        # Read by key, so a page far down a list of 50,000 costs what the first does.
        page = KeysetPage(self.request, organizations, self.paginate_by, key="directory_key", descending=False)
        labels = selectors.facet_labels(page.object_list)
        for organization in page.object_list:
            organization.facet_labels = labels[organization.pk]
        context = {
            "filter_form": filter_form,
            "facet_fields": [filter_form[facet.name] for facet in directory_facets()],
            "private": private,
            "organizations": page.object_list,
            "page_obj": page,
            "count": organizations.count(),
            "query_without_page": query_without_page(self.request),
            "today": today,
        }
        return {
            "filter_html": render_to_string("companies/includes/directory_filter.html", context),
            "results_html": render_to_string("companies/includes/directory_results.html", context),
        }


class _ExportView(StaffRequiredMixin, View):
    def organizations(self):
        _form, organizations = _filtered_directory(self.request, private=True)
        return organizations

    def filename(self, extension):
        return f"organizaciones-{timezone.localdate():%Y%m%d}.{extension}"

    def rows(self):
        return (organization_export_row(o) for o in self.organizations().iterator(chunk_size=2000))


class DirectoryCsvExportView(_ExportView):
    def get(self, request, *args, **kwargs):
        return csv_response(self.filename("csv"), EXPORT_COLUMNS, self.rows())


class DirectoryExcelExportView(_ExportView):
    def get(self, request, *args, **kwargs):
        return xlsx_response(self.filename("xlsx"), _("Organizations"), EXPORT_COLUMNS, self.rows())


class FiguresView(StaffRequiredMixin, TemplateView):
    """Members by type and size, the share of SMEs, participation and due diligence to do.

    Counted once per version of the directory and day (due diligence expires by date), then read
    from the cache: the services that change organizations make a new version.
    """

    template_name = "companies/figures.html"

    def get_context_data(self, **kwargs):
        figures = fragments.fragment([fragments.DIRECTORY], "figures", (), lambda: (selectors.figures(), None))
        return super().get_context_data(figures=figures, **kwargs)


class InvitationListView(StaffRequiredMixin, ListView):
    """Invitations nobody has accepted yet, for every organization."""

    template_name = "companies/invitation_list.html"
    context_object_name = "invitations"
    paginate_by = 50

    def get_queryset(self):
        return selectors.open_invitations()

    def get_context_data(self, **kwargs):
        return super().get_context_data(query_without_page=query_without_page(self.request), **kwargs)


class MyOrganizationView(LoginRequiredMixin, View):
    """Take a representative to the page of the organization they represent."""

    def get(self, request, *args, **kwargs):
        organization_id = represented_organization_id(request.user)
        if organization_id is None:
            messages.info(request, _("Your account does not represent any organization yet."))
            return redirect("home")
        return redirect("companies:organization-detail", pk=organization_id)
