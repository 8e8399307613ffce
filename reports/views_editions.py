"""The report's web and Word editions: staff preview, download and publish; the public reads what was published."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from audit.models import AuditEvent
from audit.services import audit_record
from axs_platform.permissions import StaffRequiredMixin

from .documents import _describe
from .editions import edition_docx, edition_preview, edition_publish
from .forms import DEFAULT_END, DEFAULT_START, PeriodForm
from .models import PublishedEdition
from .publication import names_as_of_now


def _period(request):
    form = PeriodForm(request.GET or {"start": DEFAULT_START, "end": DEFAULT_END})
    if not form.is_valid():
        return form, None, None
    return form, form.cleaned_data["start"], form.cleaned_data["end"]


class EditionPreviewView(StaffRequiredMixin, TemplateView):
    """The web edition of a period as the public would read it once published."""

    template_name = "reports/edition.html"

    def get_context_data(self, **kwargs):
        form, start, end = _period(self.request)
        body = edition_preview(start, end) if start else ""
        return super().get_context_data(form=form, body=body, start=start, end=end, **kwargs)


class EditionDocxView(StaffRequiredMixin, View):
    """The Word edition of a period, for the editors who finish documents in Word."""

    def get(self, request):
        form, start, end = _period(request)
        if start is None:
            messages.error(request, _("The report's period is not valid."))
            return redirect("reports:edition")
        title = _describe(None, form.params)
        response = HttpResponse(
            edition_docx(start, end, title),
            content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        )
        response["Content-Disposition"] = f'attachment; filename="sistematizacion-axs-{start:%Y-%m}-{end:%Y-%m}.docx"'
        return response


class EditionPublishView(StaffRequiredMixin, View):
    """Publish the web edition of a period to the public site (both languages, frozen as they read now)."""

    def post(self, request):
        form = PeriodForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("The report's period is not valid."))
            return redirect("reports:edition")
        try:
            edition = edition_publish(
                actor=request.user, start=form.cleaned_data["start"], end=form.cleaned_data["end"]
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("reports:edition")
        audit_record(actor=request.user, action=AuditEvent.Action.CREATED, target=edition, request=request)
        messages.success(request, _("Published. This is the page the public reads."))
        return redirect(edition)


class PublicationView(TemplateView):
    """A published edition, for everybody."""

    template_name = "reports/publication.html"

    def get_context_data(self, **kwargs):
        edition = get_object_or_404(PublishedEdition, pk=self.kwargs["pk"], withdrawn_at__isnull=True)
        # Frozen as published, but nobody is named who has since opposed it or been anonymized.
        return super().get_context_data(edition=edition, pages=names_as_of_now(edition.html), **kwargs)
