"""Turn a priorities survey's results into committee membership, through the committees' own service."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from committees import services as committee_services
from committees.models import Committee, Membership, MembershipStatus
from companies.models import Organization

from .. import permissions
from ..models import SurveyState
from .building import require


@transaction.atomic
def committee_members_invite(*, actor, survey, seats, request=None):
    """Seat each ``(committee_id, organization_id)`` pair not seated yet; return how many were seated."""
    require(permissions.can_form_committees(actor, survey))
    if survey.state != SurveyState.CLOSED:
        raise ValidationError(_("Form committees from a survey once it has closed."), code="not_closed")
    if not seats:
        raise ValidationError(_("Choose at least one organization to invite."), code="nothing_chosen")
    committees = {c.pk: c for c in Committee.objects.open().filter(pk__in={c for c, _o in seats})}
    organizations = Organization.objects.in_bulk({o for _c, o in seats})
    open_seats = set(
        Membership.objects.filter(
            committee_id__in=committees,
            status__in=[MembershipStatus.REQUESTED, MembershipStatus.ACTIVE, MembershipStatus.SUSPENDED],
        ).values_list("committee_id", "organization_id")
    )
    seated = 0
    reason = _("Invited from the results of the survey “%(title)s”.") % {"title": survey.title}
    for committee_id, organization_id in sorted(set(seats)):
        committee, organization = committees.get(committee_id), organizations.get(organization_id)
        if committee is None or organization is None or (committee_id, organization_id) in open_seats:
            continue
        committee_services.membership_add(
            actor=actor, committee=committee, organization=organization, reason=reason, request=request
        )
        seated += 1
    return seated
