"""A person's current posts and the committees they sit on, listed for staff before a deactivation."""

from django.utils.translation import gettext as _

from accounts.deactivation import Tie
from companies.models import Representative

from .models import Membership, Post


def open_ties(user):
    """List the person's current chair and secretary terms, then the committees they sit on for their organization.

    The terms end with the deactivation; a committee seat is the organization's, which stays a member: the
    person leaves it as their representation ends.
    """
    posts = Post.objects.current().filter(holder=user).select_related("committee").order_by("committee__name")
    ties = [Tie(kind=post.get_kind_display(), name=str(post.committee), since=post.started_on) for post in posts]
    speaking_for = Representative.objects.current().filter(user=user).values("organization_id")
    memberships = (
        Membership.objects.current()
        .filter(organization_id__in=speaking_for)
        .select_related("committee", "organization")
        .order_by("committee__name")
    )
    ties += [
        Tie(
            kind=_("Committee member"),
            name=str(membership.committee),
            note=_("for %(organization)s, which stays a member") % {"organization": membership.organization},
        )
        for membership in memberships
    ]
    return ties
