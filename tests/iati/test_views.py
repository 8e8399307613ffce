"""The IATI addresses: public files, per project, the staff page that sets, lists and validates them."""

from django.urls import reverse
from lxml import etree

from audit.models import AuditEvent
from iati import validation
from iati.models import ProjectPublication, Publisher
from projects.models import Proposal
from tests.factories import make_representative, make_staff

# The project with its consortium, alignment, budget, dates and monitoring, and the reporter.
QUERIES_OF_ONE_PROJECT = 40


def _staff(client):
    user = make_staff()
    client.force_login(user)
    return user


def test_the_activity_file_is_served_as_valid_xml_at_its_stable_address(client, demo):
    response = client.get("/iati/actividades.xml")
    assert response.status_code == 200 and response["Content-Type"].startswith("application/xml")
    tree = etree.fromstring(b"".join(response.streaming_content)).getroottree()
    assert validation.problems(tree) == []
    project = Proposal.objects.published().first()
    link = tree.xpath("//iati-activity[iati-identifier=$i]/document-link/@url", i=f"XI-IATI-AXS-DEMO-{project.pk}")
    assert link == ["http://testserver" + project.get_public_url()]


def test_the_organisation_file_is_served_and_validates(client, demo):
    response = client.get("/iati/organizacion.xml")
    assert response.status_code == 200
    tree = etree.fromstring(response.content).getroottree()
    assert validation.problems(tree, validation.ORGANISATIONS) == []


def test_a_public_project_has_its_own_file_and_a_draft_has_none(client, demo):
    project = Proposal.objects.published().first()
    response = client.get(f"/iati/proyectos/{project.pk}.xml")
    tree = etree.fromstring(b"".join(response.streaming_content)).getroottree()
    assert validation.problems(tree) == [] and len(tree.getroot()) == 1
    draft = Proposal.objects.filter(status="draft").first()
    assert client.get(f"/iati/proyectos/{draft.pk}.xml").status_code == 404


def test_the_public_project_page_links_to_its_iati_file(client, demo):
    project = Proposal.objects.published().first()
    page = client.get(project.get_public_url()).content.decode()
    assert reverse("iati:project-file", args=[project.pk]) in page


def test_files_answer_not_found_until_staff_set_the_identifier(client, demo):
    Publisher.objects.all().delete()
    assert client.get("/iati/actividades.xml").status_code == 404
    assert client.get("/iati/organizacion.xml").status_code == 404
    project = Proposal.objects.published().first()
    assert reverse("iati:project-file", args=[project.pk]) not in client.get(project.get_public_url()).content.decode()


def test_the_staff_page_shows_the_addresses_and_is_refused_to_others(client, demo):
    client.force_login(make_representative())
    assert client.get(reverse("iati:settings")).status_code == 403
    _staff(client)
    page = client.get(reverse("iati:settings")).content.decode()
    assert "http://testserver/iati/actividades.xml" in page and "http://testserver/iati/organizacion.xml" in page
    assert "XI-IATI-AXS-DEMO" in page and "Validar ahora" in page


def test_staff_change_the_identifier_and_the_change_is_audited(client, demo):
    user = _staff(client)
    data = {"organisation_ref": "XM-DAC-99999", "name_es": "AMEXCID", "name_en": "", "organisation_type": "10"}
    response = client.post(reverse("iati:settings"), data)
    assert response.status_code == 302
    assert Publisher.objects.get().organisation_ref == "XM-DAC-99999"
    event = AuditEvent.objects.filter(action="iati.publisher_changed").latest("id")
    assert event.actor == user and "organisation_ref" in event.changes


def test_a_malformed_identifier_is_refused_and_the_form_keeps_what_was_typed(client, demo):
    _staff(client)
    data = {"organisation_ref": "amexcid con espacios", "name_es": "AMEXCID", "organisation_type": "10"}
    page = client.post(reverse("iati:settings"), data).content.decode()
    assert "amexcid con espacios" in page and "prefijo" in page
    assert Publisher.objects.get().organisation_ref == "XI-IATI-AXS-DEMO"


def test_validate_now_reports_both_files_valid(client, demo):
    _staff(client)
    page = client.post(reverse("iati:validate"), follow=True).content.decode()
    assert "Ambos archivos son válidos" in page and "5 actividades" in page


def test_the_staff_page_and_its_validation_read_in_english(client, demo):
    client.force_login(make_staff(preferred_language="en"))
    page = client.post(reverse("iati:validate"), follow=True).content.decode()
    assert "Validation result" in page and "Both files are valid" in page and "5 activities" in page
    assert "Addresses to register" in page and "Edit IATI data" in page


def test_staff_set_a_projects_dac_code_and_english_title(client, demo):
    user = _staff(client)
    project = Proposal.objects.published().get(title="Cero desperdicio de alimentos en el autoservicio")
    url = reverse("iati:publication-edit", args=[project.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"dac_code": "14050", "title_en": "Zero food waste", "summary_en": ""})
    assert response.status_code == 302
    assert ProjectPublication.objects.get(proposal=project).dac_code == "14050"
    project.refresh_from_db()
    assert (project.title_en, project.summary_en) == ("Zero food waste", "")  # the project's own, for its pages too
    assert AuditEvent.objects.filter(action="iati.publication_changed", actor=user).exists()
    assert AuditEvent.objects.filter(action="projects.english_changed", actor=user, target_id=str(project.pk)).exists()
    page = client.get(url).content.decode()
    assert 'value="Zero food waste"' in page  # the form shows what the project has
    # Not a shipped code: refused, and the form keeps what was typed.
    page = client.post(url, {"dac_code": "99999", "title_en": "Typed again"}).content.decode()
    assert 'value="Typed again"' in page
    project.refresh_from_db()
    assert project.title_en == "Zero food waste"
    draft = Proposal.objects.filter(status="draft").first()
    assert client.get(reverse("iati:publication-edit", args=[draft.pk])).status_code == 404


def test_the_staff_page_lists_public_projects_a_page_at_a_time(client, demo, monkeypatch):
    from iati import views

    monkeypatch.setattr(views, "PROJECTS_PER_PAGE", 2)
    _staff(client)
    projects = list(Proposal.objects.published().order_by("pk"))
    assert len(projects) > 2
    first = client.get(reverse("iati:settings")).content.decode()
    second = client.get(reverse("iati:settings") + "?page=2").content.decode()
    edit = reverse("iati:publication-edit", args=[projects[2].pk])
    assert edit not in first and edit in second
    assert reverse("iati:publication-edit", args=[projects[0].pk]) in first
    assert 'rel="next"' in first


def test_a_projects_file_reads_the_project_once(client, demo, django_assert_max_num_queries):
    project = Proposal.objects.published().first()
    client.get(f"/iati/proyectos/{project.pk}.xml")  # the reporter and sessions warm
    with django_assert_max_num_queries(QUERIES_OF_ONE_PROJECT) as captured:
        response = client.get(f"/iati/proyectos/{project.pk}.xml")
        assert b"<iati-activity" in b"".join(response.streaming_content)
    read = [q["sql"] for q in captured.captured_queries if 'FROM "projects_proposal"' in q["sql"]]
    assert len(read) == 1, read
