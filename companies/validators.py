"""Checks on what people type or upload: the RFC, logos and evidence documents."""

import datetime
import re

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

# Legal entities have three letters, individuals four; then the date of incorporation or birth
# (YYMMDD) and a three-character homoclave whose last character is a digit or "A".
RFC_PATTERN = re.compile(r"^(?P<letters>[A-ZÑ&]{3,4})(?P<date>\d{6})(?P<homoclave>[A-Z0-9]{2}[0-9A])$")

LOGO_MAX_BYTES = 2 * 1024 * 1024
LOGO_FORMATS = {"PNG": (".png",), "JPEG": (".jpg", ".jpeg"), "WEBP": (".webp",)}
EVIDENCE_MAX_BYTES = 10 * 1024 * 1024
EVIDENCE_EXTENSIONS = (".pdf", ".png", ".jpg", ".jpeg")


def normalize_rfc(value):
    """Return the RFC in capitals without the spaces or hyphens people often type."""
    return re.sub(r"[\s-]", "", value or "").upper()


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


def _extension(name):
    name = (name or "").lower()
    return name[name.rfind(".") :] if "." in name else ""


def _check_size(upload, limit):
    if upload.size > limit:
        raise ValidationError(
            _("The file is %(size)s; the limit is %(limit)s. Upload a smaller file."),
            code="file_too_large",
            params={"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
        )


def _image_format(upload):
    """Return Pillow's name for the image's real format, or None if it is not an image."""
    from PIL import Image

    position = upload.tell() if hasattr(upload, "tell") else 0
    try:
        upload.seek(0)
        with Image.open(upload) as image:
            image.verify()
            return image.format
    except Exception:  # Pillow raises many kinds of errors on files that are not images.
        return None
    finally:
        upload.seek(position)


def _is_pdf(upload):
    position = upload.tell()
    upload.seek(0)
    head = upload.read(1024)
    upload.seek(position)
    # The PDF specification lets the header start anywhere in the first kilobyte.
    return b"%PDF-" in head


def validate_logo(upload):
    """Accept a PNG, JPEG or WebP image of at most 2 MB whose content matches its name."""
    _check_size(upload, LOGO_MAX_BYTES)
    extension = _extension(upload.name)
    allowed = [ext for extensions in LOGO_FORMATS.values() for ext in extensions]
    if extension not in allowed:
        raise ValidationError(
            _("The logo must be a PNG, JPEG or WebP image; “%(name)s” is not."),
            code="logo_extension",
            params={"name": upload.name},
        )
    real_format = _image_format(upload)
    if real_format not in LOGO_FORMATS or extension not in LOGO_FORMATS[real_format]:
        raise ValidationError(
            _(
                "The content of “%(name)s” is not the image its name says. "
                "Save the logo again as PNG, JPEG or WebP and upload that file."
            ),
            code="logo_content",
            params={"name": upload.name},
        )


def validate_evidence(upload):
    """Accept a PDF, PNG or JPEG document of at most 10 MB whose content matches its name."""
    _check_size(upload, EVIDENCE_MAX_BYTES)
    extension = _extension(upload.name)
    if extension not in EVIDENCE_EXTENSIONS:
        raise ValidationError(
            _("Evidence must be a PDF, PNG or JPEG file; “%(name)s” is not."),
            code="evidence_extension",
            params={"name": upload.name},
        )
    if extension == ".pdf":
        matches = _is_pdf(upload)
    else:
        real_format = _image_format(upload)
        matches = (real_format == "PNG" and extension == ".png") or (
            real_format == "JPEG" and extension in (".jpg", ".jpeg")
        )
    if not matches:
        raise ValidationError(
            _("The content of “%(name)s” is not a %(kind)s file, whatever its name says. Upload the real document."),
            code="evidence_content",
            params={"name": upload.name, "kind": extension.lstrip(".").upper()},
        )
