"""Member organizations in the search, found as their pages allow (``can_view_organization``).

The public finds the unarchived organizations its directory lists (active, or with no data); staff and
evaluators every organization; a representative also their own. Registered from ``CompaniesConfig.ready()``;
the organization services index what they write.
"""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from search.registry import Document, Kind, register

from .models import PUBLIC_PARTICIPATION_STATUSES, Organization
from .permissions import can_see_private_directory, can_view_organization, represented_organization_id


def _document(organization):
    public = organization.participation_status in PUBLIC_PARTICIPATION_STATUSES and not organization.is_archived
    title = organization.legal_name
    if organization.short_name and organization.short_name != organization.legal_name:
        title = f"{organization.short_name} ({organization.legal_name})"
    return Document(
        title=title,
        body=" · ".join(
            part
            for part in (organization.description, organization.get_sector_display(), organization.get_state_display())
            if part
        ),
        url=organization.get_absolute_url(),
        year=organization.created_at.year,
        audience="public" if public else "private",
        organization_id=organization.pk,
    )


def _visible(user):
    if can_see_private_directory(user):
        return Q()
    own = represented_organization_id(user)
    return Q(audience="public") | Q(organization_id=own) if own else Q(audience="public")


def register_kinds():
    register(
        Kind(
            name="organization",
            label=_("Organization"),
            label_plural=_("Organizations"),
            model=Organization,
            queryset=Organization.objects.all,
            document=_document,
            visible=_visible,
            can_view=can_view_organization,
            order=10,
        )
    )
