"""How the audit trail names the privacy app's actions (registered in privacy/apps.py)."""

from django.utils.translation import gettext, gettext_lazy, gettext_noop

from ..models import PurposeChoice

ACTION_LABELS = {
    "privacy.filed": gettext_lazy("Personal data request filed"),
    "privacy.duplicate_refused": gettext_lazy("Duplicate personal data request refused"),
    "privacy.identity_verified": gettext_lazy("Identity of a requester verified"),
    "privacy.identity_check_failed": gettext_lazy("Identity check of a request failed"),
    "privacy.started": gettext_lazy("Personal data request taken up"),
    "privacy.asked_to_complete": gettext_lazy("Requester asked to complete the request"),
    "privacy.completed": gettext_lazy("Request completed; the clock runs again"),
    "privacy.extended": gettext_lazy("Term of a request extended"),
    "privacy.answered": gettext_lazy("Personal data request answered"),
    "privacy.denied_unverified": gettext_lazy("Personal data request denied: the identity could not be verified"),
    "privacy.withdrawn": gettext_lazy("Personal data request withdrawn"),
    "privacy.expired": gettext_lazy("Personal data request expired unconfirmed and anonymized"),
    "privacy.not_completed": gettext_lazy("Request not completed in time; deemed not filed"),
    "privacy.superseded": gettext_lazy("Unconfirmed request superseded by the account owner's own"),
    "privacy.reminded": gettext_lazy("Staff reminded of a request's due date"),
    "privacy.holiday_removed": gettext_lazy("Non-working day removed"),
    "privacy.anonymized": gettext_lazy("Person anonymized (cancellation)"),
    "privacy.rectified": gettext_lazy("Personal data rectified on request"),
    "privacy.retention_run": gettext_lazy("Retention rules applied"),
    "privacy.purposes_changed": gettext_lazy("Consent or opposition per purpose changed"),
    "privacy.opposition_applied": gettext_lazy("Opposition applied on request"),
    "privacy.export_link_sent": gettext_lazy("Link to the personal data export e-mailed"),
    "privacy.export_downloaded": gettext_lazy("Personal data export downloaded through the e-mailed link"),
}


def purpose_change_row(purpose, before, after):
    """Read a stored ``{purpose: [allowed before, allowed after]}`` as the purpose's name and consents/opposes."""
    labels = dict(PurposeChoice.Purpose.choices)
    return (str(labels.get(purpose, purpose)), _consent(before), _consent(after))


def _consent(allowed):
    if allowed is None:
        return None
    return gettext("consents") if allowed else gettext("opposes")


CHANGE_READERS = {
    "privacy.purposes_changed": purpose_change_row,
    "privacy.opposition_applied": purpose_change_row,
}

# Fixed sentences recorded as an event's message: the audit trail stores their msgid and shows them in the
# reader's language (registered in privacy/apps.py). What the audit records instead of a free text the person or
# staff wrote comes first: the hash-chained record cannot be blanked by retention, so the text itself stays only on
# the request's rows (answer, pause, details, reasons).
TEXT_GIVEN = gettext_noop("A text was given; it is kept on the request, not in this record.")
FILED_SIGNED_IN = gettext_noop("Filed while signed in to the person's own account.")
CONFIRMED_BY_LINK = gettext_noop("E-mail address confirmed through the link sent to it.")
SUPERSEDED = gettext_noop("Superseded by a request the account owner filed while signed in.")
LINK_NOT_VALID = gettext_noop("This link is not valid. Copy the whole address from the e-mail.")
LINK_EXPIRED = gettext_noop("This link has expired. File the request once more; a new link will be sent.")

AUDIT_SENTENCES = [TEXT_GIVEN, FILED_SIGNED_IN, CONFIRMED_BY_LINK, SUPERSEDED, LINK_NOT_VALID, LINK_EXPIRED]
