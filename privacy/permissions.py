"""Who may do what with personal data requests: plain predicates that views and services both call."""

from axs_platform.permissions import is_staff_member


def can_handle_requests(user):
    """The transparency unit: AMEXCID staff handle every request and keep the calendar."""
    return is_staff_member(user)


def is_requester(user, rights_request):
    return bool(user.is_authenticated and rights_request.requester_id == user.pk)


def can_view_request(user, rights_request):
    return can_handle_requests(user) or is_requester(user, rights_request)
