"""Writing a proposal: starting it, its texts, consortium, components, alignment, indicators, budget, files."""

import re

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

import search
from audit.models import AuditEvent
from audit.services import audit_record, changes_between, snapshot
from axs_platform import fragments
from axs_platform.dates import implausible_day
from committees.permissions import current_organization
from companies.models import Organization
from notifications import kinds

from .. import permissions
from ..criteria import AXS_CRITERIA, REPLICATION_COUNTRIES, SUSTAINABILITY_CRITERIA
from ..models import (
    Activity,
    AlignedTarget,
    Attachment,
    BudgetLine,
    CommentVisibility,
    Component,
    ConsortiumMember,
    PartnerStatus,
    ProjectIndicator,
    Proposal,
    ProposalComment,
)
from ..validators import validate_attachment
from .common import locked, notify, proposal_people, require, require_editable

TEXT_FIELDS = [
    "title",
    "summary",
    "problem",
    "causes",
    "effects",
    "purpose",
    "general_objective",
    "international_cooperation",
    "replication_countries",
] + [c.value for c in SUSTAINABILITY_CRITERIA + AXS_CRITERIA]


# The services below that go through _editable change a proposal the public does not see: an editable one
# (draft, returned, structuring) is never published (PUBLISHABLE), so they, and comment_add (comments are never
# public), bump PROPOSALS with public=False.
def _editable(actor, proposal):
    proposal = locked(proposal)
    require(permissions.can_view_proposal(actor, proposal))
    require_editable(proposal)
    require(permissions.can_edit_proposal(actor, proposal))
    return proposal


def _touch(proposal):
    Proposal.objects.filter(pk=proposal.pk).update(updated_at=timezone.now())


def _active_member_organization(organization, field):
    if not Organization.objects.active_members().filter(pk=organization.pk).exists():
        raise ValidationError(
            {
                field: _("%(name)s is not an active member of the alliance; only active members can join a consortium.")
                % {"name": organization}
            },
            code="not_active_member",
        )


@transaction.atomic
@fragments.changes(fragments.PROPOSALS)
def proposal_start(*, actor, call, title, request=None):
    """Start a draft proposal in an open call, led by the actor's organization."""
    require(permissions.can_start_proposal(actor, call))
    organization = current_organization(actor)
    _active_member_organization(organization, "title")
    if not title.strip():
        raise ValidationError({"title": _("Give the proposal a title.")}, code="title_required")
    proposal = Proposal.objects.create(
        call=call, committee_id=call.committee_id, lead_organization=organization, created_by=actor, title=title.strip()
    )
    ConsortiumMember.objects.create(
        proposal=proposal,
        organization=organization,
        is_lead=True,
        status=PartnerStatus.ACCEPTED,
        invited_by=actor,
        responded_at=timezone.now(),
    )
    search.index(proposal)
    audit_record(actor=actor, action=AuditEvent.Action.CREATED, target=proposal, request=request)
    return proposal


@transaction.atomic
@fragments.changes(fragments.PROPOSALS, public=False)
def proposal_update(*, actor, proposal, request=None, **fields):
    """Save any of the proposal's texts; what is empty stays allowed until submission."""
    proposal = _editable(actor, proposal)
    unknown = set(fields) - set(TEXT_FIELDS)
    if unknown:
        raise ValueError(f"Not a proposal text: {', '.join(sorted(unknown))}")
    if "title" in fields and not (fields["title"] or "").strip():
        raise ValidationError({"title": _("Give the proposal a title.")}, code="title_required")
    if "replication_countries" in fields:
        wrong = [code for code in fields["replication_countries"] if code not in REPLICATION_COUNTRIES]
        if wrong:
            raise ValidationError(
                {"replication_countries": _("Choose countries of Central America and the Caribbean.")},
                code="country_not_in_region",
            )
    before = snapshot(proposal, list(fields))
    for name, value in fields.items():
        setattr(proposal, name, value)
    proposal.save()
    search.index(proposal)
    changes = changes_between(before, snapshot(proposal, list(fields)))
    if changes:
        audit_record(actor=actor, action=AuditEvent.Action.UPDATED, target=proposal, changes=changes, request=request)
    return proposal


# The consortium


# Components, activities, alignment, indicators, budget


@transaction.atomic
@fragments.changes(fragments.PROPOSALS, public=False)
def component_add(*, actor, proposal, title, description="", request=None):
    proposal = _editable(actor, proposal)
    position = proposal.components.count() + 1
    component = Component.objects.create(proposal=proposal, position=position, title=title, description=description)
    _touch(proposal)
    return component


@transaction.atomic
@fragments.changes(fragments.PROPOSALS, public=False)
def component_remove(*, actor, component, request=None):
    proposal = _editable(actor, component.proposal)
    component.delete()
    _touch(proposal)


@transaction.atomic
@fragments.changes(fragments.PROPOSALS, public=False)
def activity_add(*, actor, component, description, starts_on, ends_on, request=None):
    proposal = _editable(actor, component.proposal)
    days = {"starts_on": starts_on, "ends_on": ends_on}
    implausible = {name: message for name, day in days.items() if (message := implausible_day(day))}
    if implausible:
        raise ValidationError(implausible, code="implausible_date")
    if ends_on < starts_on:
        raise ValidationError({"ends_on": _("An activity cannot end before it starts.")}, code="ends_before_start")
    activity = Activity.objects.create(
        component=component, description=description, starts_on=starts_on, ends_on=ends_on
    )
    _touch(proposal)
    return activity


@transaction.atomic
@fragments.changes(fragments.PROPOSALS, public=False)
def activity_remove(*, actor, activity, request=None):
    proposal = _editable(actor, activity.component.proposal)
    activity.delete()
    _touch(proposal)


@transaction.atomic
@fragments.changes(fragments.PROPOSALS, public=False)
def alignment_add(*, actor, proposal, target, indicators, request=None):
    """Align the project with an SDG target and one or more of that target's global indicators."""
    proposal = _editable(actor, proposal)
    foreign = [indicator.code for indicator in indicators if indicator.target_id != target.pk]
    if foreign:
        raise ValidationError(
            {
                "indicators": _("%(codes)s do not belong to target %(target)s; choose indicators of that target.")
                % {"codes": ", ".join(foreign), "target": target.code}
            },
            code="indicator_not_of_target",
        )
    if not indicators:
        raise ValidationError({"indicators": _("Choose at least one indicator of the target.")}, code="no_indicator")
    alignment, _created = AlignedTarget.objects.get_or_create(proposal=proposal, target=target)
    alignment.indicators.add(*indicators)
    _touch(proposal)
    return alignment


@transaction.atomic
@fragments.changes(fragments.PROPOSALS, public=False)
def alignment_remove(*, actor, alignment, request=None):
    proposal = _editable(actor, alignment.proposal)
    ProjectIndicator.objects.filter(proposal=proposal, sdg_indicator__in=alignment.indicators.all()).update(
        sdg_indicator=None
    )
    alignment.delete()
    _touch(proposal)


def _check_indicator(proposal, fields):
    errors = {}
    if fields.get("baseline_value") is None:
        errors["baseline_value"] = _("Give the baseline: the indicator's value before the project.")
    if not fields.get("baseline_year"):
        errors["baseline_year"] = _("Give the year of the baseline.")
    if not (fields.get("means_of_verification") or "").strip():
        errors["means_of_verification"] = _("Say how the indicator will be verified.")
    baseline_year, target_year = fields.get("baseline_year"), fields.get("target_year")
    if baseline_year and target_year and target_year < baseline_year:
        errors["target_year"] = _(
            "The target year (%(target)s) cannot come before the baseline year (%(baseline)s)."
        ) % {
            "target": target_year,
            "baseline": baseline_year,
        }
    component = fields.get("component")
    if component is not None and component.proposal_id != proposal.pk:
        errors["component"] = _("Choose a component of this proposal.")
    sdg_indicator = fields.get("sdg_indicator")
    if (
        sdg_indicator is not None
        and not AlignedTarget.objects.filter(proposal=proposal, indicators=sdg_indicator).exists()
    ):
        errors["sdg_indicator"] = _("Link an SDG indicator the proposal is aligned with (see the SDG alignment step).")
    if errors:
        raise ValidationError(errors, code="indicator_invalid")


@transaction.atomic
@fragments.changes(fragments.PROPOSALS, public=False)
def indicator_add(*, actor, proposal, request=None, **fields):
    """Add a row to the results matrix: baseline and means of verification are required."""
    proposal = _editable(actor, proposal)
    _check_indicator(proposal, fields)
    indicator = ProjectIndicator(proposal=proposal, **fields)
    indicator.full_clean()
    indicator.save()
    _touch(proposal)
    return indicator


@transaction.atomic
@fragments.changes(fragments.PROPOSALS, public=False)
def indicator_remove(*, actor, indicator, request=None):
    proposal = _editable(actor, indicator.proposal)
    indicator.delete()
    _touch(proposal)


@transaction.atomic
@fragments.changes(fragments.PROPOSALS, public=False)
def budget_line_add(*, actor, proposal, year, concept, amount_mxn, source_member=None, other_source="", request=None):
    """Add an amount of the budget for one year from one source."""
    proposal = _editable(actor, proposal)
    errors = {}
    if source_member is None and not other_source.strip():
        errors["source_member"] = _("Choose the consortium member that funds this, or name another source.")
    if source_member is not None and other_source.strip():
        errors["other_source"] = _("Choose a consortium member or name another source, not both.")
    if source_member is not None and (
        source_member.proposal_id != proposal.pk or source_member.status != PartnerStatus.ACCEPTED
    ):
        errors["source_member"] = _("Choose an organization that has joined this consortium.")
    if amount_mxn is None or amount_mxn <= 0:
        errors["amount_mxn"] = _("The amount must be greater than zero.")
    if errors:
        raise ValidationError(errors, code="budget_line_invalid")
    line = BudgetLine.objects.create(
        proposal=proposal,
        year=year,
        concept=concept,
        amount_mxn=amount_mxn,
        source_member=source_member,
        other_source=other_source.strip(),
    )
    _touch(proposal)
    return line


@transaction.atomic
@fragments.changes(fragments.PROPOSALS, public=False)
def budget_line_remove(*, actor, line, request=None):
    proposal = _editable(actor, line.proposal)
    line.delete()
    _touch(proposal)


@transaction.atomic
@fragments.changes(fragments.PROPOSALS, public=False)
def attachment_add(*, actor, proposal, title, upload, request=None):
    """Attach a checked document to the proposal."""
    proposal = _editable(actor, proposal)
    try:
        validate_attachment(upload)
    except ValidationError as error:
        raise ValidationError({"file": error}) from None
    attachment = Attachment.objects.create(
        proposal=proposal,
        title=title or upload.name,
        file=upload,
        original_name=upload.name[:255],
        size=upload.size,
        uploaded_by=actor,
    )
    _touch(proposal)
    audit_record(
        actor=actor, action="projects.attachment_added", target=proposal, message=attachment.title, request=request
    )
    return attachment


@transaction.atomic
@fragments.changes(fragments.PROPOSALS, public=False)
def attachment_remove(*, actor, attachment, request=None):
    """Take a file out of the proposal; it stays stored, since earlier versions may list it."""
    proposal = _editable(actor, attachment.proposal)
    attachment.removed_at = timezone.now()
    attachment.save(update_fields=["removed_at"])
    _touch(proposal)
    audit_record(
        actor=actor, action="projects.attachment_removed", target=proposal, message=attachment.title, request=request
    )


@transaction.atomic
@fragments.changes(fragments.PROPOSALS, public=False)
def comment_add(*, actor, proposal, text, visibility="shared", request=None):
    """Comment on a proposal, shared with its consortium or internal to its reviewers; mentions are told.

    A shared comment tells the lead's and partners' representatives; an internal one tells only the
    people it mentions (``@`` and the first part of their e-mail) who may read it.
    """
    proposal = Proposal.objects.select_related("lead_organization").get(pk=proposal.pk)
    if visibility == CommentVisibility.INTERNAL:
        require(permissions.can_comment_internally(actor, proposal))
    else:
        visibility = CommentVisibility.SHARED
        require(permissions.can_comment(actor, proposal))
    if not text.strip():
        raise ValidationError({"text": _("Write the comment.")}, code="comment_empty")
    comment = ProposalComment.objects.create(
        proposal=proposal, author=actor, text=text.strip(), version=proposal.version, visibility=visibility
    )
    told = {actor.pk}
    link = f"{proposal.get_absolute_url()}#activity"
    context = {"proposal": proposal, "comment": comment}
    if visibility == CommentVisibility.SHARED:
        # Followers hear of shared comments only: an internal one never reaches the organization.
        people = [person for person in proposal_people(proposal, partners=True) if person.pk not in told]
        notify(people, kind=kinds.COMMENT, template="comment", context=context, link=link, about=proposal)
        told.update(person.pk for person in people)
    mentioned = [p for p in mentioned_people(proposal, comment) if p.pk not in told]
    notify(mentioned, kind=kinds.MENTION, template="mention", context=context, link=link)
    return comment


MENTION = re.compile(r"(?<![\w.@])@([\w.+-]{1,64})")
MAX_MENTIONS = 10


def mentioned_people(proposal, comment):
    """Return the active people named in the comment (``@local-part``) who may read it."""
    names = {name.rstrip(".").lower() for name in MENTION.findall(comment.text)}
    names = sorted(name for name in names if name)[:MAX_MENTIONS]
    if not names:
        return []
    condition = Q()
    for name in names:
        condition |= Q(email__istartswith=f"{name}@")
    candidates = get_user_model().objects.filter(condition, is_active=True)
    return [person for person in candidates if permissions.can_see_comment(person, proposal, comment)]
