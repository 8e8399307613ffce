"""Asking for the public fact sheets of a published project, in every language of the platform."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from documents.services import document_request

from .. import permissions
from ..documents import PUBLIC_FACT_SHEET
from ..models import Proposal
from .common import require


@transaction.atomic
def public_fact_sheets_request(*, actor, proposal, request=None):
    """Queue the public fact sheet of a published project in each language (rendered after commit)."""
    require(permissions.can_publish(actor, proposal))
    if not Proposal.objects.published().filter(pk=proposal.pk).exists():
        raise ValidationError(_("Only a published project has a public fact sheet."), code="not_published")
    return [
        document_request(actor=actor, kind=PUBLIC_FACT_SHEET, language=code, target=proposal, request=request)
        for code, _name in settings.LANGUAGES
    ]
