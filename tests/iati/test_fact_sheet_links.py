"""The activity's document links: the public project page always, and the public fact sheet (PDF) once it is made."""

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from lxml import etree

from iati import validation
from iati.prebuilt import _version
from projects.models import Proposal
from tests.projects.test_public_fact_sheet import make_sheet

from .helpers import REPORTER, activities_tree, activity_of

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def links(activity):
    return [(link.get("format"), link.find("category").get("code"), link) for link in activity.iter("document-link")]


def test_without_a_fact_sheet_an_activity_links_its_public_page_only(demo):
    tree = activities_tree()
    assert validation.problems(tree, validation.ACTIVITIES) == []
    for project in Proposal.objects.published():
        [(file_format, category, link)] = links(activity_of(tree, project))
        assert (file_format, category) == ("text/html", "A12")
        assert link.get("url") == REPORTER.base_url + project.get_public_url()


def test_a_made_fact_sheet_is_linked_as_a_pdf_in_its_language_and_the_file_still_validates(demo):
    staff = get_user_model().objects.get(email="staff@amexcid.example")
    project, other = Proposal.objects.published().order_by("pk")[:2]
    before = _version()
    spanish = make_sheet(staff, project)
    make_sheet(staff, project, language="en")
    assert _version() != before, "a new fact sheet changes the prebuilt file's version"
    tree = activities_tree()
    assert validation.problems(tree, validation.ACTIVITIES) == []
    found = links(activity_of(tree, project))
    assert [(f, c) for f, c, _link in found] == [
        ("text/html", "A12"),
        ("application/pdf", "A02"),
        ("application/pdf", "A02"),
    ]
    pdf = found[1][2]
    assert pdf.get("url") == f"{REPORTER.base_url}/proyectos/{project.pk}/ficha-es.pdf"
    assert pdf.find("language").get("code") == "es"
    assert found[2][2].get("url").endswith(f"/proyectos/{project.pk}/ficha-en.pdf")
    assert pdf.find("document-date").get("iso-date") == timezone.localdate(spanish.finished_at).isoformat()
    titles = {n.get(XML_LANG, "es"): n.text for n in pdf.find("title").iter("narrative")}
    assert titles == {"es": f"Ficha del proyecto: {project.title}", "en": f"Project fact sheet: {project.title}"}
    assert len(links(activity_of(tree, other))) == 1  # the other project has none yet
    text = etree.tostring(tree, encoding="unicode")
    assert text.count("application/pdf") == 2
