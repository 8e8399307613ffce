"""Writes of the report that keep history: a new version of a written part, a cover image replaced or removed."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from axs_platform import fragments
from axs_platform.permissions import is_staff_member
from axs_platform.uploads import UploadValidator

from .models import CoverImage, CoverImageKind, NarrativePart, NarrativeText


@transaction.atomic
@fragments.changes(fragments.REPORT)
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
