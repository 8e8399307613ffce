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
