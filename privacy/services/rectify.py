"""Rectification: staff apply the corrected data a request names, through the services that own that data.

The person's fields go through ``accounts.services.user_update``, their organization's through
``companies.services.organization_update``; both record the change with the request as its reason,
so the person's and the organization's histories show what changed and why. The request's own
history records which fields were rectified (``privacy.rectified``), never their values.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from audit.services import audit_record

from .. import rectification
from ..models import RightsRequest
from .applying import person_for


def _changed(obj, values):
    return {name: value for name, value in values.items() if getattr(obj, name) != value}


@transaction.atomic
def request_rectify(*, actor, rights_request, request=None, **fields):
    """Apply a rectification: ``fields`` are person fields and ``organization_<field>`` for the organization's.

    Only values that differ from what the platform holds change; an empty organization field changes nothing.
    """
    from accounts.services import user_update
    from companies.services import organization_update

    person = person_for(
        actor=actor,
        rights_request=rights_request,
        right=RightsRequest.Right.RECTIFICATION,
        messages={
            "not_rectification": _("Only a request of rectification changes the person's data."),
            "wrong_status": _("The identity must be verified before the data are changed."),
            "no_person": _("No account holds this e-mail address: there is nothing to rectify."),
        },
    )
    organization = rectification.organization_of(person)
    prefix = rectification.ORGANIZATION_PREFIX
    own = _changed(person, {k: v for k, v in fields.items() if k in rectification.PERSON_FIELDS})
    theirs = {}
    if organization is not None:
        # An organization field left empty is left as it is (the form shows them all).
        values = {k[len(prefix) :]: v for k, v in fields.items() if k.startswith(prefix) and v not in ("", None)}
        theirs = _changed(organization, {k: v for k, v in values.items() if k in rectification.ORGANIZATION_FIELDS})
    if not own and not theirs:
        raise ValidationError(_("Nothing differs from the data the platform holds."), code="no_change")
    reason = _("Rectification asked in personal data request %(number)s.") % {"number": rights_request.number}
    if own:
        user_update(actor=actor, user=person, request=request, reason=reason, **own)
    if theirs:
        organization_update(actor=actor, organization=organization, request=request, reason=reason, **theirs)
    names = sorted(own) + sorted(prefix + name for name in theirs)
    audit_record(
        actor=actor,
        action="privacy.rectified",
        target=rights_request,
        changes={name: ["", "✓"] for name in names},
        message=_("Fields rectified: %(fields)s.") % {"fields": ", ".join(names)},
        request=request,
    )
    return person
