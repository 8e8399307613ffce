"""The committee filter of the member directory, registered with companies from below."""

from django.db.models import Exists, OuterRef
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from companies.facets import DirectoryFacet

from .models import Committee, Membership


def _choices():
    return [(str(committee.pk), str(committee)) for committee in Committee.objects.order_by("goal__number", "name")]


def _filter(organizations, value):
    current = Membership.objects.current().filter(organization=OuterRef("pk"), committee_id=value)
    return organizations.filter(Exists(current))


def _labels(organization_ids):
    labels = {}
    memberships = (
        Membership.objects.current()
        .filter(organization_id__in=organization_ids)
        .select_related("committee__goal")
        .order_by("committee__goal__number", "committee__name")
    )
    for membership in memberships:
        committee = membership.committee
        short = gettext("SDG %(number)s") % {"number": committee.goal.number}
        labels.setdefault(membership.organization_id, []).append((short, str(committee)))
    return labels


committee_facet = DirectoryFacet(
    name="committee", label=_("Committee"), choices=_choices, filter=_filter, labels=_labels, spanish_choices=True
)
