"""Importing organizations from CSV or Excel: upload, preview every row, then confirm."""

from django.contrib import messages
from django.core import signing
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.generic import View

from axs_platform.exports import csv_response
from axs_platform.permissions import StaffRequiredMixin

from .. import services
from ..forms import ImportForm
from ..spreadsheets import IMPORT_COLUMN_NAMES, IMPORT_COLUMNS, read_rows

SIGNING_SALT = "companies.import"


class ImportView(StaffRequiredMixin, View):
    """Upload shows the preview; only a file whose rows are all correct can be confirmed."""

    template_name = "companies/import.html"

    def page(self, request, form, **context):
        return render(request, self.template_name, {"form": form, "columns": IMPORT_COLUMNS, **context})

    def get(self, request):
        return self.page(request, ImportForm())

    def post(self, request):
        if "confirm" in request.POST:
            return self.confirm(request)
        form = ImportForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.page(request, form)
        try:
            _headers, rows = read_rows(form.cleaned_data["file"])
        except ValidationError as error:
            form.add_error("file", error)
            return self.page(request, form)
        checked = services.check_rows(rows)
        wrong = sum(1 for _line, _fields, errors in checked if errors)
        payload = signing.dumps(rows, salt=SIGNING_SALT, compress=True) if not wrong else ""
        return self.page(
            request,
            ImportForm(),
            preview=checked,
            wrong=wrong,
            payload=payload,
            file_name=form.cleaned_data["file"].name,
        )

    def confirm(self, request):
        try:
            rows = signing.loads(request.POST.get("payload", ""), salt=SIGNING_SALT, max_age=60 * 60)
        except signing.BadSignature:
            messages.error(request, _("The preview has expired or was altered. Upload the file again."))
            return redirect("companies:import")
        try:
            created = services.organizations_import(actor=request.user, rows=rows, request=request)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages) + " " + _("Upload the file again to see why."))
            return redirect("companies:import")
        messages.success(request, _("%(count)d organizations have been imported.") % {"count": len(created)})
        return redirect("companies:directory")


class ImportTemplateView(StaffRequiredMixin, View):
    """An empty CSV with the columns an import file needs and one example row."""

    def get(self, request):
        return csv_response(
            "plantilla-organizaciones.csv",
            IMPORT_COLUMN_NAMES,
            [
                [
                    "Ejemplo Sostenible, S.A. de C.V.",
                    "Ejemplo Sostenible",
                    "company",
                    "small",
                    "manufacturing",
                    "ESO150301AB1",
                    "MX",
                    "JAL",
                    "https://ejemplo.example",
                    "Fabricante de empaques compostables.",
                    "contacto@ejemplo.example",
                    # Not "+52 …": an export writes a leading + as "'+" so no spreadsheet runs it as a formula.
                    "33 1234 5678",
                ],
            ],
        )
