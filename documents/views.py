"""Pages of generated documents: ask, follow the progress, download, retry, regenerate."""

from urllib.parse import urlsplit

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import DetailView, ListView

from axs_platform.uploads import private_file_response

from .forms import DocumentRequestForm
from .models import Document
from .permissions import can_list_all_documents, can_view_document
from .selectors import documents_for
from .services import DocumentError, document_regenerate, document_request, document_retry


class DocumentAccessMixin(LoginRequiredMixin):
    """Load the document of the URL; 403 to people who may not read it."""

    def get_document(self):
        document = get_object_or_404(Document.objects.select_related("requested_by"), pk=self.kwargs["pk"])
        if not can_view_document(self.request.user, document):
            raise PermissionDenied
        return document


class DocumentRequestView(LoginRequiredMixin, View):
    """Queue a document (or find the one already rendering) and go to its progress page."""

    def post(self, request):
        form = DocumentRequestForm(request.POST)
        if not form.is_valid():
            for error in form.non_field_errors() + form.errors.get("language", []):
                messages.error(request, error)
            return self.back(request)
        try:
            document = document_request(
                actor=request.user,
                kind=form.cleaned_data["kind"],
                language=form.cleaned_data["language"],
                target=form.cleaned_data["target"],
                request=request,
            )
        except DocumentError as error:
            # A kind that needs what this form does not send (a report's period) says so, as the errors above.
            messages.error(request, str(error))
            return self.back(request)
        if document.in_progress and document.sent_at is None:
            messages.warning(
                request,
                _(
                    "The document queue is not answering right now. Your request is saved and the document "
                    "will be prepared as soon as the queue is back; you can leave this page and come back later."
                ),
            )
        return redirect(document)

    def handle_no_permission(self):
        """Sign in, then come back to the page that asked: never to this URL, which answers a GET with 405."""
        if self.request.user.is_authenticated:
            return super().handle_no_permission()
        return redirect_to_login(self.page_that_asked(self.request), self.get_login_url())

    def back(self, request):
        """Go back to the page that asked, else to the list of documents."""
        return redirect(self.page_that_asked(request))

    @staticmethod
    def page_that_asked(request):
        """The posted ``next``, else the referring page, when it is on this site; else the list of documents."""
        for candidate in (request.POST.get("next", ""), request.META.get("HTTP_REFERER", "")):
            if candidate and url_has_allowed_host_and_scheme(
                candidate, {request.get_host()}, require_https=request.is_secure()
            ):
                if "://" in candidate:  # the referer is absolute: keep its path and query, as ``next`` sends
                    parts = urlsplit(candidate)
                    candidate = f"{parts.path}?{parts.query}" if parts.query else parts.path
                if candidate != reverse("documents:document-request"):
                    return candidate
        return reverse("documents:document-list")


class DocumentDetailView(DocumentAccessMixin, DetailView):
    """The progress page: it follows the job without a reload (htmx) or with one (no JavaScript)."""

    context_object_name = "document"

    def get_object(self, queryset=None):
        return self.get_document()

    def get_template_names(self):
        if self.request.htmx:
            return ["documents/includes/status.html"]
        return ["documents/document_detail.html"]


class DocumentDownloadView(DocumentAccessMixin, View):
    def get(self, request, pk):
        document = self.get_document()
        if document.status != Document.Status.READY or document.erased_at:
            raise Http404
        return private_file_response(document.file, document.filename)


class DocumentRetryView(DocumentAccessMixin, View):
    def post(self, request, pk):
        document = self.get_document()
        try:
            document_retry(actor=request.user, document=document, request=request)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        return redirect(document)


class DocumentRegenerateView(DocumentAccessMixin, View):
    def post(self, request, pk):
        document = document_regenerate(actor=request.user, document=self.get_document(), request=request)
        messages.success(request, _("A new version of the document is being prepared."))
        return redirect(document)


class DocumentListView(LoginRequiredMixin, ListView):
    """The documents a person asked for; staff see everybody's."""

    template_name = "documents/document_list.html"
    context_object_name = "documents"
    paginate_by = 50

    def get_queryset(self):
        self.show_all = can_list_all_documents(self.request.user)
        status = self.request.GET.get("status", "")
        return documents_for(
            self.request.user,
            all_documents=self.show_all,
            status=status if status in Document.Status.values else "",
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            show_all=self.show_all, statuses=Document.Status.choices, status=self.request.GET.get("status", "")
        )
        query = self.request.GET.copy()
        query.pop("page", None)
        context["query_without_page"] = query.urlencode()
        return context
