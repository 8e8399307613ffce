"""Helpers every projects service shares: refusals, locking and notifications."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import MaxLengthValidator
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from axs_platform.mail import site_url
from companies.models import Representative
from notifications.services import notify_each

from ..models import Proposal


def require(allowed):
    if not allowed:
        raise PermissionDenied


def locked(proposal):
    """Return the proposal's row locked for this transaction, so its state is read once and kept."""
    return Proposal.objects.select_for_update().get(pk=proposal.pk)


def require_editable(proposal):
    if not (proposal.is_editable_by_proposer or proposal.status == "structuring"):
        raise ValidationError(
            _("This proposal was submitted and can no longer be changed, unless it is returned for changes."),
            code="not_editable",
        )


def proposal_people(proposal, *, partners=False):
    """Return the people to tell about a proposal: the lead's representatives (and the partners')."""
    organizations = [proposal.lead_organization_id]
    if partners:
        organizations += list(
            proposal.consortium.filter(status="accepted", is_lead=False).values_list("organization_id", flat=True)
        )
    return [
        link.user
        for link in Representative.objects.current()
        .filter(organization_id__in=organizations, user__is_active=True)
        .select_related("user")
    ]


def notify(people, *, kind, template, context, link, about=(), purpose=""):
    """Tell each person (and the followers of ``about``) through their inbox, in their language.

    The text is ``projects/email/<template>_subject.txt`` and ``_body.txt``; ``kind`` is one of
    ``notifications.kinds``, and the person's preference for it says whether it is e-mailed now.
    ``purpose`` (``axs_platform.purposes.REMINDERS`` for a reminder) leaves out who opposes it.
    """

    def render(person):
        full = {**context, "person": person, "site_url": site_url()}
        return {
            "title": render_to_string(f"projects/email/{template}_subject.txt", full),
            "body": render_to_string(f"projects/email/{template}_body.txt", full),
            "link": link,
        }

    return notify_each(people, kind=kind, render=render, about=about, purpose=purpose)


COMMENT_MAX_LENGTH = 4000
ROLE_MAX_LENGTH = 500


def refuse_long_text(field, text, limit):
    """Refuse ``text`` longer than ``limit`` characters beside ``field``, in Django's own words."""
    try:
        MaxLengthValidator(limit)(text.strip())
    except ValidationError as error:
        raise ValidationError({field: error.messages}, code="too_long") from None
