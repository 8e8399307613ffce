"""Access checks shared by every app: a view mixin that turns a predicate into login or 403.

Apps keep their own predicates in their ``permissions.py``; this module imports no app.
"""

from django.contrib.auth.mixins import AccessMixin
from django.core.exceptions import PermissionDenied


def is_staff_member(user):
    """Return whether the user is active AMEXCID staff."""
    return bool(user.is_authenticated and user.is_active and user.is_staff)


class PredicateRequiredMixin(AccessMixin):
    """Send anonymous visitors to sign in; answer 403 to people the predicate refuses.

    Set ``permission_predicate`` to a function of ``(user)`` or override ``has_permission``
    when the answer depends on the object.
    """

    permission_predicate = None

    def has_permission(self):
        predicate = type(self).permission_predicate
        return predicate(self.request.user) if predicate else True

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if not self.has_permission():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class StaffRequiredMixin(PredicateRequiredMixin):
    """Let only AMEXCID staff in."""

    permission_predicate = is_staff_member
