"""Who a request is about: the account of the requester, or the one holding the confirmed e-mail address."""

from django.apps import apps
from django.conf import settings


def person_of(rights_request):
    """Return the account the request is about, or None (no account, or the identity is not verified)."""
    if rights_request.requester_id:
        return rights_request.requester
    if not rights_request.identity_verified:
        return None
    return apps.get_model(settings.AUTH_USER_MODEL).objects.filter(email__iexact=rights_request.email).first()
