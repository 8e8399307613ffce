"""What staff check before applying a right to the person a request is about (opposition, rectification)."""

from django.core.exceptions import PermissionDenied, ValidationError

from ..models import RightsRequest
from ..permissions import can_handle_requests
from ..subjects import person_of

APPLICABLE_STATUSES = (RightsRequest.Status.IDENTITY_VERIFIED, RightsRequest.Status.IN_PROGRESS)


def person_for(*, actor, rights_request, right, messages):
    """Return the person ``rights_request`` is about, once staff, the right, the status and the account check out.

    Checked in this order: the actor handles requests, the request is of ``right``, the identity is verified (and
    the request not closed), an account holds the address. ``messages`` gives each refusal's text, keyed by its
    code: the right's own code (e.g. ``not_opposition``), ``wrong_status`` and ``no_person``.
    """
    if not can_handle_requests(actor):
        raise PermissionDenied
    if rights_request.right != right:
        code = f"not_{right}"
        raise ValidationError(messages[code], code=code)
    if rights_request.status not in APPLICABLE_STATUSES:
        raise ValidationError(messages["wrong_status"], code="wrong_status")
    person = person_of(rights_request)
    if person is None:
        raise ValidationError(messages["no_person"], code="no_person")
    return person
