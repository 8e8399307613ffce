"""Staff pages of the report: ask for it, see its dashboard, write its narrative."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView

from audit.models import AuditEvent
from audit.services import audit_record
from axs_platform import fragments
from axs_platform.permissions import StaffRequiredMixin
from documents.selectors import documents_for
from documents.services import document_request

from .documents import SYSTEMATIZATION
from .forms import DEFAULT_END, DEFAULT_START, NARRATIVE, NarrativeTextForm, PeriodForm, ReportRequestForm
from .models import BibliographyEntry, NarrativePart, NarrativeText
from .selectors import current_narrative, dashboard_data, report_charts
from .services import narrative_text_save


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
            narrative=[(slug, label, model._default_manager.count()) for slug, (model, _f, label) in NARRATIVE.items()],
            **kwargs,
        )


class DashboardView(StaffRequiredMixin, TemplateView):
    """The report's figures and charts on a page, for any period (the same SVG as in the PDF)."""

    template_name = "reports/dashboard.html"

    def get_context_data(self, **kwargs):
        form = PeriodForm(self.request.GET or {"start": DEFAULT_START, "end": DEFAULT_END})
        context = {"form": form}
        if form.is_valid():
            data = dashboard_data(form.cleaned_data["start"], form.cleaned_data["end"])
            context.update(data, charts=report_charts(data))
        return super().get_context_data(**context, **kwargs)


class NarrativeListView(StaffRequiredMixin, TemplateView):
    template_name = "reports/narrative_list.html"

    def get_context_data(self, **kwargs):
        sections = [(slug, label, list(model._default_manager.all())) for slug, (model, _f, label) in NARRATIVE.items()]
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
            kwargs["instance"] = get_object_or_404(self.model, pk=self.kwargs["pk"])
        return kwargs

    def form_valid(self, form):
        created = form.instance.pk is None
        # The value before and after: the audit trail is the history of these rows (the objectives' fulfilment).
        changes = {
            name: [str(form.initial.get(name, "")) or None, str(form.cleaned_data[name])] for name in form.changed_data
        }
        row = form.save()
        fragments.changed(fragments.REPORT)  # the edition's preview shows it
        audit_record(
            actor=self.request.user,
            action=AuditEvent.Action.CREATED if created else AuditEvent.Action.UPDATED,
            target=row,
            changes=changes,
            request=self.request,
        )
        messages.success(self.request, _("Saved. The next report you generate will include it."))
        return redirect(self.get_success_url())

    def get_context_data(self, **kwargs):
        return super().get_context_data(title=self.part_label, **kwargs)


class NarrativeDeleteView(NarrativeMixin, TemplateView):
    """Remove a narrative row (it holds words, not history: reports already generated keep them)."""

    template_name = "reports/narrative_delete.html"

    def get_context_data(self, **kwargs):
        row = get_object_or_404(self.model, pk=self.kwargs["pk"])
        return super().get_context_data(row=row, title=self.part_label, **kwargs)

    def post(self, request, part, pk):
        row = get_object_or_404(self.model, pk=pk)
        if isinstance(row, BibliographyEntry) and (row.figures.exists() or row.objectives.exists()):
            messages.error(
                request, _("This work is the source of recorded figures or objectives: change their source first.")
            )
            return redirect(self.get_success_url())
        audit_record(actor=request.user, action="reports.narrative_removed", message=str(row), request=request)
        row.delete()
        fragments.changed(fragments.REPORT)
        messages.success(request, _("Removed."))
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
