"""The one check of uploaded files (type by content, size) and the one way private files are sent back."""

import uuid
import zipfile

from django.core.exceptions import ValidationError
from django.http import FileResponse
from django.template.defaultfilters import filesizeformat
from django.utils.cache import patch_cache_control
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext as _

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
PNG_END = b"\x00\x00\x00\x00IEND\xaeB`\x82"  # The IEND chunk: nothing may follow it.
JPEG_START = b"\xff\xd8\xff"
JPEG_END = b"\xff\xd9"
OFFICE_FOLDERS = {"docx": "word/", "xlsx": "xl/", "pptx": "ppt/"}
# Kind -> the extensions a file of that kind may carry.
EXTENSIONS = {
    "pdf": (".pdf",),
    "png": (".png",),
    "jpeg": (".jpg", ".jpeg"),
    "webp": (".webp",),
    "docx": (".docx",),
    "xlsx": (".xlsx",),
    "pptx": (".pptx",),
}
LABELS = {
    "pdf": "PDF",
    "png": "PNG",
    "jpeg": "JPEG",
    "webp": "WebP",
    "docx": "Word",
    "xlsx": "Excel",
    "pptx": "PowerPoint",
}


def _tail(upload, size):
    upload.seek(0, 2)
    end = upload.tell()
    upload.seek(max(0, end - size))
    return upload.read()


def _image_verifies(upload, pillow_format):
    from PIL import Image

    upload.seek(0)
    try:
        with Image.open(upload) as image:
            image.verify()
            return image.format == pillow_format
    except Exception:  # Pillow raises many kinds of errors on files that are not images.
        return False


def content_kind(upload):
    """Return the kind of file the bytes say it is (``pdf``, ``png``, ``jpeg``, ``webp``, Office), or None.

    The name plays no part. A PDF must start with ``%PDF-``; an image must verify and end where its
    format ends (HTML appended to a PNG or JPEG makes it no image); Office files are ZIPs with their folder.
    """
    upload.seek(0)
    head = upload.read(16)
    try:
        if head.startswith(b"%PDF-"):
            return "pdf"
        if head.startswith(PNG_SIGNATURE):
            ok = _tail(upload, len(PNG_END)) == PNG_END and _image_verifies(upload, "PNG")
            return "png" if ok else None
        if head.startswith(JPEG_START):
            ok = _tail(upload, 64).rstrip(b"\x00\r\n ").endswith(JPEG_END) and _image_verifies(upload, "JPEG")
            return "jpeg" if ok else None
        if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
            declared = int.from_bytes(head[4:8], "little") + 8
            return "webp" if declared == upload.size and _image_verifies(upload, "WEBP") else None
        if head.startswith(b"PK\x03\x04"):
            upload.seek(0)
            try:
                with zipfile.ZipFile(upload) as archive:
                    names = archive.namelist()
            except zipfile.BadZipFile:
                return None
            return next(
                (kind for kind, folder in OFFICE_FOLDERS.items() if any(n.startswith(folder) for n in names)), None
            )
        return None
    finally:
        upload.seek(0)


@deconstructible
class UploadValidator:
    """Accept a file of one of ``kinds`` (by its content, and a name that agrees) of at most ``max_bytes``.

    ``code`` names the errors: ``<code>_extension`` and ``<code>_content`` (and ``file_too_large``).
    """

    def __init__(self, kinds, max_bytes, code="upload"):
        self.kinds = tuple(kinds)
        self.max_bytes = max_bytes
        self.code = code

    def __eq__(self, other):
        return isinstance(other, UploadValidator) and (self.kinds, self.max_bytes, self.code) == (
            other.kinds,
            other.max_bytes,
            other.code,
        )

    def allowed(self):
        return ", ".join(LABELS[kind] for kind in self.kinds)

    def __call__(self, upload):
        if upload.size > self.max_bytes:
            raise ValidationError(
                _("The file is %(size)s; the limit is %(limit)s. Upload a smaller file."),
                code="file_too_large",
                params={"size": filesizeformat(upload.size), "limit": filesizeformat(self.max_bytes)},
            )
        name = upload.name or ""
        extension = name[name.rfind(".") :].lower() if "." in name else ""
        if not any(extension in EXTENSIONS[kind] for kind in self.kinds):
            raise ValidationError(
                _("Upload a file of one of these types: %(kinds)s; “%(name)s” is not."),
                code=f"{self.code}_extension",
                params={"kinds": self.allowed(), "name": name},
            )
        kind = content_kind(upload)
        if kind not in self.kinds or extension not in EXTENSIONS[kind]:
            raise ValidationError(
                _(
                    "The content of “%(name)s” is not a %(kind)s file, whatever its name says. "
                    "Save the real document as %(kinds)s and upload that file."
                ),
                code=f"{self.code}_content",
                params={"name": name, "kind": extension.lstrip(".").upper(), "kinds": self.allowed()},
            )


def random_name(folder, filename):
    """A stored name that reveals nothing and never collides: ``folder/<random>.<extension>``."""
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    if not extension.isalnum() or len(extension) > 5:
        extension = "bin"
    return f"{folder}/{uuid.uuid4().hex}.{extension}"


def private_file_response(field_file, filename):
    """Send a stored private file as a download no browser sniffs and no cache keeps."""
    response = FileResponse(field_file.open("rb"), as_attachment=True, filename=filename)
    response["X-Content-Type-Options"] = "nosniff"
    patch_cache_control(response, private=True, no_store=True)
    return response
