"""Which data a rectification request may name: the person's account fields and their organization's profile fields.

A request lists the keys of the data it says are wrong (``RightsRequest.rectify_fields``); staff
see those fields as the platform holds them and apply the corrected values through the owners'
services (``accounts.services.user_update``, ``companies.services.organization_update``), so each
history shows the change and the request that asked for it. Reads only; no writes here.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from companies.models import Representative

PERSON_FIELDS = {
    "full_name": _("Your name"),
    "email": _("Your e-mail address"),
    "phone": _("Your phone"),
    "job_title": _("Your job title"),
}
ORGANIZATION_FIELDS = {
    "legal_name": _("Your organization's legal name"),
    "short_name": _("Your organization's short name"),
    "contact_email": _("Your organization's contact e-mail"),
    "contact_phone": _("Your organization's contact phone"),
    "website": _("Your organization's website"),
}
ORGANIZATION_PREFIX = "organization_"


def choices():
    """The keys a request may name, with words for the person: their fields, then their organization's."""
    return [
        *PERSON_FIELDS.items(),
        *((ORGANIZATION_PREFIX + name, label) for name, label in ORGANIZATION_FIELDS.items()),
    ]


def clean_keys(right, keys):
    """Return the keys a request names, checked; only a rectification names any."""
    keys = list(dict.fromkeys(keys or ()))
    if not keys:
        return []
    if right != "rectification":
        raise ValidationError(
            {"rectify_fields": _("Only a rectification request names the data to correct.")}, code="not_rectification"
        )
    known = dict(choices())
    if any(key not in known for key in keys):
        raise ValidationError({"rectify_fields": _("Choose the data from the list.")}, code="unknown_field")
    return keys


def labels(keys):
    known = dict(choices())
    return [known[key] for key in keys if key in known]


def organization_of(person):
    """The organization the person currently represents (the one whose profile they may ask to correct), or None."""
    if person is None:
        return None
    link = Representative.objects.current().filter(user=person).select_related("organization").first()
    return link.organization if link is not None else None
