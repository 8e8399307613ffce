"""The public pages of published projects, and their public fact sheets."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from axs_platform import fragments
from axs_platform.pagination import page_of, page_rows
from axs_platform.permissions import PredicateRequiredMixin

from .. import fact_sheets, permissions, sections, selectors, services
from ..models import Proposal

# Two cards a row on a wide screen: an even number.
CARDS_PER_PAGE = 24


class ProjectListView(TemplateView):
    """The published projects, newest first, 24 a page.

    The cards are the same for everyone: rendered once per version of the proposals, committees and
    directory (the lead organization's name), language and page, and read from the cache after that.
    """

    template_name = "projects/project_list.html"

    def get_context_data(self, **kwargs):
        page = self.request.GET.get("page")

        def render():
            projects = page_of(self.request, page_rows(selectors.project_cards()), CARDS_PER_PAGE)
            return render_to_string("projects/includes/project_cards.html", {"projects": projects}), None

        areas = [fragments.PROPOSALS, fragments.COMMITTEES, fragments.DIRECTORY]
        cards = fragments.fragment(areas, "project-list", (page,), render)
        return super().get_context_data(cards=cards, **kwargs)


class ProjectDetailView(TemplateView):
    """A published project: title, committee, consortium, SDGs and targets, objective, components, indicators.

    The body (consortium to results and the sections other apps add) is the same for every reader: a
    fragment per project, version of what the public sees of proposals and monitoring, and the directory
    (the partners' names). The title, the fact sheets and the buttons are read per request.
    """

    template_name = "projects/project_detail.html"

    def get_context_data(self, **kwargs):
        project = get_object_or_404(
            Proposal.objects.published().select_related("committee__goal").annotate(**fact_sheets.ready_dates()),
            pk=kwargs["pk"],
        )

        def render():
            shown = selectors.public_project().get(pk=project.pk)
            context = {
                "project": shown,
                "members": shown.accepted_members,
                "objective_indicators": shown.objective_indicators,
                "sections": sections.render(shown, medium="page"),
            }
            return render_to_string("projects/includes/public_body.html", context), None

        areas = [fragments.PUBLIC_PROPOSALS, fragments.PUBLIC_MONITORING, fragments.DIRECTORY]
        sheets = fact_sheets.sheets_of(project)
        current = (get_language() or "").split("-")[0]
        return super().get_context_data(
            project=project,
            body=fragments.fragment(areas, "project-detail", (project.pk,), render),
            # The sheet in the page's language first, then the others.
            fact_sheets=sorted(sheets, key=lambda sheet: sheet[0] != current),
            may_refresh_fact_sheet=permissions.can_publish(self.request.user, project),
            **kwargs,
        )


class ProjectFactSheetView(View):
    """The latest public fact sheet of a published project, in a language: a stable address (IATI links to it)."""

    def get(self, request, pk, language):
        if not Proposal.objects.published().filter(pk=pk).exists():
            raise Http404(_("No published project has this number."))
        document = fact_sheets.latest(pk, language)
        if document is None:
            raise Http404(_("This project has no public fact sheet in this language yet."))
        response = FileResponse(document.file.open("rb"), content_type="application/pdf", filename=document.filename)
        response["X-Content-Type-Options"] = "nosniff"
        patch_cache_control(response, public=True, max_age=300)
        return response


class ProjectFactSheetRefreshView(PredicateRequiredMixin, View):
    """Staff ask for the public fact sheet again (after the project changed), in every language."""

    def has_permission(self):
        self.project = get_object_or_404(Proposal.objects.published(), pk=self.kwargs["pk"])
        return permissions.can_publish(self.request.user, self.project)

    def post(self, request, pk):
        try:
            services.public_fact_sheets_request(actor=request.user, proposal=self.project, request=request)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The public fact sheet is being prepared in every language."))
        return redirect("projects:project-detail", pk=self.project.pk)
