"""Writes of the report that keep history: its narrative rows (archived, never deleted), a new version of a
written part, a cover image replaced or removed."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.models import AuditEvent
from audit.services import audit_record, changes_between, snapshot
from axs_platform import fragments
from axs_platform.permissions import is_staff_member
from axs_platform.uploads import UploadValidator

from .models import (
    Acronym,
    AllianceObjective,
    BibliographyEntry,
    CoverImage,
    CoverImageKind,
    Finding,
    Milestone,
    NarrativePart,
    NarrativeText,
    ObjectiveContribution,
    RecordedFigure,
)

# The rows staff write beside what the data counts (``reports.forms.NARRATIVE`` gives each its page).
NARRATIVE_MODELS = (Milestone, Finding, ObjectiveContribution, AllianceObjective, BibliographyEntry, RecordedFigure,
                    Acronym)  # fmt: skip


def _require_staff(actor):
    if not is_staff_member(actor):
        raise ValidationError(_("Only AMEXCID staff write the report."), code="forbidden")


def _require_current_source(row):
    """Refuse a figure or an objective whose source is archived; the source stays locked until the commit."""
    source_id = getattr(row, "source_id", None)
    if source_id is None:
        return
    if BibliographyEntry.objects.select_for_update().get(pk=source_id).archived_at is not None:
        raise ValidationError(
            {
                "source": ValidationError(
                    _("This work is archived: restore it or choose another source."), code="source_archived"
                )
            }  # fmt: skip
        )


@transaction.atomic
@fragments.changes(fragments.REPORT)
def narrative_row_save(*, actor, model, values, row=None, request=None):
    """Write a new narrative row of ``model``, or change ``row``; the audit trail keeps each field before and after.

    The trail is the history of these rows (the objectives' fulfilment among them).
    """
    _require_staff(actor)
    if model not in NARRATIVE_MODELS:
        raise ValidationError(_("This part of the report does not exist."), code="unknown_part")
    if row is None:
        row = model()
    else:
        row = model.objects.select_for_update().get(pk=row.pk)
        if row.archived_at is not None:
            raise ValidationError(_("This is archived: restore it before changing it."), code="archived")
    created = row.pk is None
    before = {} if created else snapshot(row, values)
    for name, value in values.items():
        setattr(row, name, value)
    row.full_clean()
    _require_current_source(row)
    row.save()
    changes = changes_between(before, snapshot(row, values))
    if created:
        changes = {name: change for name, change in changes.items() if change[1] not in (None, "")}
    if created or changes:
        audit_record(
            actor=actor,
            action=AuditEvent.Action.CREATED if created else AuditEvent.Action.UPDATED,
            target=row,
            changes=changes,
            request=request,
        )
    return row


@transaction.atomic
@fragments.changes(fragments.REPORT)
def narrative_row_archive(*, actor, row, request=None):
    """Take a row out of the report and its lists; the row and its audit history stay.

    A work that is the source of a current figure or objective stays: the report would cite nothing.
    """
    _require_staff(actor)
    row = type(row).objects.select_for_update().get(pk=row.pk)
    if row.archived_at is not None:
        raise ValidationError(_("This is already archived."), code="already_archived")
    if isinstance(row, BibliographyEntry) and (row.figures.current().exists() or row.objectives.current().exists()):
        raise ValidationError(
            _("This work is the source of recorded figures or objectives: change their source first."),
            code="source_in_use",
        )
    row.archived_at = timezone.now()
    row.save(update_fields=["archived_at"])
    audit_record(actor=actor, action=AuditEvent.Action.ARCHIVED, target=row, request=request)
    return row


@transaction.atomic
@fragments.changes(fragments.REPORT)
def narrative_row_restore(*, actor, row, request=None):
    """Bring an archived row back into the report."""
    _require_staff(actor)
    row = type(row).objects.select_for_update().get(pk=row.pk)
    if row.archived_at is None:
        raise ValidationError(_("This is not archived."), code="not_archived")
    row.archived_at = None
    row.validate_constraints()  # an acronym written again since it was archived
    _require_current_source(row)
    row.save(update_fields=["archived_at"])
    audit_record(actor=actor, action=AuditEvent.Action.RESTORED, target=row, request=request)
    return row


@transaction.atomic
@fragments.changes(fragments.REPORT)
def narrative_text_save(*, actor, part, body_es, body_en=""):
    """Write a new version of ``part``; the older ones stay. An unchanged text writes nothing."""
    _require_staff(actor)
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


# Cover images go into every edition (inlined in the web page and the Word file), so they stay small.
COVER_IMAGE_MAX_BYTES = 1024 * 1024
validate_cover_image = UploadValidator(("png", "jpeg"), COVER_IMAGE_MAX_BYTES, code="cover_image")
# A small file can still decode to a huge picture, which every PDF job would decode whole.
COVER_IMAGE_MAX_SIDE = 4000


def _validate_cover_size(file):
    from PIL import Image

    file.seek(0)
    try:
        with Image.open(file) as image:
            width, height = image.size
    except (OSError, Image.DecompressionBombError):
        width = height = COVER_IMAGE_MAX_SIDE + 1
    finally:
        file.seek(0)
    if max(width, height) > COVER_IMAGE_MAX_SIDE:
        raise ValidationError(
            _("The image may measure at most %(side)s pixels a side.") % {"side": COVER_IMAGE_MAX_SIDE},
            code="cover_image_too_large",
        )


def _alt_texts(alt_es, alt_en):
    errors = {}
    if not (alt_es or "").strip():
        errors["alt_es"] = ValidationError(_("Describe the image in Spanish for people who cannot see it."),
                                           code="alt_required")  # fmt: skip
    if not (alt_en or "").strip():
        errors["alt_en"] = ValidationError(_("Describe the image in English for people who cannot see it."),
                                           code="alt_required")  # fmt: skip
    if errors:
        raise ValidationError(errors)
    return alt_es.strip(), alt_en.strip()


@transaction.atomic
@fragments.changes(fragments.REPORT)
def cover_image_upload(*, actor, file, alt_es, alt_en, kind=CoverImageKind.LOGO, position=1, replaces=None):
    """Put a logo or image on the cover; with ``replaces``, in the place of that one, which is kept archived."""
    if not is_staff_member(actor):
        raise ValidationError(_("Only AMEXCID staff change the report's cover."), code="forbidden")
    alt_es, alt_en = _alt_texts(alt_es, alt_en)
    try:
        validate_cover_image(file)
        _validate_cover_size(file)
    except ValidationError as error:
        raise ValidationError({"file": error}) from None
    if replaces is not None:
        replaces = CoverImage.objects.select_for_update().get(pk=replaces.pk)
        if replaces.archived_at is not None:
            raise ValidationError(_("This image was already replaced or removed."), code="archived")
        replaces.archived_at = timezone.now()
        replaces.save(update_fields=["archived_at"])
        kind, position = replaces.kind, replaces.position
    return CoverImage.objects.create(
        kind=kind, position=position, file=file, alt_es=alt_es, alt_en=alt_en, replaces=replaces, uploaded_by=actor
    )


@transaction.atomic
@fragments.changes(fragments.REPORT)
def cover_image_remove(*, actor, image):
    """Take an image off the cover; the row and its file stay (editions published before still show it)."""
    if not is_staff_member(actor):
        raise ValidationError(_("Only AMEXCID staff change the report's cover."), code="forbidden")
    image = CoverImage.objects.select_for_update().get(pk=image.pk)
    if image.archived_at is None:
        image.archived_at = timezone.now()
        image.save(update_fields=["archived_at"])
    return image
