"""Reads of personal data requests that pages share."""

from django.db.models import BooleanField, Case, OuterRef, Q, Subquery, Value, When
from django.utils import timezone

from .models import Holiday, NoticeAcknowledgement, PrivacyNotice, PurposeChoice, RightsRequest


def request_queue(*, status="", overdue=False, today=None):
    """Return requests for the unit's queue, earliest due first, each with ``is_overdue``."""
    today = today or timezone.localdate()
    requests = RightsRequest.objects.select_related("requester").annotate(
        is_overdue=Case(
            When(Q(status__in=RightsRequest.OPEN, due_on__lt=today), then=Value(True)),
            default=Value(False),
            output_field=BooleanField(),
        )
    )
    requests = requests.filter(status=status) if status else requests.filter(status__in=RightsRequest.OPEN)
    if overdue:
        requests = requests.filter(is_overdue=True)
    return requests.order_by("due_on", "received_at", "id")


def requests_of(user):
    """Return the requests a signed-in person filed, newest first."""
    return RightsRequest.objects.filter(requester=user).order_by("-received_at", "-id")


def holidays(*, years=None):
    """Return the non-working days, those of ``years`` (first, last) only when given."""
    days = Holiday.objects.all()
    if years:
        days = days.filter(day__year__gte=years[0], day__year__lte=years[1])
    return days


def exports_of(rights_request):
    """Return the personal data exports built for a request, newest first."""
    from documents.models import Document

    from .documents import PERSONAL_DATA

    return Document.objects.filter(kind=PERSONAL_DATA, target_id=str(rights_request.pk)).order_by("-requested_at")


def current_notice(kind):
    """Return the latest published version of a notice, or None before staff publish one."""
    return PrivacyNotice.objects.filter(kind=kind).order_by("-version").first()


def current_choices(person):
    """Return ``{purpose: allowed}`` for a person: their latest choice, allowed where they made none."""
    choices = dict.fromkeys(PurposeChoice.Purpose.values, True)
    for choice in PurposeChoice.objects.filter(person=person).order_by("purpose", "decided_at", "id"):
        choices[choice.purpose] = choice.allowed
    return choices


def notices_shown_to(person):
    """Return the notice versions the person was shown where they gave data, newest first, with the notice."""
    return NoticeAcknowledgement.objects.filter(person=person).select_related("notice")


def opposed(purpose):
    """Return the ids of the people whose latest choice opposes a purpose (a subquery other reads can use)."""
    latest = PurposeChoice.objects.filter(person=OuterRef("person"), purpose=purpose).order_by("-decided_at", "-id")
    return (
        PurposeChoice.objects.filter(purpose=purpose)
        .annotate(latest_allowed=Subquery(latest.values("allowed")[:1]))
        .filter(latest_allowed=False)
        .values("person")
    )


def exports_about(*, requests):
    """Return the personal data exports built for these requests (a queryset of requests)."""
    from documents.models import Document

    from .documents import PERSONAL_DATA

    ids = [str(pk) for pk in requests.values_list("pk", flat=True)]
    return Document.objects.filter(kind=PERSONAL_DATA, target_id__in=ids)
