"""Rate limits: per address for anonymous clients, per token for token clients (429 with Retry-After).

Rates are read from settings on every request (``AXS_API_ANON_RATE``, ``AXS_API_TOKEN_RATE``), so that a
test or an operator can change them without a restart of the module.
"""

from django.conf import settings
from rest_framework.throttling import SimpleRateThrottle


class AnonymousThrottle(SimpleRateThrottle):
    scope = "api-anonymous"

    def get_rate(self):
        return settings.AXS_API_ANON_RATE

    def get_cache_key(self, request, view):
        if request.auth is not None:
            return None
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


class TokenThrottle(AnonymousThrottle):
    scope = "api-token"

    def get_rate(self):
        return settings.AXS_API_TOKEN_RATE

    def get_cache_key(self, request, view):
        if request.auth is None:
            return None
        return self.cache_format % {"scope": self.scope, "ident": request.auth.pk}
