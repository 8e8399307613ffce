"""Pages of a progress report: start it, the form (with its evidence), submit, approve or return, evidence out."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from axs_platform.forms import add_service_errors
from axs_platform.permissions import PredicateRequiredMixin
from axs_platform.uploads import private_file_response

from .. import permissions, selectors, services
from ..forms import DecisionForm, EvidenceForm, ReportForm, report_initial
from ..models import Evidence, Period, Report, ReportStatus


def report_url(report):
    return reverse("monitoring:report", args=[report.pk])


class ReportMixin(PredicateRequiredMixin):
    """Load the report named in the URL with everything it shows; reporters, approvers and partners read it."""

    def dispatch(self, request, *args, **kwargs):
        try:
            self.report = selectors.report_full(kwargs["pk"])
        except Report.DoesNotExist:
            raise Http404 from None
        self.implementation = self.report.period.implementation
        return super().dispatch(request, *args, **kwargs)

    def has_permission(self):
        return permissions.can_view(self.request.user, self.implementation)


class ReportStartView(PredicateRequiredMixin, View):
    """Start the report of a period (POST); after an approved version, a correction."""

    http_method_names = ["post"]

    def dispatch(self, request, *args, **kwargs):
        self.period = get_object_or_404(Period.objects.select_related("implementation__proposal"), pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def has_permission(self):
        return permissions.can_report(self.request.user, self.period.implementation)

    def post(self, request, *args, **kwargs):
        try:
            report = services.report_start(actor=request.user, period=self.period, request=request)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(self.period.implementation.get_absolute_url())
        return redirect("monitoring:report-edit", pk=report.pk)


class ReportDetailView(ReportMixin, TemplateView):
    """A report as submitted or approved, its history, and the actions the person may take."""

    template_name = "monitoring/report.html"

    def get_context_data(self, **kwargs):
        user, report = self.request.user, self.report
        can_report = permissions.can_report(user, self.implementation)
        context = {
            "report": report,
            "implementation": self.implementation,
            "can_edit": can_report and report.is_editable,
            "decision_form": kwargs.pop("decision_form", None)
            or (
                DecisionForm()
                if report.status == ReportStatus.SUBMITTED and permissions.can_decide(user, report)
                else None
            ),  # fmt: skip
            "own_submission": report.status == ReportStatus.SUBMITTED and report.submitted_by_id == user.pk,
            # A correction's figures beside the approved version's, so its approver sees what changed.
            "changes": selectors.correction_changes(report) if report.version > 1 else None,
        }
        return super().get_context_data(**context, **kwargs)


class ReportEditView(ReportMixin, TemplateView):
    """The reporter's form: every indicator typed by its unit; a refusal keeps everything typed."""

    template_name = "monitoring/report_form.html"

    def has_permission(self):
        return permissions.can_report(self.request.user, self.implementation)

    def form(self, data=None):
        implementation = self.implementation
        return ReportForm(
            data,
            initial=report_initial(self.report),
            indicators=list(implementation.indicators.all()),
            # Milestones still open, and those this report already names.
            milestones=[
                m
                for m in implementation.milestones.all()
                if m.reached_on is None or m in self.report.milestones_reached.all()
            ],
            contributions=selectors.contribution_rows(implementation),
            returned=self.report.status == ReportStatus.RETURNED,
        )

    def get(self, request, *args, **kwargs):
        if not self.report.is_editable:
            return redirect(report_url(self.report))
        return self.render_to_response(self.get_context_data(form=self.form()))

    def post(self, request, *args, **kwargs):
        form = self.form(request.POST)
        # A file chosen goes in with whichever button was pressed, not only with its own.
        adding = bool(request.POST.get("add_evidence") or request.FILES.get("evidence-file"))
        evidence_form = EvidenceForm(request.POST, request.FILES) if adding else EvidenceForm()
        if form.is_valid() & (evidence_form.is_valid() if adding else True):
            try:
                saved = services.report_save(actor=request.user, report=self.report, request=request,
                                             **form.service_arguments())  # fmt: skip
            except ValidationError as error:
                add_service_errors(form, error)
                if getattr(error, "code", None) == "changed_meanwhile":
                    # Saving again, after reviewing, is a deliberate choice to keep what this person typed.
                    form.carry_version(Report.objects.values_list("updated_at", flat=True).get(pk=self.report.pk))
            else:
                form.carry_version(saved.updated_at)  # shown again below, the form is now this save's
                if adding and not self.add_evidence(evidence_form):
                    messages.info(request, _("The report was saved; the file was not added."))
                elif request.POST.get("submit_report"):
                    return self.submit(form, saved)
                else:
                    saved = (
                        _("The report was saved and the file was added to it.")
                        if adding
                        else _("The report was saved.")
                    )
                    messages.success(request, saved)
                    return redirect("monitoring:report-edit", pk=self.report.pk)
        return self.render_to_response(self.get_context_data(form=form, evidence_form=evidence_form))

    def add_evidence(self, evidence_form):
        """Attach the file to the saved report; False, with the reason on the form, when it is refused."""
        try:
            services.evidence_add(
                actor=self.request.user,
                report=self.report,
                title=evidence_form.cleaned_data["title"],
                upload=evidence_form.cleaned_data["file"],
                request=self.request,
            )
        except ValidationError as error:
            add_service_errors(evidence_form, error)
            return False
        return True

    def submit(self, form, saved):
        """After the report was saved: submit it, or say it was saved but not submitted, and what is missing."""
        request = self.request
        try:
            services.report_submit(actor=request.user, report=saved, reply=form.cleaned_data.get("reply", ""),
                                   opened_at=saved.updated_at, request=request)  # fmt: skip
        except ValidationError as error:
            add_service_errors(form, error)
            messages.info(request, _("The draft was saved, but not submitted: complete what is marked below."))
            return self.render_to_response(self.get_context_data(form=form, evidence_form=EvidenceForm()))
        messages.success(request, _("The report was submitted for approval."))
        return redirect(report_url(self.report))

    def get_context_data(self, **kwargs):
        kwargs.setdefault("evidence_form", EvidenceForm())
        for evidence in self.report.evidence.all():
            evidence.removable = services.evidence_removable(evidence)
        return super().get_context_data(report=self.report, implementation=self.implementation, **kwargs)


class EvidenceRemoveView(PredicateRequiredMixin, View):
    """Remove a file no approver has seen from a report being written (POST); a refusal shows as a message."""

    http_method_names = ["post"]

    def dispatch(self, request, *args, **kwargs):
        self.evidence = get_object_or_404(
            Evidence.objects.select_related("report__period__implementation__proposal"), pk=kwargs["pk"]
        )
        return super().dispatch(request, *args, **kwargs)

    def has_permission(self):
        return permissions.can_report(self.request.user, self.evidence.report.period.implementation)

    def post(self, request, *args, **kwargs):
        report = self.evidence.report
        try:
            services.evidence_remove(actor=request.user, evidence=self.evidence, request=request)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The file was removed from the report."))
        return redirect("monitoring:report-edit", pk=report.pk)


class ReportDecideView(ReportMixin, TemplateView):
    """Approve or return a submitted report (POST); nobody decides a report they submitted."""

    template_name = "monitoring/report.html"
    http_method_names = ["post"]

    def has_permission(self):
        return permissions.can_approve(self.request.user, self.implementation)

    def post(self, request, *args, **kwargs):
        form = DecisionForm(request.POST)
        if form.is_valid():
            try:
                if form.cleaned_data["decision"] == "approve":
                    services.report_approve(actor=request.user, report=self.report,
                                            note=form.cleaned_data["comments"], request=request)  # fmt: skip
                    messages.success(request, _("The report was approved."))
                else:
                    services.report_return(actor=request.user, report=self.report,
                                           comments=form.cleaned_data["comments"], request=request)  # fmt: skip
                    messages.success(request, _("The report was returned to its reporters with your comments."))
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                return redirect(report_url(self.report))
        view = ReportDetailView()
        view.setup(request, *args, **kwargs)
        view.report, view.implementation = self.report, self.implementation
        return view.render_to_response(view.get_context_data(decision_form=form))


class EvidenceDownloadView(PredicateRequiredMixin, View):
    def dispatch(self, request, *args, **kwargs):
        self.evidence = get_object_or_404(
            Evidence.objects.select_related("report__period__implementation__proposal"), pk=kwargs["pk"]
        )
        return super().dispatch(request, *args, **kwargs)

    def has_permission(self):
        return permissions.can_view(self.request.user, self.evidence.report.period.implementation)

    def get(self, request, *args, **kwargs):
        if not self.evidence.file:
            raise PermissionDenied
        return private_file_response(self.evidence.file, self.evidence.original_name)
