"""Reads of the public fact sheets: the latest ready one of a published project, per language.

A language is named in addresses and in IATI by its ISO 639-1 code (``es``, ``en``); documents are rendered in
the platform's language codes (``es-mx``, ``en``).
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Max, OuterRef, Subquery
from django.db.models.functions import Cast
from django.urls import reverse

from documents.models import Document

from .documents import PUBLIC_FACT_SHEET
from .models import Proposal

# ISO 639-1 code → the platform's language code, in the order of ``settings.LANGUAGES``.
LANGUAGES = {code.split("-")[0]: code for code, _name in settings.LANGUAGES}


def _ready(language):
    return Document.objects.filter(
        kind=PUBLIC_FACT_SHEET,
        target_type=ContentType.objects.get_for_model(Proposal),
        language=LANGUAGES[language],
        status=Document.Status.READY,
        erased_at__isnull=True,
    ).order_by("-finished_at", "-pk")


def latest(project_id, language):
    """Return the latest ready public fact sheet of a project in a language (``es``, ``en``), or None."""
    if language not in LANGUAGES:
        return None
    return _ready(language).filter(target_id=str(project_id)).first()


def public_url(project, language):
    return reverse("projects:project-fact-sheet", kwargs={"pk": project.pk, "language": language})


def ready_dates():
    """Return annotations ``fact_sheet_<language>``: when a project's latest public fact sheet was made (or None)."""
    target = Cast(OuterRef("pk"), CharField())
    return {
        f"fact_sheet_{language}": Subquery(_ready(language).filter(target_id=target).values("finished_at")[:1])
        for language in LANGUAGES
    }


def sheets_of(project):
    """Return ``[(language, url, finished_at)]`` for the languages a project (annotated by ``ready_dates``) has."""
    return [
        (language, public_url(project, language), moment)
        for language in LANGUAGES
        if (moment := getattr(project, f"fact_sheet_{language}", None))
    ]


def last_made():
    """Return when the latest public fact sheet of any project was made: it changes the IATI activity file."""
    return Document.objects.filter(kind=PUBLIC_FACT_SHEET, status=Document.Status.READY).aggregate(
        latest=Max("finished_at")
    )["latest"]
