"""In Chromium: a representative types the RFC with the hyphens and spaces people use, and the profile saves."""

from companies.models import Representative
from tests.factories import PASSWORD, make_organization, make_representative, make_staff


def test_a_representative_types_the_rfc_with_hyphens_and_spaces_and_it_is_saved_whole(
    page, live_server, transactional_db, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    organization = make_organization(actor=make_staff(), legal_name="Texcoco Verde, S.A. de C.V.", short_name="Texcoco")
    person = make_representative(email="rosa@texcoco.example")
    Representative.objects.create(organization=organization, user=person, is_primary_contact=True)

    page.goto(f"{live_server.url}/cuenta/entrar/")
    page.get_by_label("Correo electrónico").fill(person.email)
    page.get_by_label("Contraseña").fill(PASSWORD)
    page.get_by_role("button", name="Iniciar sesión").click()
    page.wait_for_url(f"{live_server.url}/")
    page.goto(f"{live_server.url}/organizaciones/{organization.pk}/editar/")
    rfc = page.get_by_label("RFC", exact=True)
    rfc.fill("")
    rfc.press_sequentially("TEX 950711 AX6")  # key by key, as a person types: the box's maxlength applies
    assert rfc.input_value() == "TEX 950711 AX6"
    page.get_by_role("button", name="Guardar").click()
    page.get_by_text("Se guardó el perfil.").wait_for()
    organization.refresh_from_db()
    assert organization.rfc == "TEX950711AX6"

    page.goto(f"{live_server.url}/organizaciones/{organization.pk}/editar/")
    rfc.fill("")
    rfc.press_sequentially("tex-950711-ax6")
    page.get_by_role("button", name="Guardar").click()
    page.get_by_text("Se guardó el perfil.").wait_for()
    organization.refresh_from_db()
    assert organization.rfc == "TEX950711AX6"
