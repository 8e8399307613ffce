"""The narrative of the systematization report: what staff write, beside what is counted from the data.

Everything countable (attendance, response rate, committees, projects) is computed by
``reports.selectors``; these rows hold only words: milestones, findings, the contributions to
the programme's objectives, the alliance's own objectives, the written parts and the acronyms.
Each text has a Spanish and an English version; the report is written in the language it is asked for.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from axs_platform.dates import date_precision_field


def _in_english():
    return (get_language() or "").startswith("en")


class NarrativeQuerySet(models.QuerySet):
    def current(self):
        """The rows the report and its lists show: those not archived."""
        return self.filter(archived_at__isnull=True)


class Archivable(models.Model):
    """A narrative row that is archived, never deleted: it leaves the report and keeps its audit history."""

    archived_at = models.DateTimeField(_("archived"), null=True, blank=True)

    objects = NarrativeQuerySet.as_manager()

    class Meta:
        abstract = True


class Bilingual(Archivable):
    """A row whose ``title`` and ``body`` read the English or the Spanish field by the active language."""

    position = models.PositiveSmallIntegerField(_("position"), default=1)
    title_es = models.CharField(_("title (Spanish)"), max_length=255)
    title_en = models.CharField(_("title (English)"), max_length=255, blank=True)
    body_es = models.TextField(_("text (Spanish)"), blank=True)
    body_en = models.TextField(_("text (English)"), blank=True)

    class Meta:
        abstract = True

    def __str__(self):
        return self.title

    @property
    def title(self):
        return (self.title_en or self.title_es) if _in_english() else self.title_es

    @property
    def body(self):
        return (self.body_en or self.body_es) if _in_english() else self.body_es

    @property
    def title_language(self):
        """The language the shown title is written in: Spanish when the English one is missing."""
        return "en" if _in_english() and self.title_en else "es"

    @property
    def body_language(self):
        """The language the shown text is written in: Spanish when the English one is missing."""
        return "en" if _in_english() and self.body_en else "es"


class Stage(models.TextChoices):
    # Not a stage of the alliance: the milestones of the Mexican cooperation system before it (the seed's Figure 1).
    SYSTEM = "system", _("Mexican cooperation system")
    APPROACH = "approach", _("Approach and dialogue")
    PRIORITIES = "priorities", _("Identification of priorities")
    STRUCTURING = "structuring", _("Structuring of projects")
    IMPLEMENTATION = "implementation", _("Implementation of projects")


class Milestone(Bilingual):
    """A milestone of the timeline that the data does not record by itself (a call sent, an agreement).

    A milestone of the stage ``system`` belongs to the Mexican cooperation system the alliance came from (the law,
    the agency, its programme): the report draws those in chapter 1's timeline, whatever the period. ``source`` is
    the work the milestone is taken from.
    """

    happened_on = models.DateField(_("date"))
    date_precision = date_precision_field(_("How much of the date the source gives: the report prints only that."))
    stage = models.CharField(_("stage"), max_length=20, choices=Stage.choices)
    source = models.ForeignKey(
        "reports.BibliographyEntry",
        verbose_name=_("source"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="milestones",
    )

    class Meta:
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        ordering = ["happened_on", "position", "id"]


class FindingKind(models.TextChoices):
    SUCCESS = "success", _("Success")
    CHALLENGE = "challenge", _("Challenge")
    RECOMMENDATION = "recommendation", _("Recommendation")


class Finding(Bilingual):
    """A finding of the systematization: a success (acierto), a challenge (desafío) or a recommendation."""

    kind = models.CharField(_("kind"), max_length=20, choices=FindingKind.choices)

    class Meta:
        verbose_name = _("finding")
        verbose_name_plural = _("findings")
        ordering = ["kind", "position", "id"]


class ObjectiveContribution(Bilingual):
    """How the alliance contributes to one objective of the programme (PROCID), in staff's words."""

    reference = models.CharField(
        _("objective, strategy or line of action"), max_length=100, help_text=_("For example “1.1.2”.")
    )

    class Meta:
        verbose_name = _("contribution to the programme's objectives")
        verbose_name_plural = _("contributions to the programme's objectives")
        ordering = ["position", "id"]


class AllianceObjective(Bilingual):
    """One of the objectives the agency set for the alliance (``title``) and how it was fulfilled (``body``).

    ``source`` is the work that states the objective. Every change is written to the audit trail with
    the text before and after it, which is the history of the fulfilment text.
    """

    source = models.ForeignKey(
        "reports.BibliographyEntry",
        verbose_name=_("source of the objective"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="objectives",
    )

    class Meta:
        verbose_name = _("objective of the alliance")
        verbose_name_plural = _("objectives of the alliance")
        ordering = ["position", "id"]


class Acronym(Archivable):
    acronym = models.CharField(_("acronym"), max_length=30)
    meaning_es = models.CharField(_("meaning (Spanish)"), max_length=255)
    meaning_en = models.CharField(_("meaning (English)"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("acronym")
        verbose_name_plural = _("acronyms")
        ordering = ["acronym"]
        # An archived acronym may be written again.
        constraints = [
            models.UniqueConstraint(
                fields=["acronym"],
                condition=models.Q(archived_at__isnull=True),
                name="reports_acronym_current_unique",
                violation_error_code="acronym_taken",
                violation_error_message=_("This acronym is already in the list."),
            )
        ]

    def __str__(self):
        return self.acronym

    @property
    def meaning(self):
        return (self.meaning_en or self.meaning_es) if _in_english() else self.meaning_es


class NarrativePart(models.TextChoices):
    """The parts of the publication that are written, not counted, in the seed's order."""

    CREDITS = "credits", _("Credits and legal notice")
    EPIGRAPH = "epigraph", _("Epigraph")
    PROLOGUE = "prologue", _("Prologue")
    SUMMARY = "summary", _("Executive summary")
    AGENCY = "agency", _("The agency and its work with the private sector")
    ALLIANCE = "alliance", _("The alliance and its model")
    APPROACH = "approach", _("Stage 1: approach and dialogue")
    PRIORITIES = "priorities", _("Stage 2: identification of priorities")
    STRUCTURING = "structuring", _("Stage 3: structuring of projects")
    CONTRIBUTIONS = "contributions", _("Contributions to the cooperation programme")
    PROTOTYPE = "prototype", _("Value as a prototype for working with the private sector")
    FINDINGS = "findings", _("Findings of the systematization")
    SUCCESSES = "successes", _("Successes (before the list)")
    CHALLENGES_INTRO = "challenges_intro", _("Challenges (before the list)")
    CHALLENGES = "challenges", _("Challenges (after the list)")
    RECOMMENDATIONS = "recommendations", _("Recommendations (before the list)")
    FUTURE = "future", _("Towards the future")
    ACKNOWLEDGEMENTS = "acknowledgements", _("Acknowledgements")


class NarrativeText(models.Model):
    """One version of a written part, in Spanish and English, in the report's small markup (reports.markup).

    Saving writes a new version (``reports.services.narrative_text_save``); old versions are kept.
    """

    part = models.CharField(_("part"), max_length=20, choices=NarrativePart.choices)
    version = models.PositiveIntegerField(_("version"))
    body_es = models.TextField(_("text (Spanish)"))
    body_en = models.TextField(_("text (English)"), blank=True)
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("written by"), null=True, on_delete=models.PROTECT, related_name="+"
    )
    written_at = models.DateTimeField(_("written"), default=timezone.now)

    class Meta:
        verbose_name = _("narrative text")
        verbose_name_plural = _("narrative texts")
        ordering = ["part", "-version"]
        constraints = [models.UniqueConstraint(fields=["part", "version"], name="reports_narrative_text_version")]

    def __str__(self):
        return f"{self.get_part_display()} v{self.version}"

    @property
    def body(self):
        return (self.body_en or self.body_es) if _in_english() else self.body_es

    @property
    def body_language(self):
        """The language the shown text is written in: Spanish when the English one is missing."""
        return "en" if _in_english() and self.body_en else "es"


class PublishedEdition(models.Model):
    """The web edition of a period's report as staff published it: its pages frozen in both languages.

    Withdrawn, not deleted: the public page answers 404 and the row stays.
    """

    start = models.DateField(_("from"))
    end = models.DateField(_("until"))
    html_es = models.TextField(_("pages (Spanish)"))
    html_en = models.TextField(_("pages (English)"))
    published_at = models.DateTimeField(_("published"), default=timezone.now)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("published by"), on_delete=models.PROTECT, related_name="+"
    )
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)

    class Meta:
        verbose_name = _("published edition")
        verbose_name_plural = _("published editions")
        ordering = ["-published_at"]

    def __str__(self):
        return f"{self.start:%Y-%m} – {self.end:%Y-%m}"

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("reports:publication", args=[self.pk])

    @property
    def html(self):
        return self.html_en if _in_english() else self.html_es
