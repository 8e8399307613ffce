"""The report form's repeated labels are told apart: each group of fields is named in its legend."""

import lxml.html
from django.urls import reverse

from monitoring import services


def _legends_around(page, field_id):
    """Return the legends of the fieldsets that hold the field, innermost first."""
    (field,) = page.xpath(f'//*[@id="{field_id}"]')
    return [" ".join(f.xpath("./legend")[0].text_content().split()) for f in field.iterancestors("fieldset")]


def test_each_contribution_and_each_breakdown_is_a_fieldset_named_for_what_it_is(client, scene):
    scene.indicator.disaggregation = ["Mujeres", "Hombres"]
    scene.indicator.save()
    report = services.report_start(actor=scene.lead, period=scene.periods[0])
    client.force_login(scene.lead)
    page = lxml.html.fromstring(client.get(reverse("monitoring:report-edit", args=[report.pk])).content)
    contributions = [
        c for m in scene.proposal.consortium.all() if m.status == "accepted" for c in m.contributions.all()
    ]
    assert contributions
    for contribution in contributions:
        named = f"{contribution.member.organization} · {contribution.get_kind_display()}"
        for field in (f"id_delivered_{contribution.pk}", f"id_note_{contribution.pk}"):
            assert _legends_around(page, field)[0] == named
    legend = f"Desagregación de “{scene.indicator.name}” (opcional; las partes suman el valor)"
    for index in (0, 1):
        assert _legends_around(page, f"id_part_{scene.indicator.pk}_{index}")[0] == legend
