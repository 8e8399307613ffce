"""The access export of somebody without an account: e-mailed as a signed, expiring link, downloaded through it."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from audit.services import audit_record
from documents.models import Document

from ..documents import EXPORT_RIGHTS
from ..export_links import export_of
from ..models import RightsRequest
from ..selectors import exports_of
from . import notify


def require_export_before_granted(rights_request, outcome):
    """An access or portability request is granted (in whole or part) only with its export built and kept."""
    if rights_request.right not in EXPORT_RIGHTS or outcome == RightsRequest.Outcome.DENIED:
        return
    if not exports_of(rights_request).filter(status=Document.Status.READY, erased_at=None).exists():
        message = _(
            "An access or portability request is granted by giving the export of the person's data: "
            "build it and wait until it is ready, or deny the request with the legal reason."
        )
        raise ValidationError({"outcome": ValidationError(message, code="export_not_built")})


@transaction.atomic
def export_link_send(*, document):
    """E-mail the link of a ready export to whoever filed its request without an account; return whether it went.

    Somebody signed in downloads the export on the request's page; nobody is e-mailed for an unverified or
    withdrawn or lapsed request, nor for one whose address retention has already anonymized.
    """
    # Read, not locked: the export's row is locked by the job, and a cancellation locks rows the other way round.
    rights_request = RightsRequest.objects.get(pk=document.target_id)
    sendable = (
        rights_request.requester_id is None
        and rights_request.identity_verified
        and rights_request.status in (*RightsRequest.OPEN, RightsRequest.Status.ANSWERED)
        and not rights_request.email.lower().endswith(".invalid")
    )
    if not sendable:
        return False
    notify.send_export_link(rights_request, document)
    days = settings.AXS_PRIVACY_EXPORT_LINK_SECONDS // 86400
    audit_record(
        actor=None,
        action="privacy.export_link_sent",
        target=rights_request,
        message=_("A link to download the export, valid for %(days)s days, was e-mailed to the requester.")
        % {"days": days},
    )
    return True


def export_download(*, token, request=None):
    """Return the export a signed link names and record the download; raise ``LinkRefused`` when it serves nothing."""
    document = export_of(token)
    audit_record(
        actor=None,
        action="privacy.export_downloaded",
        target=RightsRequest.objects.get(pk=document.target_id),
        request=request,
    )
    return document
