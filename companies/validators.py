"""Checks on what people type or upload: the RFC, logos and evidence documents."""

import datetime
import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from axs_platform.uploads import UploadValidator

# Legal entities have three letters, individuals four; then the date of incorporation or birth
# (YYMMDD) and a three-character homoclave whose last character is a digit or "A".
RFC_PATTERN = re.compile(r"^(?P<letters>[A-ZÑ&]{3,4})(?P<date>\d{6})(?P<homoclave>[A-Z0-9]{2}[0-9A])$")

# What a form accepts as typed: an RFC of 13 characters with the spaces or hyphens people put between its parts.
RFC_TYPED_MAX_LENGTH = 20
LOGO_MAX_BYTES = 2 * 1024 * 1024
EVIDENCE_MAX_BYTES = 10 * 1024 * 1024


def normalize_rfc(value):
    """Return the RFC in capitals without the spaces or hyphens people often type."""
    return re.sub(r"[\s-]", "", value or "").upper()


def normalize_name(value):
    """Return the name with single spaces: a doubled space, a tab or a line break typed by mistake is one space."""
    return " ".join((value or "").split())


def validate_rfc(value):
    """Refuse an RFC whose shape or date is not possible."""
    if not value:
        return
    match = RFC_PATTERN.match(value)
    if match is None:
        raise ValidationError(
            _(
                "“%(value)s” is not a valid RFC. It has 12 characters for a legal entity (3 letters, "
                "the date of incorporation as YYMMDD and a 3-character homoclave, e.g. ABC010203XY1) "
                "or 13 for a person."
            ),
            code="invalid_rfc",
            params={"value": value},
        )
    date = match.group("date")
    try:
        datetime.date(2000 + int(date[:2]), int(date[2:4]), int(date[4:]))
    except ValueError:
        raise ValidationError(
            _("The RFC “%(value)s” contains an impossible date (%(date)s); check the six digits after the letters."),
            code="invalid_rfc_date",
            params={"value": value, "date": date},
        ) from None


# Logos appear on public pages; evidence of due diligence is private. Both are checked by content.
validate_logo = UploadValidator(("png", "jpeg", "webp"), LOGO_MAX_BYTES, code="logo")
validate_evidence = UploadValidator(("pdf", "png", "jpeg"), EVIDENCE_MAX_BYTES, code="evidence")
