"""The e-mail typed in a failed sign-in, kept as a keyed hash: the throttle counts by it, the record holds no address.

``sign_in_identifier`` is an HMAC-SHA256 of the lower-cased address under ``AXS_AUDIT_IDENTIFIER_KEY``
(the site's secret key unless set apart). Whoever knows an address and the key can find its
failures (the throttle, the staff's search by a whole address, a person's access export); the
table alone names nobody. Security events keep it in their personal part, which the retention job erases
(docs/privacy.md); changing the key makes every older record unlinkable to any address, those recorded
before the personal parts were kept apart included.
"""

from django.conf import settings
from django.utils.crypto import salted_hmac

PREFIX = "hmac:"
SALT = "audit.sign_in_identifier"


def sign_in_identifier(typed):
    """Return the keyed hash recorded for an address typed to sign in ("" for nothing typed)."""
    typed = (typed or "").strip().lower()
    if not typed:
        return ""
    key = getattr(settings, "AXS_AUDIT_IDENTIFIER_KEY", "") or settings.SECRET_KEY
    return PREFIX + salted_hmac(SALT, typed, secret=key, algorithm="sha256").hexdigest()


def is_hashed(identifier):
    return identifier.startswith(PREFIX)
