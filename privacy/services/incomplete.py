"""Requests the person did not complete in time are deemed not filed (LGPDPPSO art. 53) and closed."""

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from ..calendar import completion_due_of, holidays_set
from ..models import RightsRequest
from .requests import _locked, _move


def incomplete_close(*, today=None):
    """Close as not completed each request whose completion term ended before ``today``; return how many.

    A pause opened before completion dates were kept (migration 0010) has none: it is given its date here, the
    policy's business days from the day it was asked, so it lapses like any other and its page shows the term.
    """
    today = today or timezone.localdate()
    overdue = RightsRequest.objects.filter(
        Q(pauses__complete_by__lt=today) | Q(pauses__complete_by=None),
        status=RightsRequest.Status.AWAITING_COMPLETION,
        pauses__completed_on=None,
    )
    holidays = None
    closed = 0
    for pk in overdue.values_list("pk", flat=True).distinct():
        with transaction.atomic():
            rights_request = _locked(RightsRequest(pk=pk))
            pause = rights_request.pauses.select_for_update().filter(completed_on=None).first()
            if rights_request.status != RightsRequest.Status.AWAITING_COMPLETION or not pause:
                continue  # Completed or withdrawn meanwhile: a second run does nothing.
            if pause.complete_by is None:
                holidays = holidays_set() if holidays is None else holidays
                pause.complete_by = completion_due_of(pause.asked_on, holidays)
                pause.save(update_fields=["complete_by"])
            if pause.complete_by >= today:
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
