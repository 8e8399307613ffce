"""IATI pages: the public files (activities, organisation, one project) and the staff page that sets and checks them."""

import tempfile
from datetime import datetime

from django.contrib import messages
from django.http import FileResponse, HttpResponse, HttpResponseNotFound, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from lxml import etree

from axs_platform.mail import site_url
from axs_platform.pagination import page_of
from axs_platform.permissions import PredicateRequiredMixin
from axs_platform.service_views import ServiceFormView
from opendata import prebuilt
from projects.models import Proposal

from . import selectors, services, validation
from .forms import PublicationForm, PublisherForm
from .permissions import can_manage_publication
from .prebuilt import NAME as PREBUILT
from .prebuilt import last_build
from .writer import activity_chunks, is_publishable, organisation_document

XML = "application/xml; charset=utf-8"


class NotPublished(Exception):
    """A file that is not served, with the reason its 404 says."""


def _not_found_says_why(view):
    """Answer a file's ``NotPublished`` with 404 and its reason as plain text: the site's 404 page would hide it."""

    def get(self, request, *args, **kwargs):
        try:
            return view(self, request, *args, **kwargs)
        except NotPublished as reason:
            return HttpResponseNotFound(str(reason), content_type="text/plain; charset=utf-8")

    return get


def _reporter():
    reporter = selectors.reporter(site_url())
    if reporter is None:
        raise NotPublished(_("The IATI publication is not set up yet."))
    return reporter


def _xml_response(chunks, filename):
    response = StreamingHttpResponse(chunks, content_type=XML)
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


class ActivitiesFileView(View):
    """The IATI activity file of every public project, streamed as it is written."""

    @_not_found_says_why
    def get(self, request):
        reporter = _reporter()
        if not selectors.publication_rows().filter(has_start_date=True).exists():
            raise NotPublished(_("No project is public in IATI yet."))
        found = prebuilt.open_fresh(PREBUILT, "xml")
        if found is not None:
            response = FileResponse(found[1], content_type=XML)
            response["Content-Disposition"] = 'inline; filename="axs-iati-actividades.xml"'
            return response
        prebuilt.queue(PREBUILT, "xml")
        return _xml_response(activity_chunks(selectors.published_projects(), reporter), "axs-iati-actividades.xml")


class ProjectFileView(View):
    """The IATI activity file of one public project."""

    @_not_found_says_why
    def get(self, request, pk):
        reporter = _reporter()
        project = selectors.published_projects().filter(pk=pk).first()
        if project is None:
            raise NotPublished(_("No public project has this number."))
        if not is_publishable(project):
            raise NotPublished(_("This project has no dates yet, which IATI requires."))
        return _xml_response(activity_chunks([project], reporter), f"axs-iati-proyecto-{pk}.xml")


class OrganisationFileView(View):
    """The IATI organisation file of the reporting organization."""

    @_not_found_says_why
    def get(self, request):
        document = organisation_document(_reporter())
        body = etree.tostring(document, xml_declaration=True, encoding="utf-8", pretty_print=True)
        response = HttpResponse(body, content_type=XML)
        response["Content-Disposition"] = 'inline; filename="axs-iati-organizacion.xml"'
        return response


SHOWN_PROBLEMS = 50
VALIDATION_SESSION_KEY = "iati_validation"


def check_files(reporter):
    """Write both files as the public URLs do and return what the schemas and codelists say of them.

    The result is kept in the session (JSON), so it holds plain values and the page translates its words.
    """
    organisation_problems = validation.problems(organisation_document(reporter), validation.ORGANISATIONS)
    result = {
        "checked_at": timezone.now().isoformat(),
        "no_public_project": False,
        "activity_count": 0,
        "activity_problems": [],
        "organisation_problems": organisation_problems[:SHOWN_PROBLEMS],
    }
    if not selectors.publication_rows().filter(has_start_date=True).exists():
        return {**result, "no_public_project": True}
    with tempfile.TemporaryFile() as file:
        for chunk in activity_chunks(selectors.published_projects(), reporter):
            file.write(chunk)
        file.seek(0)
        activities = etree.parse(file)
    activity_problems = validation.problems(activities, validation.ACTIVITIES)
    return {
        **result,
        "activity_count": len(activities.getroot()),
        "activity_problems": activity_problems[:SHOWN_PROBLEMS],
    }


def _validation_shown(session):
    """Return the last "Validar ahora" result kept in this session, its time as a datetime, or None."""
    kept = session.get(VALIDATION_SESSION_KEY)
    if not kept:
        return None
    return {**kept, "checked_at": datetime.fromisoformat(kept["checked_at"])}


PROJECTS_PER_PAGE = 50


class PublicationSettingsView(PredicateRequiredMixin, ServiceFormView):
    """Staff set the reporting organization, see the URLs to register, each project's IATI data, and validate."""

    permission_predicate = can_manage_publication
    template_name = "iati/settings.html"
    form_class = PublisherForm
    success_message = ""

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": selectors.publisher()}

    def get_context_data(self, **kwargs):
        publisher = selectors.publisher()
        base = site_url()
        activity_file = last_build()
        return super().get_context_data(
            publisher=publisher,
            urls={
                "activities": base + reverse("iati:activities"),
                "organisation": base + reverse("iati:organisation"),
            },
            projects=page_of(self.request, selectors.publication_rows(), PROJECTS_PER_PAGE),
            validation=_validation_shown(self.request.session),
            activity_file=activity_file,
            activity_file_current=activity_file is not None and prebuilt.is_current(activity_file),
            **kwargs,
        )

    def call_service(self, form):
        self.success_message = _("The IATI settings were saved.")
        publisher = services.publisher_update(actor=self.request.user, request=self.request, **form.cleaned_data)
        self.request.session.pop(VALIDATION_SESSION_KEY, None)  # it described the files before this change
        return publisher

    def get_success_url_for(self, result):
        return reverse("iati:settings")


class ValidateView(PredicateRequiredMixin, View):
    """Staff check both files now against the IATI 2.03 schemas and the shipped codelists; the staff page shows it."""

    permission_predicate = can_manage_publication

    def get(self, request):
        return redirect("iati:settings")

    def post(self, request):
        reporter = selectors.reporter(site_url())
        if reporter is not None:
            request.session[VALIDATION_SESSION_KEY] = check_files(reporter)
        return redirect("iati:settings")


class RebuildView(PredicateRequiredMixin, View):
    """Staff send the activity file built ahead to be written again now; the staff page shows how it went."""

    permission_predicate = can_manage_publication

    def get(self, request):
        return redirect("iati:settings")

    def post(self, request):
        services.activity_file_rebuild(actor=request.user, request=request)
        messages.success(request, _("The activity file was sent to be rebuilt."))
        return redirect("iati:settings")


class PublicationEditView(PredicateRequiredMixin, ServiceFormView):
    """Staff give a public project a DAC purpose code and its title and summary in English."""

    permission_predicate = can_manage_publication
    template_name = "iati/publication_form.html"
    form_class = PublicationForm

    def dispatch(self, request, *args, **kwargs):
        self.project = get_object_or_404(Proposal.objects.published(), pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        publication = getattr(self.project, "iati_publication", None)
        return {**super().get_form_kwargs(), "instance": publication, "project": self.project}

    def get_context_data(self, **kwargs):
        return super().get_context_data(project=self.project, **kwargs)

    def call_service(self, form):
        self.success_message = _("The project's IATI data were saved.")
        return services.publication_update(
            actor=self.request.user, proposal=self.project, request=self.request, **form.cleaned_data
        )

    def get_success_url_for(self, result):
        return reverse("iati:settings")
