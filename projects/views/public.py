"""The public pages of published projects."""

from django.shortcuts import get_object_or_404
from django.views.generic import TemplateView

from axs_platform.pagination import page_of

from .. import sections, selectors
from ..models import PartnerStatus, Proposal
from .calls import PER_PAGE


class ProjectListView(TemplateView):
    template_name = "projects/project_list.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            projects=page_of(self.request, selectors.published_projects(), PER_PAGE), **kwargs
        )


class ProjectDetailView(TemplateView):
    """A published project: title, committee, consortium, SDGs and targets, objective, components, indicators."""

    template_name = "projects/project_detail.html"

    def get_context_data(self, **kwargs):
        project = get_object_or_404(
            selectors.proposal_full().filter(pk__in=Proposal.objects.published()), pk=kwargs["pk"]
        )
        return super().get_context_data(
            project=project,
            members=[m for m in project.consortium.all() if m.status == PartnerStatus.ACCEPTED],
            objective_indicators=[i for i in project.indicators.all() if i.component_id is None],
            sections=sections.render(project, medium="page"),
            **kwargs,
        )
