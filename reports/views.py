"""Staff pages of the report: ask for it, see its dashboard, write its narrative."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView, TemplateView

from audit.models import AuditEvent
from audit.services import audit_record
from axs_platform import fragments
from axs_platform.forms import add_service_errors
from axs_platform.permissions import StaffRequiredMixin
from documents.selectors import documents_for
from documents.services import document_request

from .documents import SYSTEMATIZATION
from .forms import DEFAULT_END, DEFAULT_START, NARRATIVE, NarrativeTextForm, PeriodForm, ReportRequestForm
from .models import NarrativePart, NarrativeText
from .selectors import current_narrative, dashboard_data, report_charts
from .services import narrative_row_archive, narrative_row_restore, narrative_row_save, narrative_text_save


class ReportHomeView(StaffRequiredMixin, FormView):
    """Choose the period and the language; the report is rendered by the worker."""

    template_name = "reports/report_home.html"
    form_class = ReportRequestForm

    def get_initial(self):
        return {"start": DEFAULT_START, "end": DEFAULT_END, "language": get_language()}

    def form_valid(self, form):
        document = document_request(
            actor=self.request.user,
            kind=SYSTEMATIZATION,
            language=form.cleaned_data["language"],
            params=form.params,
            request=self.request,
        )
        return redirect(document)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            reports=documents_for(self.request.user, all_documents=True, kind=SYSTEMATIZATION)[:20],
            narrative=[
                (slug, label, model.objects.current().count()) for slug, (model, _f, label) in NARRATIVE.items()
            ],
            **kwargs,
        )


class DashboardView(StaffRequiredMixin, TemplateView):
    """The report's figures and charts on a page, for any period (the same SVG as in the PDF)."""

    template_name = "reports/dashboard.html"

    def get_context_data(self, **kwargs):
        form = PeriodForm(self.request.GET or {"start": DEFAULT_START, "end": DEFAULT_END})
        context = {"form": form}
        if form.is_valid():
            period = form.cleaned_data["start"], form.cleaned_data["end"]

            def render():
                data = dashboard_data(*period)
                shown = {**data, "charts": report_charts(data)}
                return render_to_string("reports/includes/dashboard_body.html", shown), None

            # The report's figures read every area, as the edition's preview does (reports.editions).
            context["body"] = fragments.fragment(fragments.AREAS, "report-dashboard", period, render)
        return super().get_context_data(**context, **kwargs)


class NarrativeListView(StaffRequiredMixin, TemplateView):
    """Each part of the narrative with its current rows, and the archived ones to restore."""

    template_name = "reports/narrative_list.html"

    def get_context_data(self, **kwargs):
        sections = []
        for slug, (model, _f, label) in NARRATIVE.items():
            rows = list(model.objects.all())
            current = [row for row in rows if row.archived_at is None]
            sections.append((slug, label, current, [row for row in rows if row.archived_at is not None]))
        return super().get_context_data(sections=sections, **kwargs)


class NarrativeMixin(StaffRequiredMixin):
    def dispatch(self, request, *args, **kwargs):
        if kwargs["part"] not in NARRATIVE:
            raise Http404
        self.model, self.form_class, self.part_label = NARRATIVE[kwargs["part"]]
        return super().dispatch(request, *args, **kwargs)

    def get_success_url(self):
        return reverse("reports:narrative-list") + f"#{self.kwargs['part']}"


class NarrativeEditView(NarrativeMixin, FormView):
    """Write a new narrative row, or change one."""

    template_name = "reports/form.html"

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        if "pk" in self.kwargs:
            kwargs["instance"] = get_object_or_404(self.model.objects.current(), pk=self.kwargs["pk"])
        return kwargs

    def form_valid(self, form):
        try:
            narrative_row_save(
                actor=self.request.user,
                model=self.model,
                row=form.instance if form.instance.pk else None,
                values=form.cleaned_data,
                request=self.request,
            )
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("Saved. The next report you generate will include it."))
        return redirect(self.get_success_url())

    def get_context_data(self, **kwargs):
        return super().get_context_data(title=self.part_label, **kwargs)


class NarrativeArchiveView(NarrativeMixin, TemplateView):
    """Archive a narrative row: it leaves the report and the lists; the row and its history stay."""

    template_name = "reports/narrative_archive.html"

    def get_context_data(self, **kwargs):
        row = get_object_or_404(self.model.objects.current(), pk=self.kwargs["pk"])
        return super().get_context_data(row=row, title=self.part_label, **kwargs)

    def post(self, request, part, pk):
        row = get_object_or_404(self.model.objects.current(), pk=pk)
        try:
            narrative_row_archive(actor=request.user, row=row, request=request)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Archived. Reports already generated keep it; the next ones will not."))
        return redirect(self.get_success_url())


class NarrativeRestoreView(NarrativeMixin, View):
    """Bring an archived narrative row back into the report."""

    def post(self, request, part, pk):
        row = get_object_or_404(self.model, pk=pk)
        try:
            narrative_row_restore(actor=request.user, row=row, request=request)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Restored. The next report you generate will include it."))
        return redirect(self.get_success_url())


class NarrativeTextListView(StaffRequiredMixin, TemplateView):
    """The written parts of the publication, each with its current version."""

    template_name = "reports/texts.html"

    def get_context_data(self, **kwargs):
        texts = current_narrative()
        parts = [(value, label, texts.get(value)) for value, label in NarrativePart.choices]
        return super().get_context_data(parts=parts, **kwargs)


class NarrativeTextEditView(StaffRequiredMixin, FormView):
    """Write a new version of one part; the older versions are listed below and kept."""

    template_name = "reports/text_form.html"
    form_class = NarrativeTextForm

    def dispatch(self, request, *args, **kwargs):
        if kwargs["part"] not in NarrativePart.values:
            raise Http404
        self.part = NarrativePart(kwargs["part"])
        self.versions = list(NarrativeText.objects.filter(part=self.part).select_related("written_by"))
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self):
        latest = self.versions[0] if self.versions else None
        return {"body_es": latest.body_es, "body_en": latest.body_en} if latest else {}

    def form_valid(self, form):
        try:
            text = narrative_text_save(actor=self.request.user, part=self.part, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        audit_record(actor=self.request.user, action=AuditEvent.Action.UPDATED, target=text, request=self.request)
        messages.success(self.request, _("Saved. The next report you generate will include it."))
        return redirect("reports:texts")

    def get_context_data(self, **kwargs):
        return super().get_context_data(title=self.part.label, versions=self.versions, **kwargs)
