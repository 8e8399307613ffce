"""Reads that committee and session pages share: committees, sessions and agreements."""

from .agreements import (  # noqa: F401
    agreement_choices,
    agreement_counts,
    agreement_organizations,
    agreement_people,
    agreements,
    with_organization_name,
)
from .committees import (  # noqa: F401
    committee_goals,
    committees_with_counts,
    current_members,
    current_posts,
    member_organizations,
    member_representatives,
    membership_history,
    memberships,
    my_committees,
    organizations_for_membership,
    pending_requests,
    post_history,
    withhold_names,
    work_plan,
    work_plan_activities,
)
from .sessions import (  # noqa: F401
    attendance_of,
    attendance_rows,
    attendance_sheet,
    committee_sessions,
    feed_sessions,
    latest_minutes,
    organizations_counted,
    quorum,
    recorded_attendance,
    session_invitees,
    session_queryset,
    sessions_that_may_approve_minutes_of,
    sessions_with_counts,
    upcoming_sessions,
    visible_sessions,
)
