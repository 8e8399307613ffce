"""Counts of submitted answers, kept by the answer services so that results read a few rows."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .structure import Question, Survey


class ResultCount(models.Model):
    """How many submitted responses gave one value to one question (or answered it, or the survey).

    ``value`` names what is counted: ``""`` the question's respondents (without a question: the
    survey's), ``option:<id>``, ``goal:<id>``, ``scale:<1-5>``, ``yes`` or ``no``; and
    ``best:<goal id>:<rank>``: how many organizations rank a goal best at that rank over their
    submitted responses (``first`` and ``rank_sum`` unused there). Written only by
    ``surveys.services.counting``, under the survey's lock; ``survey_counts_rebuild`` recounts.
    """

    survey = models.ForeignKey(Survey, verbose_name=_("survey"), on_delete=models.CASCADE, related_name="+")
    question = models.ForeignKey(
        Question, verbose_name=_("question"), null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    value = models.CharField(_("value"), max_length=30, blank=True)
    count = models.PositiveIntegerField(_("count"), default=0)
    first = models.PositiveIntegerField(_("first places"), default=0)
    rank_sum = models.PositiveIntegerField(_("sum of ranks"), default=0)
    # Number questions: the sum, lowest and highest of the numbers answered.
    total = models.DecimalField(_("sum"), max_digits=24, decimal_places=2, null=True, blank=True)
    low = models.DecimalField(_("lowest"), max_digits=14, decimal_places=2, null=True, blank=True)
    high = models.DecimalField(_("highest"), max_digits=14, decimal_places=2, null=True, blank=True)

    class Meta:
        verbose_name = _("result count")
        verbose_name_plural = _("result counts")
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "question", "value"],
                condition=models.Q(question__isnull=False),
                name="surveys_one_count_per_value",
            ),
            models.UniqueConstraint(
                fields=["survey"], condition=models.Q(question__isnull=True), name="surveys_one_respondent_count"
            ),
        ]

    def __str__(self):
        return f"{self.survey_id}/{self.question_id}/{self.value}: {self.count}"
