"""The project page's progress section is cached, and the services that change what it shows refresh it."""

from django.urls import reverse

from companies.services.organizations import organization_update
from projects.models import Contribution

from .conftest import approved_report


def test_the_cached_progress_section_follows_approvals_and_organization_renames(client, cast, scene):
    url = reverse("monitoring:project", args=[scene.implementation.pk])
    client.force_login(scene.secretary)
    assert ": 321</title>" not in client.get(url).content.decode()
    approved_report(scene, value="321")
    assert ": 321</title>" in client.get(url).content.decode()  # report_approve bumps monitoring
    organization = (
        Contribution.objects.filter(member__proposal=scene.implementation.proposal).first().member.organization
    )
    organization_update(
        actor=cast.staff, organization=organization, legal_name="Renombrada SA", short_name="Renombrada"
    )
    assert "Renombrada" in client.get(url).content.decode()  # organization_update bumps directory


def test_each_approved_figure_names_its_period_in_the_readers_language(client, scene):
    approved_report(scene, value="321")
    url = reverse("monitoring:project", args=[scene.implementation.pk])
    client.force_login(scene.secretary)
    assert "<td>1 · Ene 2024–Mar 2024</td>" in client.get(url).content.decode()
    scene.secretary.preferred_language = "en"
    scene.secretary.save(update_fields=["preferred_language"])
    assert "<td>1 · Jan 2024–Mar 2024</td>" in client.get(url).content.decode()
