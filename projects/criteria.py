"""The criteria a proposal argues and evaluators score, in the seed's words.

The seven AxS criteria were shared by AMEXCID on 7 June 2017; the six sustainability criteria
and their definitions come from the structuring advice (Cirklo, 2017). Each criterion's code is
also the name of the proposal field that argues it.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Criterion(models.TextChoices):
    AXS_COOPERATION = "axs_cooperation", _("Incorporation of an international-cooperation component")
    AXS_REPLICABILITY = "axs_replicability", _("Replicability in Central America and the Caribbean")
    AXS_CONSORTIUM = "axs_consortium", _("Consortium of companies")
    AXS_BUSINESS_SYNERGY = "axs_business_synergy", _("Synergy with the business model")
    AXS_SDG_IMPACT = "axs_sdg_impact", _("Impact on the SDGs of the 2030 Agenda")
    AXS_FINANCIAL = "axs_financial", _("Financially sustainable")
    AXS_FUNDS = "axs_funds", _("Linkable to economic funds")
    SUST_ECONOMIC = "sust_economic", _("Economic and financial sustainability")
    SUST_INSTITUTIONAL = "sust_institutional", _("Institutional sustainability")
    SUST_TECHNOLOGICAL = "sust_technological", _("Technological sustainability")
    SUST_ENVIRONMENTAL = "sust_environmental", _("Environmental sustainability")
    SUST_SOCIOCULTURAL = "sust_sociocultural", _("Socio-cultural sustainability")
    SUST_POLITICAL = "sust_political", _("Political sustainability")


AXS_CRITERIA = [c for c in Criterion if c.value.startswith("axs_")]
SUSTAINABILITY_CRITERIA = [c for c in Criterion if c.value.startswith("sust_")]

DEFINITIONS = {
    Criterion.SUST_ECONOMIC: _(
        "The project can generate its own funds or can guarantee its economic sustainability over time "
        "through a financing strategy that reduces risks."
    ),
    Criterion.SUST_INSTITUTIONAL: _(
        "The organizations involved have the institutional and management capacity to give the project "
        "continuity, and agreements that guarantee it."
    ),
    Criterion.SUST_TECHNOLOGICAL: _(
        "The project can guarantee the provision of the technological solutions it needs to continue."
    ),
    Criterion.SUST_ENVIRONMENTAL: _(
        "The efficient and rational management of natural resources, so that the well-being of today's "
        "population improves without compromising the quality of life of future generations."
    ),
    Criterion.SUST_SOCIOCULTURAL: _(
        "The project develops in harmony with its social and cultural setting, has a gender focus and is "
        "owned by the communities involved; its activities answer needs they identified."
    ),
    Criterion.SUST_POLITICAL: _(
        "The project is not at risk from changes of administration at the different levels of government."
    ),
}

# The five steps of the manual for aligning AxS projects to the SDGs (AMEXCID, 2018).
ALIGNMENT_STEPS = [
    (_("Understand the SDGs"), _("Establish a common language that eases collaboration and synergies.")),
    (
        _("Understand the problem together"),
        _("Reach the same shared understanding of a problem, its causes and its effects."),
    ),
    (
        _("Design the solution together"),
        _("Set a shared objective for the project so that every actor involved owns it."),
    ),
    (
        _("Verify the alignment with the SDGs"),
        _("Align the project's impact with one of the global SDG indicators to define its contribution."),
    ),
    (
        _("Design the intervention"),
        _("Give the project a viable, assessable structure: components, indicators and means of verification."),
    ),
]

# Where projects are replicated: Central America and the Caribbean (codes of companies' Country).
REPLICATION_COUNTRIES = ["BZ", "CR", "SV", "GT", "HN", "NI", "PA", "CU", "DO", "HT", "JM"]
