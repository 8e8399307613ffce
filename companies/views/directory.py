"""The directory of organizations (public and staff), its exports, the figures and "my organization"."""

import csv

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import ListView, TemplateView, View

from axs_platform.permissions import StaffRequiredMixin

from .. import selectors
from ..forms import DirectoryFilterForm
from ..permissions import can_see_private_directory, represented_organization_id
from ..spreadsheets import EXPORT_COLUMNS, organization_export_row, write_xlsx
from .mixins import query_without_page


def _filtered_directory(request, *, private):
    form = DirectoryFilterForm(request.GET or None, private=private)
    filters = {}
    if form.is_bound and form.is_valid():
        filters = {name: value for name, value in form.cleaned_data.items() if value not in ("", None, False)}
    return form, selectors.directory(private=private, **filters)


class DirectoryView(ListView):
    """Everyone sees active members; staff and evaluators see every organization and more filters."""

    template_name = "companies/directory.html"
    context_object_name = "organizations"
    paginate_by = 25

    def get_queryset(self):
        self.private = can_see_private_directory(self.request.user)
        self.filter_form, organizations = _filtered_directory(self.request, private=self.private)
        return organizations

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            filter_form=self.filter_form,
            private=self.private,
            query_without_page=query_without_page(self.request),
            today=timezone.localdate(),
        )
        return context


class _ExportView(StaffRequiredMixin, View):
    def organizations(self):
        _form, organizations = _filtered_directory(self.request, private=True)
        return organizations

    def filename(self, extension):
        return f"organizaciones-{timezone.localdate():%Y%m%d}.{extension}"


class _Echo:
    def write(self, value):
        return value


class DirectoryCsvExportView(_ExportView):
    def get(self, request, *args, **kwargs):
        writer = csv.writer(_Echo())

        def lines():
            yield "\ufeff" + writer.writerow(EXPORT_COLUMNS)
            for organization in self.organizations().iterator(chunk_size=2000):
                yield writer.writerow(organization_export_row(organization))

        response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{self.filename("csv")}"'
        return response


class DirectoryExcelExportView(_ExportView):
    def get(self, request, *args, **kwargs):
        response = HttpResponse(
            write_xlsx(self.organizations().iterator(chunk_size=2000)),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = f'attachment; filename="{self.filename("xlsx")}"'
        return response


class FiguresView(StaffRequiredMixin, TemplateView):
    """Members by type and size, the share of SMEs, participation and due diligence to do."""

    template_name = "companies/figures.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(figures=selectors.figures(), **kwargs)


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
