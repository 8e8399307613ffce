"""A survey as it is built: sections, questions and options, each worded in Spanish and English."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from axs_platform.dates import date_precision_field

SCALE_MIN, SCALE_MAX = 1, 5


def in_english():
    return (translation.get_language() or "").startswith("en")


def bilingual(instance, name):
    """Return ``name_en`` in English when it is filled, else ``name_es``."""
    english = getattr(instance, f"{name}_en")
    return english if in_english() and english else getattr(instance, f"{name}_es")


class SurveyPurpose(models.TextChoices):
    GENERAL = "general", _("General")
    PRIORITIES = "priorities", _("Priorities (forms committees)")
    SELECTION = "selection", _("Selection among candidates")


class Audience(models.TextChoices):
    ALL_MEMBERS = "all_members", _("All active member organizations")
    COMMITTEE = "committee", _("The members of one committee")
    CHOSEN = "chosen", _("Chosen organizations")


class ResponseUnit(models.TextChoices):
    ORGANIZATION = "organization", _("One response per organization")
    PERSON = "person", _("One response per person")


class SurveyState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SCHEDULED = "scheduled", _("Not open yet")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class SurveyQuerySet(models.QuerySet):
    def not_archived(self):
        return self.filter(archived_at__isnull=True)

    def open_now(self):
        now = timezone.now()
        return self.not_archived().filter(published_at__isnull=False, opens_at__lte=now, closes_at__gt=now)


class Survey(models.Model):
    """A questionnaire sent to member organizations or their people, open between two moments."""

    title_es = models.CharField(_("title (Spanish)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    description_es = models.TextField(_("introduction (Spanish)"), blank=True)
    description_en = models.TextField(_("introduction (English)"), blank=True)
    purpose = models.CharField(
        _("purpose"), max_length=20, choices=SurveyPurpose.choices, default=SurveyPurpose.GENERAL
    )
    committee = models.ForeignKey(
        "committees.Committee",
        verbose_name=_("committee"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="surveys",
        help_text=_("The committee the survey belongs to; its chair may manage it."),
    )
    audience = models.CharField(_("audience"), max_length=20, choices=Audience.choices, default=Audience.ALL_MEMBERS)
    chosen_organizations = models.ManyToManyField(
        "companies.Organization", verbose_name=_("chosen organizations"), blank=True, related_name="+"
    )
    response_unit = models.CharField(
        _("who answers"), max_length=20, choices=ResponseUnit.choices, default=ResponseUnit.ORGANIZATION
    )
    is_anonymous = models.BooleanField(
        _("anonymous"),
        default=False,
        help_text=_("Answers keep no link to a person or organization; only who has answered is known."),
    )
    opens_at = models.DateTimeField(_("opens"), null=True, blank=True)
    closes_at = models.DateTimeField(_("closes"), null=True, blank=True)
    date_precision = date_precision_field(
        _("How much of the opening date the source gives, for a survey run before the platform.")
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    recorded_invited_count = models.PositiveIntegerField(
        _("invited (recorded total)"),
        null=True,
        blank=True,
        help_text=_("For a survey run before the platform: how many were invited in all, as recorded then."),
    )
    recorded_response_count = models.PositiveIntegerField(
        _("responses (recorded total)"),
        null=True,
        blank=True,
        help_text=_("For a survey run before the platform: how many answered in all, as recorded then."),
    )
    copied_from = models.ForeignKey(
        "self", verbose_name=_("copied from"), null=True, blank=True, on_delete=models.PROTECT, related_name="copies"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("created by"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    by_chair = models.BooleanField(
        _("made by a committee's chair"),
        default=False,
        editable=False,
        help_text=_("Set when the survey is made: a chair's survey goes to its committee's members only."),
    )
    archived_at = models.DateTimeField(_("archived"), null=True, blank=True)

    objects = SurveyQuerySet.as_manager()

    class Meta:
        verbose_name = _("survey")
        verbose_name_plural = _("surveys")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(opens_at__isnull=True)
                | models.Q(closes_at__isnull=True)
                | models.Q(closes_at__gt=models.F("opens_at")),
                name="surveys_survey_closes_after_opening",
                violation_error_message=_("A survey must close after it opens."),
            ),
            models.CheckConstraint(
                condition=~models.Q(audience="committee") | models.Q(committee__isnull=False),
                name="surveys_survey_committee_audience_has_committee",
                violation_error_message=_("Choose the committee whose members answer."),
            ),
            models.CheckConstraint(
                condition=models.Q(recorded_response_count__isnull=True)
                | models.Q(recorded_invited_count__gte=models.F("recorded_response_count")),
                name="surveys_survey_recorded_responses_within_invited",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("surveys:survey-detail", args=[self.pk])

    @property
    def title(self):
        return bilingual(self, "title")

    @property
    def title_language(self):
        """The language ``title`` is written in: Spanish when the English one is missing."""
        return "en" if in_english() and self.title_en else "es"

    @property
    def description(self):
        return bilingual(self, "description")

    @property
    def state(self):
        if self.published_at is None:
            return SurveyState.DRAFT
        now = timezone.now()
        if now < self.opens_at:
            return SurveyState.SCHEDULED
        if now >= self.closes_at:
            return SurveyState.CLOSED
        return SurveyState.OPEN

    @property
    def state_label(self):
        return SurveyState(self.state).label

    @property
    def is_open(self):
        return self.state == SurveyState.OPEN

    @property
    def is_draft(self):
        return self.published_at is None

    @property
    def is_named(self):
        return not self.is_anonymous


class Section(models.Model):
    """A part of a survey, shown as one page of questions."""

    survey = models.ForeignKey(Survey, verbose_name=_("survey"), on_delete=models.CASCADE, related_name="sections")
    position = models.PositiveSmallIntegerField(_("position"), default=1)
    title_es = models.CharField(_("title (Spanish)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    description_es = models.TextField(_("description (Spanish)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)

    class Meta:
        verbose_name = _("section")
        verbose_name_plural = _("sections")
        ordering = ["survey", "position", "id"]

    def __str__(self):
        return self.title

    @property
    def title(self):
        return bilingual(self, "title")

    @property
    def description(self):
        return bilingual(self, "description")


class QuestionKind(models.TextChoices):
    SINGLE_CHOICE = "single", _("Single choice")
    MULTIPLE_CHOICE = "multiple", _("Multiple choice")
    RANKING = "ranking", _("Ranking")
    SCALE = "scale", _("Scale from 1 to 5")
    NUMBER = "number", _("Number")
    SHORT_TEXT = "short_text", _("Short text")
    LONG_TEXT = "long_text", _("Long text")
    YES_NO = "yes_no", _("Yes or no")
    SDG_GOALS = "sdg_goals", _("SDG goals (pick and rank)")


CHOICE_KINDS = (QuestionKind.SINGLE_CHOICE, QuestionKind.MULTIPLE_CHOICE, QuestionKind.RANKING)
RANKED_KINDS = (QuestionKind.RANKING, QuestionKind.SDG_GOALS)
TEXT_KINDS = (QuestionKind.SHORT_TEXT, QuestionKind.LONG_TEXT)


class Question(models.Model):
    """One question; shown only when ``condition_question`` was answered with ``condition_value``."""

    survey = models.ForeignKey(Survey, verbose_name=_("survey"), on_delete=models.CASCADE, related_name="questions")
    section = models.ForeignKey(Section, verbose_name=_("section"), on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveSmallIntegerField(_("position"), default=1)
    kind = models.CharField(_("type"), max_length=20, choices=QuestionKind.choices)
    text_es = models.CharField(_("question (Spanish)"), max_length=500)
    text_en = models.CharField(_("question (English)"), max_length=500, blank=True)
    help_es = models.TextField(_("help text (Spanish)"), blank=True)
    help_en = models.TextField(_("help text (English)"), blank=True)
    required = models.BooleanField(_("required"), default=False)
    max_choices = models.PositiveSmallIntegerField(
        _("how many to pick or rank"),
        null=True,
        blank=True,
        help_text=_("For multiple choice, ranking and SDG goals; empty means no limit (all options)."),
    )
    number_min = models.DecimalField(
        _("smallest number accepted"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("For number questions; empty means no lower limit."),
    )
    number_max = models.DecimalField(
        _("largest number accepted"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("For number questions; empty means no upper limit."),
    )
    scale_min_label_es = models.CharField(_("label of 1 (Spanish)"), max_length=100, blank=True)
    scale_min_label_en = models.CharField(_("label of 1 (English)"), max_length=100, blank=True)
    scale_max_label_es = models.CharField(_("label of 5 (Spanish)"), max_length=100, blank=True)
    scale_max_label_en = models.CharField(_("label of 5 (English)"), max_length=100, blank=True)
    condition_question = models.ForeignKey(
        "self",
        verbose_name=_("shown only when question"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="dependent_questions",
    )
    condition_value = models.CharField(
        _("has the answer"),
        max_length=100,
        blank=True,
        help_text=_("The option's text in Spanish, yes/no, or the scale value that shows this question."),
    )

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["section__position", "section_id", "position", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(condition_question__isnull=True) | ~models.Q(condition_value=""),
                name="surveys_question_condition_has_value",
                violation_error_message=_("Say which answer shows this question."),
            ),
            models.CheckConstraint(
                condition=models.Q(max_choices__isnull=True) | models.Q(max_choices__gte=1),
                name="surveys_question_max_choices_positive",
            ),
            models.CheckConstraint(
                condition=models.Q(number_min__isnull=True)
                | models.Q(number_max__isnull=True)
                | models.Q(number_max__gte=models.F("number_min")),
                name="surveys_question_number_range_ordered",
                violation_error_message=_("The largest number accepted cannot be smaller than the smallest."),
            ),
        ]
        indexes = [models.Index(fields=["survey", "kind"], name="surveys_question_kind_idx")]

    def __str__(self):
        return self.text

    @property
    def text(self):
        return bilingual(self, "text")

    @property
    def help(self):
        return bilingual(self, "help")

    @property
    def scale_min_label(self):
        return bilingual(self, "scale_min_label")

    @property
    def scale_max_label(self):
        return bilingual(self, "scale_max_label")

    @property
    def has_options(self):
        return self.kind in CHOICE_KINDS

    @property
    def is_ranked(self):
        return self.kind in RANKED_KINDS


class Option(models.Model):
    """A choice of a question; ``external_key`` lets another app map it to its own records."""

    question = models.ForeignKey(Question, verbose_name=_("question"), on_delete=models.CASCADE, related_name="options")
    position = models.PositiveSmallIntegerField(_("position"), default=1)
    text_es = models.CharField(_("option (Spanish)"), max_length=300)
    text_en = models.CharField(_("option (English)"), max_length=300, blank=True)
    external_key = models.CharField(
        _("external reference"),
        max_length=100,
        blank=True,
        help_text=_("An opaque reference set by the app that created the option, such as a candidate proposal."),
    )

    class Meta:
        verbose_name = _("option")
        verbose_name_plural = _("options")
        ordering = ["question", "position", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["question", "external_key"],
                condition=~models.Q(external_key=""),
                name="surveys_option_external_key_once",
            )
        ]

    def __str__(self):
        return self.text

    @property
    def text(self):
        return bilingual(self, "text")
