"""Who may do what with accounts. Views answer 403 with these; services check them again."""

from axs_platform.permissions import StaffRequiredMixin, is_staff_member

__all__ = ["StaffRequiredMixin", "can_manage_users", "is_staff_member"]


def can_manage_users(user):
    """Return whether the user may create people and change their roles."""
    return is_staff_member(user)
