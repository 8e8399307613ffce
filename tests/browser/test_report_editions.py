"""In Chromium: staff put a logo on the report's cover, edit a written part, publish the web edition and read it
in English and Spanish."""

import io

from PIL import Image
from playwright.sync_api import expect

from reports.models import CoverImage, NarrativeText, PublishedEdition
from tests.factories import PASSWORD, make_staff


def _png():
    buffer = io.BytesIO()
    Image.new("RGB", (120, 40), (105, 28, 50)).save(buffer, format="PNG")
    return {"name": "logo-amexcid.png", "mimeType": "image/png", "buffer": buffer.getvalue()}


def test_staff_upload_a_logo_edit_a_text_publish_and_read_the_edition_in_both_languages(
    journey, transactional_db, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path / "media"
    page = journey.page
    staff = make_staff(email="publicacion@amexcid.example")
    journey.sign_in(staff.email, password=PASSWORD)
    journey.visit("/informes/")
    journey.follow("Logotipos e imágenes de la portada", validate_as="staff-report-cover")

    # With a blank English description (spaces get past the browser) the logo is refused; what was typed stays.
    journey.field("Archivo").set_input_files(_png())
    journey.field("Texto alternativo (español)").fill("Logotipo de la AMEXCID")
    journey.field("Texto alternativo (inglés)").fill("   ")
    journey.press("Subir a la portada")
    expect(page.get_by_text("Este campo es obligatorio.")).to_be_visible()
    expect(journey.field("Texto alternativo (español)")).to_have_value("Logotipo de la AMEXCID")
    assert not CoverImage.objects.exists()
    journey.field("Archivo").set_input_files(_png())
    journey.field("Texto alternativo (inglés)").fill("AMEXCID logo")
    journey.press("Subir a la portada")
    expect(page.get_by_text("La portada la muestra desde la próxima edición")).to_be_visible()
    expect(page.get_by_role("img", name="Logotipo de la AMEXCID")).to_be_visible()

    journey.visit("/informes/textos/")
    journey.visit("/informes/textos/future/")
    # A source's long address, as bibliographies print them: it breaks on a phone rather than widening the page.
    journey.field("Texto (español)").fill(
        "La AxS es un prototipo que **seguirá creciendo**. Véase https://www.gob.mx/cms/uploads/attachment/file/"
        "273197/Vision_de_la_Alianza_por_la_Sostenibilidad_y_sus_comites_de_trabajo_2016_2018.pdf"
    )
    journey.field("Texto (inglés)").fill("The AxS is a prototype that **will keep growing**.")
    journey.press("Guardar como nueva versión")
    assert NarrativeText.objects.get(part="future").body_en.startswith("The AxS is a prototype")

    journey.visit("/informes/edicion/")
    journey.press("Publicar esta edición en el sitio público", validate_as="publication")
    edition = PublishedEdition.objects.get()
    assert page.url.endswith(edition.get_absolute_url())
    expect(page.get_by_role("img", name="Logotipo de la AMEXCID")).to_be_visible()
    expect(page.get_by_role("heading", name="5. Hacia el futuro")).to_be_visible()
    expect(page.get_by_text("seguirá creciendo")).to_be_visible()

    page.get_by_label("Idioma").select_option("en")
    journey.press("Cambiar")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("img", name="AMEXCID logo")).to_be_visible()
    expect(page.get_by_role("heading", name="5. Towards the future")).to_be_visible()
    expect(page.get_by_text("will keep growing")).to_be_visible()

    page.get_by_label("Language").select_option("es-mx")
    journey.press("Change")
    expect(page.get_by_role("img", name="Logotipo de la AMEXCID")).to_be_visible()
    expect(page.get_by_text("seguirá creciendo")).to_be_visible()
