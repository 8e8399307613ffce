"""Who may do what with surveys. Views answer 403 with these; services check them again.

Staff manage every survey; a committee's chair manages the surveys of that committee only.
"""

from axs_platform.permissions import is_staff_member
from committees.models import PostKind
from committees.permissions import current_organization, is_chair, post_keys

__all__ = [
    "can_answer",
    "can_create_survey",
    "can_form_committees",
    "can_manage_survey",
    "chaired_committee_ids",
    "is_staff_member",
]


def chaired_committee_ids(user):
    """Return the ids of the committees the person chairs now."""
    if not (user.is_authenticated and user.is_active):
        return set()
    return {committee_id for committee_id, kind in post_keys(user) if kind == PostKind.CHAIR}


def can_create_survey(user, committee=None):
    """Staff create any survey; a chair creates surveys of the committee they chair."""
    if is_staff_member(user):
        return True
    return committee is not None and committee.is_open and is_chair(user, committee.pk)


def can_manage_survey(user, survey):
    """Build, send, close, copy a survey and read its responses and results."""
    return is_staff_member(user) or (survey.committee_id is not None and is_chair(user, survey.committee_id))


def can_form_committees(user, survey):
    """Turn a priorities survey's results into committee invitations (seating members is staff's)."""
    return is_staff_member(user)


def can_answer(user, invitation):
    """Answer through an invitation: its person, or any current representative of its organization.

    Anonymous surveys are answered with the link alone, so that nobody's sign-in is tied to them.
    """
    if invitation.contact_erased:
        return False  # Its person was detached by retention: nobody answers in their stead.
    if invitation.survey.is_anonymous:
        return True
    if not (user.is_authenticated and user.is_active):
        return False
    if invitation.person_id is not None:
        return invitation.person_id == user.pk
    organization = current_organization(user)
    return organization is not None and organization.pk == invitation.organization_id
