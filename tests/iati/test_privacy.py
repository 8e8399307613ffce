"""IATI files carry nothing private: no member's RFC (tax ID) and no member's own contribution wording."""

from lxml import etree

from companies.models import Organization
from iati import validation
from projects.models import Contribution

from .helpers import activities_tree, organisation_tree

DESCRIPTION_MARKER = "MARKER-CONTRIBUTION-DESCRIPTION"


def test_no_rfc_and_no_contribution_description_in_activity_or_organisation_files(demo):
    rfcs = set(Organization.objects.exclude(rfc="").values_list("rfc", flat=True))
    assert rfcs, "the demo's Mexican organizations have an RFC"
    assert Contribution.objects.update(description=DESCRIPTION_MARKER)
    activities = activities_tree()
    texts = {
        "activities": etree.tostring(activities, encoding="unicode"),
        "organisation": etree.tostring(organisation_tree(), encoding="unicode"),
    }
    assert activities.xpath("//transaction"), "the demo has transactions: the test would prove nothing"
    for name, text in texts.items():
        assert not [rfc for rfc in rfcs if rfc.upper() in text.upper()], name
        assert "MX-RFC" not in text, name
        assert DESCRIPTION_MARKER not in text, name
    assert validation.problems(activities, validation.ACTIVITIES) == []


def test_no_marked_secret_in_the_activity_organisation_or_project_files(demo, client):
    from django.urls import reverse

    from projects.models import Proposal
    from tests.opendata.secrets import seed_secrets

    from .helpers import demo_publisher

    demo_publisher()
    secrets = seed_secrets()
    projects = list(Proposal.objects.published())
    activities = activities_tree()
    assert len(activities.xpath("//iati-activity")) == len(projects), "every published project is in the file"
    texts = {
        "activities": etree.tostring(activities, encoding="unicode"),
        "organisation": etree.tostring(organisation_tree(), encoding="unicode"),
    }
    for project in projects:
        response = client.get(reverse("iati:project-file", args=[project.pk]))
        assert response.status_code == 200, project.pk
        texts[f"project {project.pk}"] = (
            b"".join(response.streaming_content).decode() if response.streaming else response.content.decode()
        )
    for name, text in texts.items():
        found = sorted(secret for secret in secrets if secret and secret in text)
        assert not found, f"{name} shows {found}"
