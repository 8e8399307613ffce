"""Goals, targets and indicators of the SDG framework, each titled in Spanish and English.

Rows are loaded from ``sdg/data/sdg_es_en.json`` (see its README for the sources) by a data
migration; ``code`` is the natural key at every level.
"""

from django.db import models
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _


def _in_english():
    return (translation.get_language() or "").startswith("en")


class BilingualTitleMixin:
    """Give ``title`` in the active language from ``title_es`` / ``title_en``."""

    @property
    def title(self):
        return self.title_en if _in_english() else self.title_es


class FrameworkManager(models.Manager):
    def get_by_natural_key(self, code):
        return self.get(code=code)


class Goal(BilingualTitleMixin, models.Model):
    """One of the 17 Sustainable Development Goals."""

    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    code = models.CharField(_("code"), max_length=2, unique=True)
    title_es = models.CharField(_("title (Spanish)"), max_length=300)
    title_en = models.CharField(_("title (English)"), max_length=300)
    short_title_es = models.CharField(_("short title (Spanish)"), max_length=100)
    short_title_en = models.CharField(_("short title (English)"), max_length=100)
    color = models.CharField(_("colour"), max_length=7, help_text=_("The UN colour of the goal, #RRGGBB."))

    objects = FrameworkManager()

    class Meta:
        verbose_name = _("goal")
        verbose_name_plural = _("goals")
        ordering = ["number"]
        constraints = [
            models.CheckConstraint(condition=models.Q(number__gte=1, number__lte=17), name="sdg_goal_number_1_17"),
        ]

    def __str__(self):
        return f"{_('SDG')} {self.number}: {self.short_title}"

    def get_absolute_url(self):
        return reverse("sdg:goal-detail", args=[self.number])

    def natural_key(self):
        return (self.code,)

    @property
    def short_title(self):
        return self.short_title_en if _in_english() else self.short_title_es

    @property
    def text_color(self):
        """Return black or white, whichever reads better on the goal's colour (WCAG contrast)."""
        red, green, blue = (int(self.color[i : i + 2], 16) / 255 for i in (1, 3, 5))

        def linear(channel):
            return channel / 12.92 if channel <= 0.03928 else ((channel + 0.055) / 1.055) ** 2.4

        luminance = 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
        contrast_with_white = 1.05 / (luminance + 0.05)
        contrast_with_black = (luminance + 0.05) / 0.05
        return "#ffffff" if contrast_with_white >= contrast_with_black else "#000000"


class Target(BilingualTitleMixin, models.Model):
    """A target of a goal, such as 4.1 or 4.a."""

    goal = models.ForeignKey(Goal, verbose_name=_("goal"), on_delete=models.PROTECT, related_name="targets")
    code = models.CharField(_("code"), max_length=8, unique=True)
    position = models.PositiveSmallIntegerField(_("position"), help_text=_("Order within the UN list."))
    title_es = models.TextField(_("title (Spanish)"))
    title_en = models.TextField(_("title (English)"))

    objects = FrameworkManager()

    class Meta:
        verbose_name = _("target")
        verbose_name_plural = _("targets")
        ordering = ["position"]

    def __str__(self):
        return f"{self.code} {self.title}"

    def natural_key(self):
        return (self.code,)


class Indicator(BilingualTitleMixin, models.Model):
    """A global indicator listed under a target; one UN indicator may be listed under several."""

    target = models.ForeignKey(Target, verbose_name=_("target"), on_delete=models.PROTECT, related_name="indicators")
    code = models.CharField(_("code"), max_length=10, unique=True)
    position = models.PositiveSmallIntegerField(_("position"), help_text=_("Order within the UN list."))
    unsd_code = models.CharField(
        _("UNSD code"), max_length=12, help_text=_("The same code marks an indicator repeated under several targets.")
    )
    title_es = models.TextField(_("title (Spanish)"))
    title_en = models.TextField(_("title (English)"))

    objects = FrameworkManager()

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["position"]
        indexes = [models.Index(fields=["unsd_code"], name="sdg_indicator_unsd_idx")]

    def __str__(self):
        return f"{self.code} {self.title}"

    def natural_key(self):
        return (self.code,)
