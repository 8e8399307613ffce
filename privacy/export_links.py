"""The signed link that lets somebody who filed an access request without an account download their export.

The link carries the export's and the request's numbers, signed with ``django.core.signing`` (salt
``privacy.export.download``) and stamped with the time it was made; it works for
``AXS_PRIVACY_EXPORT_LINK_SECONDS`` (seven days by default). An export erased since (a cancellation,
the retention of closed requests) is no longer served, whatever the link.
"""

from django.conf import settings
from django.core import signing
from django.urls import reverse

from axs_platform.mail import site_url

EXPORT_SALT = "privacy.export.download"


class LinkRefused(Exception):
    """A link that serves nothing: ``reason`` is ``invalid``, ``expired`` or ``erased``."""

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


def export_link(document):
    """Return the absolute address of the signed, expiring link to download an export."""
    token = signing.dumps({"d": document.pk, "r": int(document.target_id)}, salt=EXPORT_SALT)
    return site_url() + reverse("privacy:export-download", args=[token])


def export_of(token):
    """Return the ready export a link names, or raise ``LinkRefused`` with the reason."""
    from documents.models import Document

    from .documents import PERSONAL_DATA

    try:
        data = signing.loads(token, salt=EXPORT_SALT, max_age=settings.AXS_PRIVACY_EXPORT_LINK_SECONDS)
    except signing.SignatureExpired:
        raise LinkRefused("expired") from None
    except signing.BadSignature:
        raise LinkRefused("invalid") from None
    document = Document.objects.filter(pk=data.get("d"), kind=PERSONAL_DATA, target_id=str(data.get("r"))).first()
    if document is None:
        raise LinkRefused("invalid")
    if document.erased_at is not None or document.status != Document.Status.READY or not document.file:
        raise LinkRefused("erased")
    return document
