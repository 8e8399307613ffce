"""How a member organization is named in IATI: its legal name and its organisation type, with no identifier.

The RFC (tax ID) is private to the platform, so it is never published as an ``MX-RFC-...`` reference;
members have no identifier set explicitly for IATI, and a participating or provider org without ``@ref``
(name only) is valid in IATI 2.03.
"""

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


def organisation(parent, tag, organization, **attributes):
    """Append ``<tag type>`` with the organization's legal name, such as a participating or provider org."""
    element = sub(
        parent,
        tag,
        type=ORGANISATION_TYPES.get(organization.organization_type, OTHER),
        **attributes,
    )
    return narratives(element, {"es": organization.legal_name})
