"""Who may do what with the IATI publication: the files are public; their settings are staff's."""

from axs_platform.permissions import is_staff_member


def can_manage_publication(user):
    """Return whether the user may set the reporting organization, a project's IATI data and validate the files."""
    return is_staff_member(user)
