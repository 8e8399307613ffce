"""Where the report's figures and statements come from: the works it cites and the figures taken from them."""

from django.db import models
from django.db.models import Value
from django.db.models.functions import Coalesce, Lower, NullIf
from django.utils.translation import gettext_lazy as _

from axs_platform.dates import date_precision_field

from ..bibliography import authors_text, reference, year_text
from .narrative import Archivable, _in_english


class WorkKind(models.TextChoices):
    REPORT = "report", _("Report or publication")
    PRESS_RELEASE = "press_release", _("Press release")
    INTERVIEW = "interview", _("Interview")
    EVENT = "event", _("Conference or event")
    LAW = "law", _("Law or official gazette")
    ARTICLE = "article", _("Article")
    WEB_PAGE = "web_page", _("Web page")
    OTHER = "other", _("Other")


class BibliographyEntry(Archivable):
    """A work cited by the report, in fields; ``reports.bibliography.reference`` prints it (APA-like).

    An entry with only a title (one kept from before the fields existed) prints its title as it is.
    """

    position = models.PositiveSmallIntegerField(_("position"), default=1)
    kind = models.CharField(_("kind of work"), max_length=20, choices=WorkKind.choices, default=WorkKind.REPORT)
    authors = models.CharField(
        _("author(s)"),
        max_length=255,
        blank=True,
        help_text=_("People as “Surname, I.” or an organization; several separated by semicolons."),
    )
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    year_suffix = models.CharField(
        _("letter after the year"), max_length=2, blank=True, help_text=_("“a”, “b”… for several works of one year.")
    )
    title = models.TextField(_("title"))
    issued_on = models.DateField(
        _("date"), null=True, blank=True, help_text=_("The day of a press release, an interview or an event.")
    )
    place = models.CharField(_("place"), max_length=120, blank=True)
    publisher = models.CharField(_("publisher or site"), max_length=255, blank=True)
    url = models.URLField(_("web address"), max_length=500, blank=True)
    accessed_on = models.DateField(_("accessed on"), null=True, blank=True)

    class Meta:
        verbose_name = _("bibliography entry")
        verbose_name_plural = _("bibliography")
        # As a bibliography is read: by author, or by title when there is none, whatever the case.
        ordering = ["position", Lower(Coalesce(NullIf("authors", Value("")), "title")), "year", "year_suffix", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(accessed_on__isnull=True) | ~models.Q(url=""),
                name="reports_bibliography_accessed_url",
            )
        ]

    def __str__(self):
        return self.short_citation

    @property
    def short_citation(self):
        """The author and year as a text cites them: “AMEXCID, 2016b”; the title when there is neither."""
        if not self.authors and not self.year:
            return self.title[:80]
        return f"{authors_text(self.authors) or self.title[:60]}, {year_text(self)}"

    @property
    def reference(self):
        return reference(self)


class Qualifier(models.TextChoices):
    EXACT = "exact", _("exactly")
    AT_LEAST = "at_least", _("more than")
    ABOUT = "about", _("about")


class RecordedFigure(Archivable):
    """A figure the platform cannot count (it came before the platform, or from outside it), with its source.

    An empty value means the source gives no figure: the report prints "sin dato" / "no data", never 0.
    """

    position = models.PositiveSmallIntegerField(_("position"), default=1)
    label_es = models.CharField(_("what is counted (Spanish)"), max_length=255)
    label_en = models.CharField(_("what is counted (English)"), max_length=255, blank=True)
    value = models.DecimalField(
        _("figure"),
        max_digits=12,
        decimal_places=1,
        null=True,
        blank=True,
        help_text=_("Leave it empty when the source gives no figure: the report then says “no data”."),
    )
    qualifier = models.CharField(_("as the source states it"), max_length=10, choices=Qualifier.choices,
                                 default=Qualifier.EXACT)  # fmt: skip
    is_percentage = models.BooleanField(_("percentage"), default=False)
    as_of = models.DateField(_("date of the figure"))
    date_precision = date_precision_field(_("How much of the figure's date the source gives."))
    source = models.ForeignKey(
        BibliographyEntry, verbose_name=_("source"), on_delete=models.PROTECT, related_name="figures"
    )
    locator = models.CharField(_("page or section of the source"), max_length=120, blank=True)

    class Meta:
        verbose_name = _("recorded figure")
        verbose_name_plural = _("recorded figures")
        ordering = ["as_of", "position", "id"]

    def __str__(self):
        return self.label

    @property
    def label(self):
        return (self.label_en or self.label_es) if _in_english() else self.label_es
