"""Writes of the report's narrative that keep history: a new version of a written part."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from axs_platform.permissions import is_staff_member

from .models import NarrativePart, NarrativeText


@transaction.atomic
def narrative_text_save(*, actor, part, body_es, body_en=""):
    """Write a new version of ``part``; the older ones stay. An unchanged text writes nothing."""
    if not is_staff_member(actor):
        raise ValidationError(_("Only AMEXCID staff write the report."), code="forbidden")
    if part not in NarrativePart.values:
        raise ValidationError(_("This part of the report does not exist."), code="unknown_part")
    if not body_es.strip():
        raise ValidationError({"body_es": _("Write the Spanish text.")}, code="required")
    latest = NarrativeText.objects.select_for_update().filter(part=part).order_by("-version").first()
    if latest and latest.body_es == body_es and latest.body_en == body_en:
        return latest
    return NarrativeText.objects.create(
        part=part,
        version=(latest.version + 1) if latest else 1,
        body_es=body_es,
        body_en=body_en,
        written_by=actor,
    )
