"""What every endpoint shares: read-only, and a clear 401 where a list is for signed-in people only."""

from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions, permissions, viewsets


class SignedIn(permissions.BasePermission):
    """The page behind this list asks to sign in (``PredicateRequiredMixin``): the API asks for a token."""

    message = _(
        "This list needs a personal API key (Authorization: Bearer <key>); "
        "being signed in to the website is not enough."
    )

    def has_permission(self, request, view):
        return bool(request.user and request.user.is_authenticated and request.user.is_active)


class ReadOnlyViewSet(viewsets.ReadOnlyModelViewSet):
    """List and detail only; a refused object is "not found", as the pages answer for what one may not see."""

    def permission_denied(self, request, message=None, code=None):
        if request.authenticators and not request.successful_authenticator:
            raise exceptions.NotAuthenticated(detail=message)
        super().permission_denied(request, message=message, code=code)

    def check_object(self, allowed):
        if not allowed:
            raise exceptions.NotFound()
