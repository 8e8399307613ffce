"""Access to pages about one organization."""

from django.shortcuts import get_object_or_404

from axs_platform.permissions import PredicateRequiredMixin

from ..models import Organization
from ..permissions import can_edit_profile, can_manage_organizations, can_view_due_diligence


def organization_flags(user, organization):
    """Return what the organization's tabs need to know about the user."""
    return {
        "can_edit": can_edit_profile(user, organization),
        "can_manage": can_manage_organizations(user),
        "can_view_due_diligence": can_view_due_diligence(user),
    }


class OrganizationAccessMixin(PredicateRequiredMixin):
    """Load the organization of the URL and ask ``organization_predicate(user, organization)``.

    Anonymous visitors are sent to sign in before anything is looked up.
    """

    organization_predicate = None

    def get_organization(self):
        if not hasattr(self, "organization"):
            self.organization = get_object_or_404(Organization, pk=self.kwargs["pk"])
        return self.organization

    def has_permission(self):
        return type(self).organization_predicate(self.request.user, self.get_organization())

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            organization=self.organization, **organization_flags(self.request.user, self.organization), **kwargs
        )


def query_without_page(request):
    query = request.GET.copy()
    for key in ("page", "after", "before"):
        query.pop(key, None)
    return query.urlencode()
