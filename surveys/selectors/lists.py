"""Reads for the survey lists, invitations, the respondent's page and the response rate."""

from django.db.models import Count, Exists, OuterRef, Q

from axs_platform.figures import percent
from committees.models import Committee, MembershipStatus
from committees.permissions import current_organization
from companies.models import Organization, OrganizationSize, OrganizationType

from .. import permissions
from ..models import Audience, Response, ResponseStatus, ResponseUnit, Survey, SurveyInvitation


def surveys_for_manager(user):
    """Return the surveys the person manages (all for staff, their committees' for a chair), with counts."""
    surveys = Survey.objects.not_archived().select_related("committee")
    if not permissions.is_staff_member(user):
        surveys = surveys.filter(committee_id__in=permissions.chaired_committee_ids(user))
    return surveys.annotate(
        invited=Count("invitations", distinct=True),
        answered=Count("invitations", filter=Q(invitations__responded_at__isnull=False), distinct=True),
    ).order_by("-created_at", "-id")


def is_chairs_survey(survey):
    """Return whether a chair (not staff) made the survey: it then goes to its committee's members only.

    Stored when the survey is made: what its maker is today (staff who left, a chair who joined AMEXCID)
    does not change whom a survey is for.
    """
    return survey.committee_id is not None and survey.by_chair


def audience_organizations(survey):
    """Return the organizations a survey is for, as its audience says (active, not archived).

    A chair's survey goes to members of its committee only, whatever organizations were chosen.
    """
    organizations = Organization.objects.active_members()
    if survey.audience == Audience.COMMITTEE or (survey.audience == Audience.CHOSEN and is_chairs_survey(survey)):
        organizations = organizations.filter(
            committee_memberships__committee_id=survey.committee_id,
            committee_memberships__status=MembershipStatus.ACTIVE,
        )
    if survey.audience == Audience.CHOSEN:
        organizations = organizations.filter(pk__in=survey.chosen_organizations.values("pk"))
    return organizations.distinct().order_by("legal_name")


def invitation_from_token(token):
    """Return the invitation whose link this is, or None (an unknown or altered link)."""
    invitation_id, _dash, _digest = (token or "").partition("-")
    if not invitation_id.isdigit():
        return None
    invitation = (
        SurveyInvitation.objects.select_related("survey", "organization", "person").filter(pk=invitation_id).first()
    )
    if invitation is None or not invitation.token_matches(token):
        return None
    return invitation


def _started():
    """Whether an invitation's answers are in progress: a response in progress, or an anonymous draft."""
    return Exists(Response.objects.filter(invitation=OuterRef("pk"), status=ResponseStatus.IN_PROGRESS)) | ~Q(
        draft_check=""
    )


def pending_invitations_for(user):
    """Return the invitations of open surveys waiting for the person's answer (or their organization's)."""
    if not (user.is_authenticated and user.is_active):
        return SurveyInvitation.objects.none()
    organization = current_organization(user)
    mine = Q(person=user)
    if organization is not None:
        mine |= Q(person__isnull=True, contact_erased_at__isnull=True, organization=organization)
    return (
        SurveyInvitation.objects.filter(mine, survey__in=Survey.objects.open_now(), responded_at__isnull=True)
        .select_related("survey")
        .annotate(started=_started())
        .order_by("survey__closes_at")
    )


def invitation_progress(survey):
    """Return the survey's invitations with whether each was answered or is in progress."""
    return (
        survey.invitations.select_related("organization", "person")
        .annotate(started=_started())
        .order_by("responded_at", "organization__legal_name", "person__full_name")
    )


def _rate(total, answered):
    return {"total": total, "answered": answered, "rate": percent(answered, total)}


def response_rate(survey):
    """Return the response rate overall and by organization type, size and committee, in four queries."""
    invitations = survey.invitations.all()
    answered = Count("id", filter=Q(responded_at__isnull=False))
    overall = invitations.aggregate(total=Count("id"), answered=answered)
    type_labels, size_labels = dict(OrganizationType.choices), dict(OrganizationSize.choices)
    by_type = [
        {"label": type_labels.get(row["organization__organization_type"], ""), **_rate(row["total"], row["answered"])}
        for row in invitations.values("organization__organization_type")
        .annotate(total=Count("id"), answered=answered)
        .order_by("organization__organization_type")
    ]
    by_size = [
        {"label": size_labels.get(row["organization__size"], ""), **_rate(row["total"], row["answered"])}
        for row in invitations.values("organization__size")
        .annotate(total=Count("id"), answered=answered)
        .order_by("organization__size")
    ]
    committees = {c.pk: c for c in Committee.objects.select_related("goal")}
    by_committee = [
        {
            "label": committees[row["organization__committee_memberships__committee"]].name,
            **_rate(row["total"], row["answered"]),
        }
        for row in invitations.filter(organization__committee_memberships__status=MembershipStatus.ACTIVE)
        .values("organization__committee_memberships__committee")
        .annotate(total=Count("id"), answered=answered)
        .order_by("organization__committee_memberships__committee")
    ]
    recorded = None
    if survey.recorded_invited_count:
        recorded = _rate(survey.recorded_invited_count, survey.recorded_response_count or 0)
    return {
        "overall": _rate(overall["total"], overall["answered"]),
        "recorded": recorded,
        "by_type": by_type,
        "by_size": by_size,
        "by_committee": by_committee,
        "per_person": survey.response_unit == ResponseUnit.PERSON,
    }
