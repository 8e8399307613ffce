"""The IATI files say why they are not found, in production too (DEBUG off): the Registry and people read it."""

from iati.models import Publisher
from projects.models import Proposal

PLAIN_TEXT = "text/plain; charset=utf-8"


def _reason(response):
    assert response.status_code == 404 and response["Content-Type"] == PLAIN_TEXT
    return response.content.decode()


def test_every_file_says_the_publication_is_not_set_up(client, demo, settings):
    assert settings.DEBUG is False
    Publisher.objects.all().delete()
    project = Proposal.objects.published().first()
    for url in ("/iati/actividades.xml", "/iati/organizacion.xml", f"/iati/proyectos/{project.pk}.xml"):
        assert _reason(client.get(url)) == "La publicación IATI aún no está configurada."


def test_a_project_that_is_not_public_is_not_found_with_the_reason(client, demo):
    draft = Proposal.objects.filter(status="draft").first()
    assert _reason(client.get(f"/iati/proyectos/{draft.pk}.xml")) == "Ningún proyecto público tiene este número."


def test_the_reason_follows_the_readers_language(client, demo):
    Publisher.objects.all().delete()
    response = client.get("/iati/actividades.xml", HTTP_ACCEPT_LANGUAGE="en")
    assert _reason(response) == "The IATI publication is not set up yet."
