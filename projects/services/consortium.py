"""A proposal's consortium: inviting partners, their answers, roles, removal and their contributions."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.services import audit_record
from axs_platform import fragments
from committees.permissions import current_organization
from companies.models import Organization
from notifications import kinds

from .. import permissions
from ..models import (
    ConsortiumMember,
    Contribution,
    ContributionKind,
    PartnerStatus,
)
from .common import ROLE_MAX_LENGTH, locked, notify, refuse_long_text, require, require_editable
from .proposals import _active_member_organization, _editable, _touch

# Every service here requires an editable proposal (draft, returned, structuring), which is never published:
# what the public sees (open data, IATI) does not change, so they bump PROPOSALS with public=False.


@transaction.atomic
@fragments.changes(fragments.PROPOSALS, public=False)
def partner_invite(*, actor, proposal, organization, request=None):
    """Invite a member organization to the consortium; its representatives are told by e-mail."""
    proposal = _editable(actor, proposal)
    require(permissions.is_lead(actor, proposal))
    organization = Organization.objects.get(pk=organization.pk)
    _active_member_organization(organization, "organization")
    if proposal.consortium.filter(organization=organization, status__in=["invited", "accepted"]).exists():
        raise ValidationError(
            {"organization": _("This organization is already in the consortium.")}, code="already_partner"
        )
    member = ConsortiumMember.objects.create(proposal=proposal, organization=organization, invited_by=actor)
    _touch(proposal)
    audit_record(
        actor=actor, action="projects.partner_invited", target=proposal, message=str(organization), request=request
    )
    from companies.models import Representative

    people = [
        link.user for link in Representative.objects.current().filter(organization=organization).select_related("user")
    ]
    notify(
        people,
        kind=kinds.PARTNER,
        template="partner_invited",
        context={"proposal": proposal, "member": member},
        link=proposal.get_absolute_url(),
    )
    return member


@transaction.atomic
@fragments.changes(fragments.PROPOSALS, public=False)
def partner_respond(*, actor, member, accept, role="", request=None):
    """Accept the invitation with the organization's role, or decline it."""
    member = ConsortiumMember.objects.select_for_update(of=("self",)).select_related("proposal").get(pk=member.pk)
    require(permissions.can_respond_to_invitation(actor, member))
    require_editable(member.proposal)
    if accept and not role.strip():
        raise ValidationError({"role": _("State your organization's role in the project.")}, code="role_required")
    refuse_long_text("role", role, ROLE_MAX_LENGTH)
    if accept:
        _active_member_organization(member.organization, "role")
    member.status = PartnerStatus.ACCEPTED if accept else PartnerStatus.DECLINED
    member.role = role.strip()
    member.responded_at = timezone.now()
    member.save()
    _touch(member.proposal)
    audit_record(
        actor=actor,
        action="projects.partner_accepted" if accept else "projects.partner_declined",
        target=member.proposal,
        message=str(member.organization),
        request=request,
    )
    return member


def _member_for_edit(actor, member):
    member = ConsortiumMember.objects.select_related("proposal", "organization").get(pk=member.pk)
    proposal = locked(member.proposal)
    require_editable(proposal)
    own = current_organization(actor) is not None and current_organization(actor).pk == member.organization_id
    require(permissions.can_edit_proposal(actor, proposal) or (own and member.status == PartnerStatus.ACCEPTED))
    return member, proposal


@transaction.atomic
@fragments.changes(fragments.PROPOSALS, public=False)
def member_update(*, actor, member, role, request=None):
    """Change an organization's stated role in the consortium (the lead, or the organization itself)."""
    member, proposal = _member_for_edit(actor, member)
    if not role.strip():
        raise ValidationError({"role": _("State the organization's role in the project.")}, code="role_required")
    refuse_long_text("role", role, ROLE_MAX_LENGTH)
    member.role = role.strip()
    member.save(update_fields=["role"])
    _touch(proposal)
    return member


@transaction.atomic
@fragments.changes(fragments.PROPOSALS, public=False)
def partner_remove(*, actor, member, request=None):
    """Take a partner out of the consortium; the row stays as history."""
    member = ConsortiumMember.objects.get(pk=member.pk)
    proposal = _editable(actor, member.proposal)
    if member.is_lead:
        raise ValidationError(_("The lead organization cannot leave its own proposal."), code="lead_stays")
    member.status = PartnerStatus.REMOVED
    member.save(update_fields=["status"])
    member.budget_lines.all().delete()
    _touch(proposal)
    audit_record(
        actor=actor,
        action="projects.partner_removed",
        target=proposal,
        message=str(member.organization),
        request=request,
    )
    return member


@transaction.atomic
@fragments.changes(fragments.PROPOSALS, public=False)
def contribution_add(*, actor, member, kind, description="", amount_mxn=None, request=None):
    """Record what an organization brings: money (with an amount), know-how, technology, people or goods."""
    member, proposal = _member_for_edit(actor, member)
    errors = {}
    if kind in (ContributionKind.FINANCIAL, ContributionKind.IN_KIND) and not (amount_mxn and amount_mxn > 0):
        errors["amount_mxn"] = (
            _("Give the amount in MXN.")
            if kind == ContributionKind.FINANCIAL
            else _("Give the estimated value in MXN.")
        )
    if kind != ContributionKind.FINANCIAL and not description.strip():
        errors["description"] = _("Describe this contribution.")
    if errors:
        raise ValidationError(errors, code="contribution_incomplete")
    contribution = Contribution.objects.create(
        member=member,
        kind=kind,
        description=description.strip(),
        amount_mxn=amount_mxn if kind in (ContributionKind.FINANCIAL, ContributionKind.IN_KIND) else None,
    )
    _touch(proposal)
    return contribution


@transaction.atomic
@fragments.changes(fragments.PROPOSALS, public=False)
def contribution_remove(*, actor, contribution, request=None):
    member, proposal = _member_for_edit(actor, contribution.member)
    Contribution.objects.filter(pk=contribution.pk, member=member).delete()
    _touch(proposal)
