"""What staff decide about the IATI publication: the reporting organization; per project, a DAC code.

A project's English title and summary belong to the project (``projects.Proposal``), since its public pages
show them too; staff write them on the same IATI page.

Everything else in the files comes from the projects, their consortium and their monitoring.
"""

from django.core.validators import RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .codelists import dac_choices

ORGANISATION_REF_PATTERN = r"^[A-Z]{2}-[A-Z0-9]+-[A-Za-z0-9._-]+$"


class OrganisationType(models.TextChoices):
    """The IATI organisation types (OrganisationType codelist) that the reporting organization may be."""

    GOVERNMENT = "10", _("Government")
    OTHER_PUBLIC_SECTOR = "15", _("Other public sector")
    FOUNDATION = "60", _("Foundation")
    PRIVATE_SECTOR = "70", _("Private sector")
    OTHER = "90", _("Other")


class Publisher(models.Model):
    """The reporting organization of the IATI files (AMEXCID): its IATI identifier, names and type. One row."""

    key = models.PositiveSmallIntegerField(default=1, unique=True, editable=False)
    organisation_ref = models.CharField(
        _("IATI organisation identifier"),
        max_length=100,
        blank=True,
        validators=[
            RegexValidator(
                ORGANISATION_REF_PATTERN,
                _(
                    "Write the identifier as registered with IATI: agency prefix, a hyphen and the number, "
                    "such as XM-DAC-12345."
                ),
                code="organisation_ref",
            )
        ],
        help_text=_("As registered with the IATI Registry, such as XM-DAC-12345 or MX-RFC-ABC123456XY0."),
    )
    name_es = models.CharField(_("name (Spanish)"), max_length=255)
    name_en = models.CharField(_("name (English)"), max_length=255, blank=True)
    organisation_type = models.CharField(
        _("organisation type"), max_length=2, choices=OrganisationType.choices, default=OrganisationType.GOVERNMENT
    )
    updated_at = models.DateTimeField(_("last changed"), default=timezone.now)

    class Meta:
        verbose_name = _("IATI publisher")
        verbose_name_plural = _("IATI publisher")
        constraints = [models.CheckConstraint(condition=models.Q(key=1), name="iati_publisher_single_row")]

    def __str__(self):
        return self.organisation_ref or str(_("IATI publisher (no identifier yet)"))

    @property
    def is_ready(self):
        return bool(self.organisation_ref and self.name_es)


class ProjectPublication(models.Model):
    """What staff add to a published project for IATI only: a DAC purpose code."""

    proposal = models.OneToOneField(
        "projects.Proposal", verbose_name=_("project"), on_delete=models.PROTECT, related_name="iati_publication"
    )
    dac_code = models.CharField(
        _("DAC purpose code"),
        max_length=5,
        blank=True,
        choices=dac_choices,
        help_text=_("The OECD DAC 5-digit sector that best describes the project, if any."),
    )
    updated_at = models.DateTimeField(_("last changed"), default=timezone.now)

    class Meta:
        verbose_name = _("IATI data of a project")
        verbose_name_plural = _("IATI data of projects")

    def __str__(self):
        return str(self.proposal)
