"""Staff publish privacy notices as new versions; people record consent or opposition per purpose."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from audit.models import AuditEvent
from audit.services import audit_record
from axs_platform import fragments
from documents.services import documents_rerender_naming

from ..models import PrivacyNotice, PurposeChoice, RightsRequest
from ..permissions import can_handle_requests
from ..selectors import current_choices
from .acknowledgements import notice_shown
from .applying import person_for


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
def purposes_set(*, person, choices, actor=None, reason="", request=None, shown="current"):
    """Record the person's choice for each purpose that changed, with the simplified notice they were shown.

    The person makes it themself on the consent page, which posts the version it showed (``shown``, read with
    ``axs_platform.notices.shown``; a version published meanwhile does not replace it). Staff (``actor``) apply
    an opposition filed as a request, with the reason, under the version current then.
    """
    current = current_choices(person)
    notice = notice_shown(shown)
    changed = {}
    for purpose, allowed in choices.items():
        if purpose not in PurposeChoice.Purpose.values:
            raise ValueError(purpose)
        if current[purpose] != allowed:
            PurposeChoice.objects.create(person=person, purpose=purpose, allowed=allowed, notice=notice)
            changed[purpose] = [current[purpose], allowed]
    if changed:
        audit_record(
            actor=actor or person,
            action="privacy.purposes_changed",
            target=person,
            changes=changed,
            message=" · ".join(part for part in (reason, str(notice) if notice else "") if part),
            request=request,
        )
    if PurposeChoice.Purpose.DIRECTORY in changed:
        # Public committee pages name post holders: their cached copies must not outlive the choice.
        fragments.changed(fragments.COMMITTEES)
    opposed = [purpose for purpose, (_before, allowed) in changed.items() if not allowed]
    if opposed:
        # Stored PDFs printed before (minutes, the report) would keep the name: rendered again once this commits.
        documents_rerender_naming(person, purposes=opposed)
    return changed


@transaction.atomic
def request_oppose(*, actor, rights_request, purposes, request=None):
    """Apply an opposition filed as a request: the person opposes these purposes, at once, through ``purposes_set``.

    Recorded twice: the change on the person (``privacy.purposes_changed``, with the request as its reason) and
    the step on the request (``privacy.opposition_applied``, naming the purposes).
    """
    person = person_for(
        actor=actor,
        rights_request=rights_request,
        right=RightsRequest.Right.OPPOSITION,
        messages={
            "not_opposition": _("Only a request of opposition changes the person's choices."),
            "wrong_status": _("The identity must be verified before the opposition is applied."),
            "no_person": _("No account holds this e-mail address: there is nothing to oppose."),
        },
    )
    reason = _("Opposition asked in personal data request %(number)s.") % {"number": rights_request.number}
    changed = purposes_set(
        person=person, choices=dict.fromkeys(purposes, False), actor=actor, reason=reason, request=request
    )
    if not changed:
        raise ValidationError(_("The person already opposes these purposes."), code="no_change")
    audit_record(
        actor=actor,
        action="privacy.opposition_applied",
        target=rights_request,
        changes={purpose: [True, False] for purpose in sorted(changed)},
        request=request,
    )
    return changed
