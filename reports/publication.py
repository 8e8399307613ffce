"""What the editions add to the report's data: the cover's images and the notes that cite the figures' sources.

Reads only. Cover images are inlined as data URIs, so the PDF (whose fetcher accepts them), the web
edition (frozen when published, images included) and the Word file carry them with no file route.
"""

import base64
import re

from django.contrib.auth import get_user_model
from django.utils.html import escape
from django.utils.translation import gettext as _

from axs_platform import purposes

from .models import CoverImage, CoverImageKind

# How the report's body marks a person's name (systematization_body.html), so that a frozen edition can name them
# as they are named today.
NAMED_PERSON = re.compile(r'<span data-person="(\d+)">[^<]*</span>')

CONTENT_TYPES = {"png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg"}


def with_data_uri(images):
    """Give each image its ``data_uri`` (read from storage); return the list."""
    for image in images:
        extension = image.file.name.rsplit(".", 1)[-1].lower()
        with image.file.open("rb") as stream:
            encoded = base64.b64encode(stream.read()).decode("ascii")
        image.data_uri = f"data:{CONTENT_TYPES.get(extension, 'image/png')};base64,{encoded}"
    return images


def cover_context():
    """Return the cover's current logos and images, each with its data URI and alternative text."""
    images = with_data_uri(list(CoverImage.objects.current()))
    return {
        "cover_logos": [image for image in images if image.kind == CoverImageKind.LOGO],
        "cover_pictures": [image for image in images if image.kind == CoverImageKind.IMAGE],
    }


def figure_notes(stages):
    """Number the notes that cite the recorded figures, in reading order; one note per source and locator.

    ``stages`` holds each stage's figures. Sets ``figure.note`` (its number) and ``figure.note_repeated``
    (the stage already called that note: the PDF prints its text once at the foot of the stage's page)
    and returns ``[(number, source, locator, calling figures)]`` for the chapter's notes.
    """
    notes = {}
    for figures in stages:
        called = set()
        for figure in figures:
            key = (figure.source_id, figure.locator)
            if key not in notes:
                notes[key] = (len(notes) + 1, figure.source, figure.locator, [])
            notes[key][3].append(figure)
            figure.note = notes[key][0]
            figure.note_repeated = key in called
            called.add(key)
    return list(notes.values())


def names_as_of_now(html):
    """Name each person marked in a frozen edition as today: withheld once they oppose the public directory
    (``axs_platform.purposes``, the rule of ``committees.selectors.withhold_names``), or by their anonymized name.
    """
    ids = {int(pk) for pk in NAMED_PERSON.findall(html)}
    if not ids:
        return html
    withheld = purposes.opposing_among(purposes.DIRECTORY, ids)
    names = dict(get_user_model().objects.filter(pk__in=ids).values_list("pk", "full_name"))

    def name(match):
        pk = int(match.group(1))
        text = _("name withheld") if pk in withheld else names.get(pk, "")
        return f'<span data-person="{pk}">{escape(text)}</span>'

    return NAMED_PERSON.sub(name, html)
