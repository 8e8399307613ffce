"""Staff publish privacy notices as new versions; people record consent or opposition per purpose."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Max

from audit.models import AuditEvent
from audit.services import audit_record
from axs_platform import fragments

from ..models import PrivacyNotice, PurposeChoice
from ..permissions import can_handle_requests
from ..selectors import current_choices, current_notice


@transaction.atomic
def notice_publish(*, actor, kind, text_es, text_en, request=None):
    """Publish the next version of a notice; earlier versions stay, since consents point to them."""
    if not can_handle_requests(actor):
        raise PermissionDenied
    # Lock the kind's versions so two staff publishing at once get consecutive numbers.
    list(PrivacyNotice.objects.select_for_update().filter(kind=kind).values_list("pk", flat=True))
    last = PrivacyNotice.objects.filter(kind=kind).aggregate(v=Max("version"))["v"] or 0
    notice = PrivacyNotice(
        kind=kind, version=last + 1, text_es=text_es.strip(), text_en=text_en.strip(), published_by=actor
    )
    notice.full_clean()
    notice.save()
    audit_record(actor=actor, action=AuditEvent.Action.CREATED, target=notice, request=request)
    return notice


@transaction.atomic
def purposes_set(*, person, choices, request=None):
    """Record the person's choice for each purpose that changed, with the simplified notice they were shown."""
    current = current_choices(person)
    notice = current_notice(PrivacyNotice.Kind.SIMPLIFIED)
    changed = {}
    for purpose, allowed in choices.items():
        if purpose not in PurposeChoice.Purpose.values:
            raise ValueError(purpose)
        if current[purpose] != allowed:
            PurposeChoice.objects.create(person=person, purpose=purpose, allowed=allowed, notice=notice)
            changed[purpose] = [current[purpose], allowed]
    if changed:
        audit_record(
            actor=person,
            action="privacy.purposes_changed",
            target=person,
            changes=changed,
            message=str(notice) if notice else "",
            request=request,
        )
    if PurposeChoice.Purpose.DIRECTORY in changed:
        # Public committee pages name post holders: their cached copies must not outlive the choice.
        fragments.changed(fragments.COMMITTEES)
    return changed
