"""Checks on attachments: size, and content that matches the name (not only the extension)."""

import zipfile

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024
# extension -> what the content must be
ATTACHMENT_KINDS = {
    ".pdf": "pdf",
    ".png": "PNG",
    ".jpg": "JPEG",
    ".jpeg": "JPEG",
    ".docx": "word/",
    ".xlsx": "xl/",
    ".pptx": "ppt/",
}


def _extension(name):
    name = (name or "").lower()
    return name[name.rfind(".") :] if "." in name else ""


def _content_matches(upload, kind):
    upload.seek(0)
    try:
        if kind == "pdf":
            return b"%PDF-" in upload.read(1024)
        if kind.endswith("/"):
            try:
                with zipfile.ZipFile(upload) as archive:
                    return any(name.startswith(kind) for name in archive.namelist())
            except zipfile.BadZipFile:
                return False
        from PIL import Image

        try:
            with Image.open(upload) as image:
                image.verify()
                return image.format == kind
        except Exception:  # Pillow raises many kinds of errors on files that are not images.
            return False
    finally:
        upload.seek(0)


def validate_attachment(upload):
    """Accept a PDF, PNG, JPEG, Word, Excel or PowerPoint file of at most 10 MB whose content matches its name."""
    if upload.size > ATTACHMENT_MAX_BYTES:
        raise ValidationError(
            _("The file is %(size)s; the limit is %(limit)s. Upload a smaller file."),
            code="file_too_large",
            params={"size": filesizeformat(upload.size), "limit": filesizeformat(ATTACHMENT_MAX_BYTES)},
        )
    extension = _extension(upload.name)
    if extension not in ATTACHMENT_KINDS:
        raise ValidationError(
            _("Attachments must be PDF, PNG, JPEG, Word, Excel or PowerPoint files; “%(name)s” is not."),
            code="attachment_extension",
            params={"name": upload.name},
        )
    if not _content_matches(upload, ATTACHMENT_KINDS[extension]):
        raise ValidationError(
            _("The content of “%(name)s” is not a %(kind)s file, whatever its name says. Upload the real document."),
            code="attachment_content",
            params={"name": upload.name, "kind": extension.lstrip(".").upper()},
        )
