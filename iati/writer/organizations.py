"""How a member organization is named in IATI: its identifier (from its RFC) and its organisation type."""

from companies.geography import Country
from companies.models import OrganizationType

from .common import narratives, sub

ORGANISATION_TYPES = {
    OrganizationType.COMPANY: "70",
    OrganizationType.CORPORATE_FOUNDATION: "60",
    OrganizationType.CHAMBER: "90",
    OrganizationType.CIVIL_SOCIETY: "22",
    OrganizationType.SOCIAL_ECONOMY: "70",
    OrganizationType.ACADEMIA: "80",
    OrganizationType.PUBLIC_BODY: "15",
    OrganizationType.COOPERATION_AGENCY: "10",
}
OTHER = "90"


def organisation_ref(organization):
    """Return an organization's IATI identifier from its Mexican tax ID (org-id.guide list MX-RFC), or None."""
    if organization.rfc and organization.country == Country.MEXICO:
        return f"MX-RFC-{organization.rfc.upper()}"
    return None


def organisation(parent, tag, organization, **attributes):
    """Append ``<tag ref type>`` with the organization's legal name, such as a participating or provider org."""
    element = sub(
        parent,
        tag,
        ref=organisation_ref(organization),
        type=ORGANISATION_TYPES.get(organization.organization_type, OTHER),
        **attributes,
    )
    return narratives(element, {"es": organization.legal_name})
