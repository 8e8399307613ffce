"""Who may do what in committees and sessions. Views answer 403 with these; services check them again.

A chair or secretary has powers over their own committee only. A person's posts and committees are
read once per request and kept on the user object, so that a page asking many questions runs two
queries, not two per question.
"""

from django.utils import timezone

from axs_platform.permissions import is_staff_member
from companies.models import Representative

from .models import Membership, MembershipStatus, MinutesStatus, Post, PostKind, SessionKind

__all__ = [
    "can_record_past_session",
    "attendance_organization",
    "can_approve_minutes",
    "can_comment_on_minutes",
    "can_confirm_attendance",
    "can_correct_attendance",
    "can_edit_work_plan",
    "can_manage_committees",
    "can_manage_session",
    "can_record_session_outcome",
    "can_request_membership",
    "can_schedule_session",
    "can_see_committee_internals",
    "can_see_session",
    "can_see_session_internals",
    "current_organization",
    "is_staff_member",
]


def current_organization(user):
    """Return the organization the person speaks for now, or None."""
    if not (user.is_authenticated and user.is_active):
        return None
    if not hasattr(user, "_axs_organization"):
        representation = Representative.objects.current().filter(user=user).select_related("organization").first()
        user._axs_organization = representation.organization if representation else None
    return user._axs_organization


def post_keys(user):
    """Return ``{(committee_id, kind)}`` for the posts the person holds now."""
    if not hasattr(user, "_axs_posts"):
        user._axs_posts = set(Post.objects.current().filter(holder=user).values_list("committee_id", "kind"))
    return user._axs_posts


def member_committee_ids(user):
    """Return the ids of committees on which the person's organization currently sits."""
    if not hasattr(user, "_axs_member_committees"):
        organization = current_organization(user)
        user._axs_member_committees = (
            set(
                Membership.objects.filter(organization=organization, status=MembershipStatus.ACTIVE).values_list(
                    "committee_id", flat=True
                )
            )
            if organization
            else set()
        )
    return user._axs_member_committees


def holds_post(user, committee_id, kind):
    if not (user.is_authenticated and user.is_active) or committee_id is None:
        return False
    return (committee_id, kind) in post_keys(user)


def is_chair(user, committee_id):
    return holds_post(user, committee_id, PostKind.CHAIR)


def is_secretary(user, committee_id):
    return holds_post(user, committee_id, PostKind.SECRETARY)


def is_committee_member(user, committee_id):
    """Return whether the person speaks for a current member or holds a post of the committee."""
    if not (user.is_authenticated and user.is_active):
        return False
    return committee_id in member_committee_ids(user) or any(c == committee_id for c, _kind in post_keys(user))


def can_follow_committee(user, committee):
    """Its chair and secretary may follow a committee (staff may follow anything: notifications.permissions)."""
    return is_chair(user, committee.pk) or is_secretary(user, committee.pk)


def holds_any_post(user):
    return bool(user.is_authenticated and user.is_active and post_keys(user))


def can_manage_committees(user):
    """Create, change and close committees; admit, suspend and remove members; appoint posts."""
    return is_staff_member(user)


def can_see_committee_internals(user, committee):
    """See sessions, minutes, agreements and the work plan beyond what is published."""
    return is_staff_member(user) or is_committee_member(user, committee.pk)


def can_edit_work_plan(user, committee):
    return committee.is_open and (is_staff_member(user) or is_chair(user, committee.pk))


def can_request_membership(user, committee):
    """A representative may ask for their organization to join a committee it is not on."""
    return (
        committee.is_open and current_organization(user) is not None and committee.pk not in member_committee_ids(user)
    )


def can_schedule_session(user, committee=None):
    """Staff schedule anything; a chair schedules their own committee's sessions."""
    if committee is None:
        return is_staff_member(user)
    return committee.is_open and (is_staff_member(user) or is_chair(user, committee.pk))


def can_record_past_session(user, committee=None):
    """Record a session that already took place: whoever schedules sessions, and the committee's secretary."""
    if can_schedule_session(user, committee):
        return True
    return committee is not None and committee.is_open and is_secretary(user, committee.pk)


def can_manage_session(user, session):
    """Change a session, its agenda and documents, or cancel it."""
    return is_staff_member(user) or (session.committee_id is not None and is_chair(user, session.committee_id))


def can_record_session_outcome(user, session):
    """Record attendance, draft the minutes and the agreements: staff and the committee's secretary."""
    return is_staff_member(user) or (session.committee_id is not None and is_secretary(user, session.committee_id))


def can_correct_attendance(user, session):
    """Correct the list of a session that took place: staff; the committee's secretary until its minutes are approved.

    Approved minutes were read and approved with the list as it stood: after that only staff correct it.
    """
    if session.is_cancelled or session.is_upcoming:
        return False
    if is_staff_member(user):
        return True
    if session.committee_id is None or not is_secretary(user, session.committee_id):
        return False
    return not session.minutes.filter(status=MinutesStatus.APPROVED).exists()


def can_approve_minutes(user, session):
    return is_staff_member(user) or (session.committee_id is not None and is_chair(user, session.committee_id))


def can_see_session_internals(user, session):
    """See attendance, draft minutes and comments, agreements of a session."""
    if is_staff_member(user):
        return True
    if session.kind == SessionKind.COMMITTEE:
        return is_committee_member(user, session.committee_id)
    if session.kind == SessionKind.CHAIRS:
        return holds_any_post(user)
    return current_organization(user) is not None


def can_see_session(user, session):
    return session.is_public or can_see_session_internals(user, session)


def attendance_organization(person, session):
    """Return the organization for which the person may attend the session, or None.

    Committee sessions: a representative of a member active on the session's day (today's members for
    what is coming; for a past session, who sat on the committee then). Plenaries: a representative of any
    organization. The session of chairs: a current chair or secretary, for their organization.
    """
    if session.kind == SessionKind.CHAIRS:
        post = Post.objects.current().filter(holder=person).select_related("organization").first()
        return post.organization if post else None
    organization = current_organization(person)
    if organization is None or session.kind == SessionKind.PLENARY:
        return organization
    day = timezone.localdate(session.starts_at)
    if Membership.objects.filter(committee_id=session.committee_id, organization=organization).active_on(day).exists():
        return organization
    return None


def can_confirm_attendance(user, session):
    return not session.is_cancelled and session.is_upcoming and attendance_organization(user, session) is not None


def can_comment_on_minutes(user, session):
    return can_see_session_internals(user, session) and (
        is_staff_member(user) or current_organization(user) is not None
    )


def forget_standing(user):
    """Drop what was read of the person's posts and committees, so that the next check reads it anew."""
    for name in ("_axs_organization", "_axs_posts", "_axs_member_committees"):
        if hasattr(user, name):
            delattr(user, name)
