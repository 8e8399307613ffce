"""Who may see and change what about member organizations.

Views answer 403 with these predicates; services call them again so that nothing bypasses them.
A representative's organization is looked up once per request and kept on the user object.
"""

from axs_platform.permissions import is_staff_member

_CACHE_ATTRIBUTE = "_companies_organization_id"


def represented_organization_id(user):
    """Return the id of the organization the user currently represents, or None."""
    if not (user.is_authenticated and user.is_active):
        return None
    if not hasattr(user, _CACHE_ATTRIBUTE):
        from .models import Representative

        link = Representative.objects.current().filter(user=user).values_list("organization_id", flat=True).first()
        setattr(user, _CACHE_ATTRIBUTE, link)
    return getattr(user, _CACHE_ATTRIBUTE)


def forget_represented_organization(user):
    """Drop the cached answer after the user's link to an organization changed."""
    if hasattr(user, _CACHE_ATTRIBUTE):
        delattr(user, _CACHE_ATTRIBUTE)


def is_evaluator(user):
    return bool(user.is_authenticated and user.is_active and user.role == "evaluator")


def represents(user, organization):
    """Return whether the user currently speaks for this organization."""
    return organization is not None and represented_organization_id(user) == organization.pk


def can_manage_organizations(user):
    """Create, archive, import and export organizations, and record their participation."""
    return is_staff_member(user)


def can_see_private_directory(user):
    """See every organization, whatever its status, with the staff's filters."""
    return is_staff_member(user) or is_evaluator(user)


def can_view_organization(user, organization):
    """See an organization's page; the public sees the unarchived ones its directory lists (``public()``)."""
    from .models import PUBLIC_PARTICIPATION_STATUSES

    if can_see_private_directory(user) or represents(user, organization):
        return True
    return organization.participation_status in PUBLIC_PARTICIPATION_STATUSES and not organization.is_archived


def can_view_private_data(user, organization):
    """See an organization's non-public data (RFC, contact details, participation history)."""
    return can_see_private_directory(user) or represents(user, organization)


def can_view_contacts(user, organization):
    """See the personal data of an organization's people: only staff and the organization itself."""
    return is_staff_member(user) or represents(user, organization)


def can_edit_profile(user, organization):
    """Change the profile, people, SDG priorities and roles: staff, or the organization itself."""
    if is_staff_member(user):
        return True
    return represents(user, organization) and not organization.is_archived


def can_view_due_diligence(user):
    return is_staff_member(user) or is_evaluator(user)


def can_run_due_diligence(user):
    return is_staff_member(user)
