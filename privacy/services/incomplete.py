"""Requests the person did not complete in time are deemed not filed (LGPDPPSO art. 53) and closed."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from ..models import RightsRequest
from .requests import _locked, _move


def incomplete_close(*, today=None):
    """Close as not completed each request whose completion term ended before ``today``; return how many."""
    today = today or timezone.localdate()
    overdue = RightsRequest.objects.filter(
        status=RightsRequest.Status.AWAITING_COMPLETION,
        pauses__completed_on=None,
        pauses__complete_by__lt=today,
    )
    closed = 0
    for pk in overdue.values_list("pk", flat=True):
        with transaction.atomic():
            rights_request = _locked(RightsRequest(pk=pk))
            pause = rights_request.pauses.select_for_update().filter(completed_on=None).first()
            if rights_request.status != RightsRequest.Status.AWAITING_COMPLETION or not pause:
                continue  # Completed or withdrawn meanwhile: a second run does nothing.
            if pause.complete_by is None or pause.complete_by >= today:
                continue
            day = pause.complete_by.strftime("%Y-%m-%d")
            with override(rights_request.language):
                reason = _(
                    "The request was not completed by %(day)s, the term the law gives; it is deemed not filed. "
                    "You may file it again with the details asked."
                ) % {"day": day}
            _move(
                rights_request,
                actor=None,
                to_status=RightsRequest.Status.NOT_COMPLETED,
                action="privacy.not_completed",
                reason=reason,
                free_text=False,
            )
        closed += 1
    return closed
