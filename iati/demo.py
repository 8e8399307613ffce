"""The demo's IATI publication: AMEXCID as reporting organization and, for the public projects, DAC codes and English texts.

The English title and summary are the project's own fields (its public pages show them too).

The identifier is the demo's own (``XI-IATI`` is IATI's prefix for organisations without another
registration; this one is not registered): staff set the real one on ``/iati/``. Writes rows directly,
as the other demos do, and only what is missing, so loading twice changes nothing.
"""

from projects.models import Proposal

from .models import ProjectPublication, Publisher

DEMO_IDENTIFIER = "XI-IATI-AXS-DEMO"

# Title of a demo project: DAC purpose code, English title, English summary.
PUBLICATIONS = {
    "Empleo incluyente para personas con discapacidad": (
        "16020",
        "Inclusive employment for people with disabilities",
        "A consortium project that opens decent jobs to people with disabilities and shares the model with "
        "Central America.",
    ),
    "Energía solar para comunidades sin red eléctrica": (
        "23231",
        "Solar energy for off-grid communities",
        "Standalone solar systems for communities without access to the electricity grid.",
    ),
    "Habilidades digitales para jóvenes": ("11330", "Digital skills for young people", ""),
    "Vivienda sostenible y captación de agua de lluvia": ("16040", "", ""),
    "Cero desperdicio de alimentos en el autoservicio": ("", "", ""),
}


def load(stdout):
    """Set AMEXCID as the reporting organization and the demo projects' IATI data, unless already there."""
    Publisher.objects.get_or_create(
        key=1,
        defaults={
            "organisation_ref": DEMO_IDENTIFIER,
            "name_es": "Agencia Mexicana de Cooperación Internacional para el Desarrollo (AMEXCID)",
            "name_en": "Mexican Agency for International Development Cooperation (AMEXCID)",
        },
    )
    for title, (dac_code, title_en, summary_en) in PUBLICATIONS.items():
        proposal = Proposal.objects.published().filter(title=title).first()
        if proposal is None:
            continue
        ProjectPublication.objects.get_or_create(proposal=proposal, defaults={"dac_code": dac_code})
        if not (proposal.title_en or proposal.summary_en):
            Proposal.objects.filter(pk=proposal.pk).update(title_en=title_en, summary_en=summary_en)
    stdout.write("IATI publication: reporting organization and the public projects' IATI data.")
