"""Who may do what with a project in implementation. Views answer 403 with these; services check again.

The lead organization's representatives report; the committee's secretary or chair, or staff,
approve or return reports; staff start implementation and set the grace period (a chair may start
their committee's projects too); approvers outside the consortium revise indicators. Partners read
the project's reports.
"""

from axs_platform.permissions import is_staff_member
from committees.permissions import is_chair, is_secretary
from projects.permissions import is_lead, is_partner


def _active(user):
    return bool(user.is_authenticated and user.is_active)


def can_start_implementation(user, proposal):
    return is_staff_member(user) or is_chair(user, proposal.committee_id)


def can_set_grace(user):
    return is_staff_member(user)


def can_report(user, implementation):
    """A current representative of the lead organization writes and submits the reports."""
    return _active(user) and user.is_representative and is_lead(user, implementation.proposal)


def can_approve(user, implementation):
    """The committee's secretary or chair, or staff, approve and return reports."""
    if not _active(user):
        return False
    committee_id = implementation.proposal.committee_id
    return is_staff_member(user) or is_chair(user, committee_id) or is_secretary(user, committee_id)


def approves_from_outside(user, implementation):
    """An approver who represents no organization of the project's consortium: they judge its reports."""
    return (
        can_approve(user, implementation)
        and not speaks_for_the_reporter(user, implementation)
        and not speaks_for_a_partner(user, implementation)
    )


def can_revise_indicators(user, implementation):
    """A new target moves the project's light: only approvers from outside the consortium revise."""
    return approves_from_outside(user, implementation)


def can_view(user, implementation):
    """Reporters, approvers and the consortium's partners see reports in every state."""
    if not _active(user):
        return False
    proposal = implementation.proposal
    return can_approve(user, implementation) or is_lead(user, proposal) or is_partner(user, proposal)


def speaks_for_the_reporter(user, implementation):
    """A chair or secretary who also represents the lead organization: they report, so they do not decide."""
    return not is_staff_member(user) and can_report(user, implementation)


def speaks_for_a_partner(user, implementation):
    """A chair or secretary who represents a partner of the consortium: they do not judge its reports."""
    return user.is_representative and is_partner(user, implementation.proposal)


def can_decide(user, report):
    """Approve or return this report: an approver outside the consortium who did not submit it."""
    return report.submitted_by_id != user.pk and approves_from_outside(user, report.period.implementation)
