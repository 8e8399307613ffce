"""Public figures: the published project's page and its fact sheet show approved figures, never the rest."""

from django.urls import reverse

from monitoring import services
from projects import services as project_services
from projects.documents import fact_sheet_context
from projects.selectors import proposal_full

from .conftest import approved_report, filled_report


def _publish(scene):
    project_services.proposal_publish(actor=scene.staff, proposal=scene.proposal)


def test_the_public_page_shows_approved_figures_and_never_drafts_submitted_or_returned(client, scene):
    _publish(scene)
    approved_report(scene, value="321")
    # Under a thousand and with decimals, as the page would print them; no counter or date holds a dot.
    submitted = filled_report(scene, scene.periods[1], value="44.17")
    services.report_submit(actor=scene.lead, report=submitted)
    returned = filled_report(scene, scene.periods[2], value="55.29")
    services.report_submit(actor=scene.lead, report=returned)
    services.report_return(actor=scene.secretary, report=returned, comments="Revisar")
    filled_report(scene, scene.periods[3], value="66.83")
    html = client.get(reverse("projects:project-detail", args=[scene.proposal.pk])).content.decode()
    assert "Avance de la implementación" in html
    assert "Ahora: <strong>321</strong>" in html
    for hidden in ("44.17", "55.29", "66.83"):
        assert hidden not in html


def test_a_project_without_implementation_shows_no_progress_section(client, cast, structured):
    project_services.proposal_publish(actor=cast.staff, proposal=structured)
    html = client.get(reverse("projects:project-detail", args=[structured.pk])).content.decode()
    assert "Avance de la implementación" not in html


def test_the_fact_sheet_carries_the_approved_progress(scene):
    approved_report(scene, value="321")
    draft = filled_report(scene, scene.periods[1], value="44.17")
    assert draft.status == "draft"
    sections = fact_sheet_context(proposal_full().get(pk=scene.proposal.pk))["sections"]
    assert len(sections) == 1 and "321" in sections[0] and "44.17" not in sections[0]
    assert "<svg" in sections[0]


def test_in_english_the_public_page_of_a_project_in_implementation_shows_its_english_title_and_staff_pages_the_original(
    client, scene
):
    """The public reads the English title beside the approved progress; monitoring's own page keeps the original."""
    _publish(scene)
    approved_report(scene, value="321")
    project_services.project_english_update(
        actor=scene.staff, proposal=scene.proposal, title_en="Zero food waste", summary_en="Less food thrown away."
    )
    public = reverse("projects:project-detail", args=[scene.proposal.pk])
    english = client.get(public, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '<h1 class="h3">Zero food waste</h1>' in english and "Less food thrown away." in english
    assert "Progress of the implementation" in english and "<strong>321</strong>" in english
    assert scene.proposal.title not in english
    spanish = client.get(public, HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert scene.proposal.title in spanish and "Avance de la implementación" in spanish
    assert "Zero food waste" not in spanish
    client.force_login(scene.staff)
    internal = client.get(reverse("monitoring:project", args=[scene.implementation.pk])).content.decode()
    assert scene.proposal.title in internal and "Zero food waste" not in internal
