"""Due-diligence reviews of an organization: staff run them, evaluators read them."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView, View

from audit.selectors import history_for
from axs_platform.forms import add_service_errors
from axs_platform.uploads import private_file_response

from .. import selectors, services
from ..forms import ChecklistForm, DecisionForm, EvidenceForm
from ..models import DueDiligenceReview, Evidence
from ..permissions import can_run_due_diligence, can_view_due_diligence
from .mixins import OrganizationAccessMixin, organization_flags


def _may_view(user, organization):
    return can_view_due_diligence(user)


def _may_run(user, organization):
    return can_run_due_diligence(user)


def _typed(forms):
    """What the posted forms carried, as (label, value) pairs a person can copy: choices by their label."""
    typed = []
    for form in forms:
        for name, field in form.fields.items():
            value = form.data.get(form.add_prefix(name), "") if hasattr(form.data, "get") else ""
            if isinstance(value, str):
                value = value.strip()
            if not value:
                file = form.files.get(form.add_prefix(name)) if hasattr(form.files, "get") else None
                if file is not None:
                    typed.append((field.label, _("%(name)s (not attached)") % {"name": file.name}))
                continue
            choices = dict(getattr(field, "choices", ()) or ())
            typed.append((field.label, choices.get(value, value)))
    return typed


class ReviewListView(OrganizationAccessMixin, TemplateView):
    template_name = "companies/due_diligence_list.html"
    organization_predicate = _may_view

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            reviews=selectors.due_diligence_reviews(self.organization),
            can_run=can_run_due_diligence(self.request.user),
            **kwargs,
        )


class ReviewStartView(OrganizationAccessMixin, View):
    organization_predicate = _may_run

    def post(self, request, *args, **kwargs):
        try:
            review = services.review_start(actor=request.user, organization=self.organization, request=request)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("companies:due-diligence-list", pk=self.organization.pk)
        messages.success(request, _("A new due-diligence review has been opened."))
        return redirect(review)


class ReviewDetailView(OrganizationAccessMixin, View):
    """A review: read by staff and evaluators; while open, staff fill it in with three forms."""

    organization_predicate = _may_view
    template_name = "companies/due_diligence_detail.html"

    def get_review(self):
        return get_object_or_404(
            DueDiligenceReview.objects.select_related("reviewer", "started_by"),
            pk=self.kwargs["review_pk"],
            organization=self.organization,
        )

    def render_page(self, review, **forms):
        can_run = can_run_due_diligence(self.request.user) and not review.is_decided
        context = {
            "organization": self.organization,
            "review": review,
            "answers": review.answers.all(),
            "evidence": review.evidence.select_related("uploaded_by"),
            "can_run": can_run,
            "history": history_for(review),
            **organization_flags(self.request.user, self.organization),
        }
        if can_run:
            initial = {"summary": review.summary}
            for answer in context["answers"]:
                initial[f"{answer.question}_finding"] = answer.finding
                initial[f"{answer.question}_notes"] = answer.notes
            context["checklist_form"] = forms.get("checklist_form") or ChecklistForm(initial=initial)
            context["evidence_form"] = forms.get("evidence_form") or EvidenceForm(optional=True)
            context["decision_form"] = forms.get("decision_form") or DecisionForm()
        elif forms:
            # Posted to a review decided meanwhile (another tab, a colleague): the page has no forms to hold the
            # refusal, so say it as a message and show back what was typed, never dropping it silently.
            try:
                services.check_review_open(review)
            except ValidationError as error:
                messages.error(self.request, " ".join(error.messages))
            context["unsaved"] = _typed(forms.values())
        status = 400 if forms else 200
        return render(self.request, self.template_name, context, status=status)

    def get(self, request, *args, **kwargs):
        return self.render_page(self.get_review())


class _ReviewWriteView(ReviewDetailView):
    organization_predicate = _may_run
    form_class = None
    form_name = ""
    success_message = ""

    def get(self, request, *args, **kwargs):
        return redirect(self.get_review())

    def post(self, request, *args, **kwargs):
        review = self.get_review()
        form = self.form_class(request.POST, request.FILES)
        if form.is_valid():
            try:
                self.save(review, form)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, self.success_message)
                return redirect(review)
        return self.render_page(review, **{self.form_name: form})


class ChecklistSaveView(_ReviewWriteView):
    """Save the checklist, and attach the document chosen beside it: the page's one form sends both."""

    def post(self, request, *args, **kwargs):
        review = self.get_review()
        checklist_form = ChecklistForm(request.POST)
        evidence_form = EvidenceForm(request.POST, request.FILES, optional=True)
        if checklist_form.is_valid() & evidence_form.is_valid():
            evidence = evidence_form.evidence()
            try:
                services.checklist_save(
                    actor=request.user,
                    review=review,
                    answers=checklist_form.answers(),
                    summary=checklist_form.cleaned_data["summary"],
                    evidence=evidence,
                    request=request,
                )
            except ValidationError as error:
                about_evidence = set(getattr(error, "error_dict", {})) & set(evidence_form.fields)
                add_service_errors(evidence_form if about_evidence else checklist_form, error)
            else:
                if evidence:
                    messages.success(request, _("The checklist has been saved and the document attached."))
                else:
                    messages.success(request, _("The checklist has been saved."))
                return redirect(review)
        return self.render_page(review, checklist_form=checklist_form, evidence_form=evidence_form)


class EvidenceAddView(_ReviewWriteView):
    form_class = EvidenceForm
    form_name = "evidence_form"
    success_message = gettext_lazy("The document has been attached.")

    def save(self, review, form):
        services.evidence_add(actor=self.request.user, review=review, request=self.request, **form.cleaned_data)


class DecisionView(_ReviewWriteView):
    form_class = DecisionForm
    form_name = "decision_form"
    success_message = gettext_lazy("The decision has been recorded.")

    def save(self, review, form):
        services.review_decide(actor=self.request.user, review=review, request=self.request, **form.cleaned_data)


class EvidenceDownloadView(OrganizationAccessMixin, View):
    """Serve an evidence document only to staff and evaluators, never from a public URL."""

    organization_predicate = _may_view

    def get(self, request, *args, **kwargs):
        evidence = get_object_or_404(
            Evidence,
            pk=kwargs["evidence_pk"],
            review_id=kwargs["review_pk"],
            review__organization=self.organization,
        )
        return private_file_response(evidence.file, evidence.original_name)
