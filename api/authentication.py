"""The API's one way in besides none at all: ``Authorization: Bearer <personal token>``.

A missing header means an anonymous client (public rows). A header with an unknown, revoked or expired
token, or a token of a deactivated person, is refused with 401 and says which, so the client can act.
"""

from django.utils import timezone
from django.utils.translation import gettext as _
from rest_framework import authentication, exceptions

from .models import ApiToken, key_digest
from .services import token_touch

KEYWORDS = ("bearer", "token")


class PersonalTokenAuthentication(authentication.BaseAuthentication):
    def authenticate(self, request):
        header = authentication.get_authorization_header(request).split()
        if not header or header[0].lower().decode(errors="replace") not in KEYWORDS:
            return None
        if len(header) != 2:
            raise exceptions.AuthenticationFailed(_("Send the token as: Authorization: Bearer <token>."))
        try:
            key = header[1].decode()
        except UnicodeDecodeError:
            raise exceptions.AuthenticationFailed(_("This token is not valid.")) from None
        token = ApiToken.objects.select_related("person").filter(key_hash=key_digest(key)).first()
        if token is None:
            raise exceptions.AuthenticationFailed(_("This token is not valid."))
        if token.is_revoked:
            raise exceptions.AuthenticationFailed(_("This token was revoked. Ask AMEXCID staff for a new one."))
        now = timezone.now()
        if token.is_expired(now):
            raise exceptions.AuthenticationFailed(_("This token has expired. Ask AMEXCID staff for a new one."))
        if not token.person.is_active:
            raise exceptions.AuthenticationFailed(_("The account of this token is not active."))
        token_touch(token, now=now)
        return token.person, token

    def authenticate_header(self, request):
        return 'Bearer realm="api"'
