"""Keeping the public fact sheets of a published project current, in every language of the platform."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from documents.services import document_request

from .. import permissions
from ..documents import PUBLIC_FACT_SHEET
from ..models import Proposal
from .common import require


def _queue(proposal, *, actor, reason="", request=None):
    # document_request returns the job already queued or rendering for the same sheet: nothing piles up.
    return [
        document_request(
            actor=actor, kind=PUBLIC_FACT_SHEET, language=code, target=proposal, request=request, reason=reason
        )
        for code, _name in settings.LANGUAGES
    ]


@transaction.atomic
def public_fact_sheets_request(*, actor, proposal, request=None):
    """Queue the public fact sheet of a published project in each language, for staff asking from its page."""
    require(permissions.can_publish(actor, proposal))
    if not Proposal.objects.published().filter(pk=proposal.pk).exists():
        raise ValidationError(_("Only a published project has a public fact sheet."), code="not_published")
    return _queue(proposal, actor=actor, request=request)


def public_fact_sheet_refresh(proposal, *, reason):
    """Once the transaction commits, queue a fresh public fact sheet in each language if the project is published.

    Every service that changes what the public sheet shows calls this (publishing, a change of status, a
    change of the accepted consortium, an approved progress report, a revised monitoring indicator). The
    platform asks, not the person who made the change; ``reason`` (the service's audit action) goes to the
    audit trail. Nothing is queued for a project that is not published when the transaction commits, and a
    sheet already queued or rendering is not asked for again.
    """
    proposal_id = proposal.pk

    def queue():
        with transaction.atomic():
            project = Proposal.objects.published().filter(pk=proposal_id).first()
            if project is not None:
                _queue(project, actor=None, reason=reason)

    # robust: the change is committed already; a failure to queue is logged, and staff may ask from the page.
    transaction.on_commit(queue, robust=True)
