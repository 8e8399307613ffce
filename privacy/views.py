"""Pages of personal data requests: filing, confirming the e-mail, following one's requests, staff's queue."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import ListView, TemplateView

from audit.selectors import history_for
from axs_platform import notices
from axs_platform.forms import add_service_errors
from axs_platform.permissions import StaffRequiredMixin
from axs_platform.uploads import private_file_response

from . import rectification, selectors, services
from .documents import EXPORT_RIGHTS, PERSONAL_DATA
from .export_links import LinkRefused
from .forms import (
    AnswerForm,
    AskCompletionForm,
    CancelForm,
    CompleteForm,
    DenyUnverifiedForm,
    OpposeForm,
    QueueFilterForm,
    ReasonForm,
    RectifyForm,
    RequestFileForm,
)
from .models import DeadlinePolicy, RightsRequest
from .permissions import can_handle_requests, can_view_request, is_requester
from .subjects import person_of


class RequestFileView(View):
    """File a request, signed in or not; the form keeps what was typed when the service refuses."""

    template_name = "privacy/request_form.html"

    def get(self, request):
        return self.render_page(RequestFileForm(user=request.user))

    def render_page(self, form):
        return render(self.request, self.template_name, {"form": form, "policy": DeadlinePolicy.current()})

    def post(self, request):
        form = RequestFileForm(request.POST, user=request.user)
        if form.is_valid():
            data = form.cleaned_data
            try:
                rights_request = services.request_file(
                    user=request.user,
                    right=data["right"],
                    details=data["details"],
                    channel=data["channel"],
                    full_name=data.get("full_name", ""),
                    email=data.get("email", ""),
                    language=get_language(),
                    rectify_fields=data.get("rectify_fields") or (),
                    notice_shown=notices.shown(request.POST),
                    request=request,
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                if request.user.is_authenticated:
                    messages.success(
                        request,
                        _("Your request was received. We answer it by %(day)s at the latest.")
                        % {"day": date_format(rights_request.due_on, "DATE_FORMAT")},
                    )
                    return redirect(rights_request)
                return redirect("privacy:request-filed")
        return self.render_page(form)


class RequestFiledView(TemplateView):
    template_name = "privacy/request_filed.html"


class RequestVerifyView(View):
    """Confirm the e-mail address of a request: the link shows a button, and only the POST confirms it."""

    template_name = "privacy/request_verify.html"

    def get(self, request, token):
        return render(request, self.template_name, {"token": token})

    def post(self, request, token):
        try:
            rights_request = services.identity_verify_by_link(token=token, request=request)
        except ValidationError as error:
            return render(request, self.template_name, {"token": token, "error": error.messages[0]}, status=400)
        return render(request, self.template_name, {"verified": rights_request})


class ExportDownloadView(View):
    """Download an access export through the signed link e-mailed to somebody without an account."""

    def get(self, request, token):
        try:
            document = services.export_download(token=token, request=request)
        except LinkRefused as refused:
            status = 404 if refused.reason == "invalid" else 410
            return render(request, "privacy/export_link_refused.html", {"reason": refused.reason}, status=status)
        return private_file_response(document.file, document.filename)


class MyRequestListView(LoginRequiredMixin, ListView):
    template_name = "privacy/my_requests.html"
    context_object_name = "requests"

    def get_queryset(self):
        return selectors.requests_of(self.request.user)


class QueueView(StaffRequiredMixin, ListView):
    """The transparency unit's queue: due dates, overdue requests flagged."""

    template_name = "privacy/queue.html"
    context_object_name = "requests"
    paginate_by = 50

    def get_queryset(self):
        self.filter_form = QueueFilterForm(self.request.GET or None)
        data = self.filter_form.cleaned_data if self.filter_form.is_valid() else {}
        return selectors.request_queue(status=data.get("status", ""), overdue=data.get("overdue", False))

    def get_context_data(self, **kwargs):
        return super().get_context_data(filter_form=self.filter_form, today=timezone.localdate(), **kwargs)


# Each step a request can take from its page: the form that asks for it, and how the service is called.
ACTIONS = {
    "verify": (
        lambda *a, **k: ReasonForm(*a, button=_("Record the identity check"), form_name="verify", **k),
        lambda actor, obj, d, r: services.identity_verify(
            actor=actor, rights_request=obj, reason=d["reason"], request=r
        ),
    ),
    "start": (
        lambda *a, **k: ReasonForm(*a, button=_("Take up the request"), required=False, form_name="start", **k),
        lambda actor, obj, d, r: services.request_start(actor=actor, rights_request=obj, reason=d["reason"], request=r),
    ),
    "ask": (
        AskCompletionForm,
        lambda actor, obj, d, r: services.request_ask_completion(
            actor=actor, rights_request=obj, what_is_missing=d["what_is_missing"], request=r
        ),
    ),
    "complete": (
        CompleteForm,
        lambda actor, obj, d, r: services.request_complete(
            actor=actor, rights_request=obj, addition=d["addition"], request=r
        ),
    ),
    "extend": (
        lambda *a, **k: ReasonForm(*a, button=_("Extend the term once"), form_name="extend", **k),
        lambda actor, obj, d, r: services.request_extend(
            actor=actor, rights_request=obj, reason=d["reason"], request=r
        ),
    ),
    "answer": (
        AnswerForm,
        lambda actor, obj, d, r: services.request_answer(actor=actor, rights_request=obj, request=r, **d),
    ),
    "deny": (
        DenyUnverifiedForm,
        lambda actor, obj, d, r: services.request_deny_unverified(actor=actor, rights_request=obj, request=r, **d),
    ),
    "cancel": (
        CancelForm,
        lambda actor, obj, d, r: services.request_cancel(actor=actor, rights_request=obj, request=r, **d),
    ),
    "rectify": (
        RectifyForm,
        lambda actor, obj, d, r: services.request_rectify(actor=actor, rights_request=obj, request=r, **d),
    ),
    "oppose": (
        OpposeForm,
        lambda actor, obj, d, r: services.request_oppose(actor=actor, rights_request=obj, request=r, **d),
    ),
    "withdraw": (
        lambda *a, **k: ReasonForm(*a, button=_("Withdraw the request"), form_name="withdraw", **k),
        lambda actor, obj, d, r: services.request_withdraw(
            actor=actor, rights_request=obj, reason=d["reason"], request=r
        ),
    ),
}
STAFF_ACTIONS = {
    RightsRequest.Status.RECEIVED: ["verify", "deny", "ask", "extend", "withdraw"],
    RightsRequest.Status.IDENTITY_VERIFIED: ["start", "ask", "extend", "answer", "withdraw"],
    RightsRequest.Status.IN_PROGRESS: ["ask", "extend", "answer", "withdraw"],
    RightsRequest.Status.AWAITING_COMPLETION: ["complete", "extend", "withdraw"],
}
REQUESTER_ACTIONS = {
    RightsRequest.Status.RECEIVED: ["withdraw"],
    RightsRequest.Status.IDENTITY_VERIFIED: ["withdraw"],
    RightsRequest.Status.IN_PROGRESS: ["withdraw"],
    RightsRequest.Status.AWAITING_COMPLETION: ["complete", "withdraw"],
}


def _actions_for(user, rights_request):
    table = (
        STAFF_ACTIONS if can_handle_requests(user) else REQUESTER_ACTIONS if is_requester(user, rights_request) else {}
    )
    names = table.get(rights_request.status, [])
    if rights_request.extension_days:
        names = [n for n in names if n != "extend"]
    if "answer" in names and rights_request.right == RightsRequest.Right.CANCELLATION and table is STAFF_ACTIONS:
        names = ["cancel", *names]
    if "answer" in names and rights_request.right == RightsRequest.Right.RECTIFICATION and table is STAFF_ACTIONS:
        names = ["rectify", *names]
    if "answer" in names and rights_request.right == RightsRequest.Right.OPPOSITION and table is STAFF_ACTIONS:
        names = ["oppose", *names]
    return names


class RequestDetailView(LoginRequiredMixin, View):
    """One request: its status, due date, history, and the forms of the steps the viewer may take."""

    template_name = "privacy/request_detail.html"

    def get_object(self):
        rights_request = get_object_or_404(RightsRequest.objects.select_related("requester"), pk=self.kwargs["pk"])
        if not can_view_request(self.request.user, rights_request):
            raise PermissionDenied
        return rights_request

    def render_page(self, rights_request, bound=None, status=200):
        names = _actions_for(self.request.user, rights_request)
        forms = [
            (name, bound[1] if bound and bound[0] == name else self.blank_form(name, rights_request)) for name in names
        ]
        context = {
            "object": rights_request,
            "action_forms": forms,
            "history": history_for(rights_request),
            "rectify_labels": rectification.labels(rights_request.rectify_fields),
            "pauses": rights_request.pauses.all(),
            "is_staff_view": can_handle_requests(self.request.user),
            "today": timezone.localdate(),
            "exports": selectors.exports_of(rights_request),
            "legal_records": self.legal_records(rights_request),
            "export_kind": PERSONAL_DATA,
            "may_export": can_handle_requests(self.request.user)
            and rights_request.right in EXPORT_RIGHTS
            and rights_request.identity_verified
            and rights_request.is_open,
        }
        return render(self.request, self.template_name, context, status=status)

    def get(self, request, pk):
        return self.render_page(self.get_object())

    def blank_form(self, name, rights_request):
        return self.step_form(name, rights_request)

    def step_form(self, name, rights_request, data=None):
        """A step's form; rectification starts from the data the platform holds about the person and organization."""
        if name == "answer" and rights_request.right == RightsRequest.Right.CANCELLATION:
            return AnswerForm(data, prefix=name, only_denial=True)  # a grant goes through "cancel"
        if name != "rectify":
            return ACTIONS[name][0](data, prefix=name)
        person = person_of(rights_request)
        organization = rectification.organization_of(person)
        initial = {field: getattr(person, field) for field in rectification.PERSON_FIELDS} if person else {}
        if organization is not None:
            for field in rectification.ORGANIZATION_FIELDS:
                initial[rectification.ORGANIZATION_PREFIX + field] = getattr(organization, field)
        return RectifyForm(
            data, prefix=name, initial=initial, organization=organization, asked=rights_request.rectify_fields
        )

    def legal_records(self, rights_request):
        """For a cancellation, the records the law keeps in which the person appears (staff see it before answering)."""
        if rights_request.right != RightsRequest.Right.CANCELLATION or not can_handle_requests(self.request.user):
            return None
        person = person_of(rights_request)
        return services.legal_records_of(person) if person is not None else []


class RequestActionView(RequestDetailView):
    """Take one step; a refusal shows the page again with the form as it was typed and the reason."""

    def get(self, request, pk, action):
        return redirect("privacy:request-detail", pk=pk)

    def post(self, request, pk, action):
        rights_request = self.get_object()
        if action not in _actions_for(request.user, rights_request):
            raise PermissionDenied
        call = ACTIONS[action][1]
        form = self.step_form(action, rights_request, request.POST)
        if form.is_valid():
            try:
                call(request.user, rights_request, form.cleaned_data, request)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                if action == "deny":
                    done = _("Request denied: the person was told by e-mail that their identity could not be verified.")
                elif can_handle_requests(request.user):
                    done = _("Saved. The person was told by e-mail.")
                else:  # the requester withdrew or completed their own request
                    done = _("Saved. We sent you a confirmation by e-mail.")
                messages.success(request, done)
                return redirect(reverse("privacy:request-detail", args=[pk]))
        return self.render_page(rights_request, bound=(action, form), status=400)
