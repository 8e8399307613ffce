"""What the editions add to the report's data: the cover's images and the notes, numbered once across the report.

Reads only. Cover images are inlined as data URIs, so the PDF (whose fetcher accepts them), the web
edition (frozen when published, images included) and the Word file carry them with no file route.
"""

import base64
import re

from django.contrib.auth import get_user_model
from django.utils.html import escape
from django.utils.translation import gettext as _

from axs_platform import purposes

from .markup import render_notes
from .models import CoverImage, CoverImageKind
from .selectors import UNDER_SECTION

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


# The written parts in the order the report prints them (reports/includes/systematization_body.html; a test
# pins the two together): "stages" is the stages' texts and figures, "objectives" the contributions to the programme's
# objectives, "alliance_objectives" the alliance's objectives, "<kind>:findings" the findings of that kind.
READING_ORDER = ("credits", "epigraph", "prologue", "summary", "agency", "alliance", "stages", "contributions",
                 "objectives", "prototype", "alliance_objectives", "findings", "successes", "successes:findings",
                 "challenges_intro", "challenges:findings", "challenges", "recommendations",
                 "recommendations:findings", "future", "acknowledgements")  # fmt: skip
# The lists of rows whose bodies are written in the markup: the prefix of their notes' ids and their top heading level
# (a contribution's body sits under its h4, an objective's in a list under the section's h3).
WRITTEN_ROWS = {"objectives": ("contribution", 5), "alliance_objectives": ("objective", 4)}


def number_notes(data):
    """Number the report's notes once, 1…N in the order it prints them, as the seed numbers its notes.

    Renders each written part (``text.html``), each contribution to the programme's objectives and each objective of
    the alliance (``row.html``) and each finding (``finding.title_html``, whose title may call a note its body
    defines, and ``finding.html``) with its notes numbered on from the part before. The notes that cite the
    recorded figures follow their stage's text, one note per source and locator: each figure gets ``figure.note``
    (its number) and ``figure.note_repeated`` (its stage already called that note: the PDF prints its text once).
    Returns ``[(number, source, locator, calling figures)]`` for the stages chapter's list of those notes.
    """
    texts = data["texts"]
    following = 1
    figure_notes = {}

    def text(part):
        nonlocal following
        if part.endswith(":findings"):
            for finding in data[part.split(":")[0]]:
                rendered = render_notes(finding.body, prefix=f"finding-{finding.pk}", top=4, start=following,
                                        lead=finding.title)  # fmt: skip
                finding.title_html, finding.html = rendered.lead, rendered.html
                following += rendered.notes
        elif part in WRITTEN_ROWS:
            prefix, top = WRITTEN_ROWS[part]
            for row in data[part]:
                rendered = render_notes(row.body, prefix=f"{prefix}-{row.pk}", top=top, start=following)
                row.html = rendered.html
                following += rendered.notes
        elif part in texts:
            top = 4 if part in UNDER_SECTION else 3
            rendered = render_notes(texts[part].body, prefix=part, top=top, start=following)
            texts[part].html = rendered.html
            following += rendered.notes

    def stages():
        nonlocal following
        for value, _label, _items, figures in data["stages"]:
            text(value)
            called = set()
            for figure in figures:
                key = (figure.source_id, figure.locator)
                if key not in figure_notes:
                    figure_notes[key] = (following, figure.source, figure.locator, [])
                    following += 1
                figure_notes[key][3].append(figure)
                figure.note = figure_notes[key][0]
                figure.note_repeated = key in called
                called.add(key)

    for part in READING_ORDER:
        if part == "stages":
            stages()
        else:
            text(part)
    return list(figure_notes.values())


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
