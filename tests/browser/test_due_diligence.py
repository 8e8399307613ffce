"""In Chromium: attaching evidence on a due-diligence review keeps the checklist notes typed beside it."""

import pytest
from playwright.sync_api import expect

from companies import services
from companies.models import Evidence
from tests.factories import make_organization, make_staff

from .test_committee_minutes import sign_in

pytestmark = pytest.mark.django_db(transaction=True)


def test_attaching_a_document_keeps_the_unsaved_notes(page, live_server, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    staff = make_staff(email="coordinacion@amexcid.example")
    review = services.review_start(actor=staff, organization=make_organization(actor=staff, short_name="Omega"))
    evidence = tmp_path / "constancia.pdf"
    evidence.write_bytes(b"%PDF-1.4 constancia de no inhabilitacion")

    sign_in(page, live_server, staff.email)
    page.goto(live_server.url + review.get_absolute_url())
    page.get_by_label("Notas y fuentes: Infracciones ambientales").fill("Permisos vigentes según SEMARNAT.")
    page.get_by_label("Qué muestra el documento").fill("Constancia de la SFP")
    page.get_by_label("Documento", exact=True).set_input_files(str(evidence))
    page.get_by_role("button", name="Guardar la lista y adjuntar").click()

    expect(page.get_by_text("Se guardó la lista de verificación y se adjuntó el documento.")).to_be_visible()
    expect(page.get_by_label("Notas y fuentes: Infracciones ambientales")).to_have_value(
        "Permisos vigentes según SEMARNAT."
    )
    expect(page.get_by_role("link", name="Constancia de la SFP")).to_be_visible()
    assert review.answers.get(question="environment").notes == "Permisos vigentes según SEMARNAT."
    assert Evidence.objects.get(review=review).title == "Constancia de la SFP"
