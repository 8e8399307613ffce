"""In Chromium: the secretary records attendance and drafts the minutes; the chair approves them."""

from playwright.sync_api import expect

from committees.models import Attendance, Minutes, PostKind
from tests.factories import PASSWORD, make_committee, make_committee_member, make_post_holder, make_session


def sign_in(page, live_server, email):
    page.context.clear_cookies()
    page.goto(live_server.url + "/cuenta/entrar/")
    page.get_by_label("Correo electrónico").fill(email)
    page.get_by_label("Contraseña").fill(PASSWORD)
    page.get_by_role("button", name="Iniciar sesión").click()
    page.wait_for_url(live_server.url + "/")


def test_the_secretary_records_attendance_and_minutes_and_the_chair_approves_them(page, live_server, transactional_db):
    committee = make_committee(4, name="Educación")
    chair = make_post_holder(committee, PostKind.CHAIR, email="presidencia@bbva.example", full_name="Gabriela Núñez")
    secretary = make_post_holder(
        committee, PostKind.SECRETARY, email="secretaria@kidzania.example", full_name="Tomás Beltrán"
    )
    member = make_committee_member(committee, full_name="Mariana Torres")
    session = make_session(committee, days_from_now=-1, title="Sesión ordinaria de noviembre")

    sign_in(page, live_server, secretary.email)
    page.goto(live_server.url + session.get_absolute_url())
    expect(page.get_by_role("heading", name="Sesión ordinaria de noviembre")).to_be_visible()
    page.get_by_role("link", name="Registrar asistencia").click()
    page.get_by_label("Mariana Torres").select_option("present")
    page.get_by_label("Tomás Beltrán").select_option("present")
    page.get_by_label("Gabriela Núñez").select_option("excused")
    page.get_by_role("button", name="Guardar la asistencia").click()
    expect(page.get_by_text("Se guardó la asistencia.")).to_be_visible()
    expect(page.get_by_text("2 de 3 organizaciones integrantes presentes; el quórum es de 2.")).to_be_visible()
    expect(page.get_by_text("Hay quórum")).to_be_visible()

    page.get_by_role("link", name="Redactar la minuta").click()
    page.get_by_label("Minuta").fill("Se acordó preparar el mapeo de programas de educación dual.")
    page.get_by_role("button", name="Guardar el borrador").click()
    expect(page.get_by_text("La minuta se guardó como borrador.")).to_be_visible()
    expect(page.get_by_text("Borrador de minuta, versión 1")).to_be_visible()
    expect(page.get_by_role("link", name="Aprobar la minuta")).to_have_count(0)

    sign_in(page, live_server, chair.email)
    page.goto(live_server.url + session.get_absolute_url())
    page.get_by_role("link", name="Aprobar la minuta").click()
    expect(page.get_by_text("Se acordó preparar el mapeo")).to_be_visible()
    page.get_by_role("button", name="Aprobar y publicar").click()
    expect(page.get_by_text("La minuta se aprobó y se envió a las personas integrantes.")).to_be_visible()
    expect(page.get_by_text("Versión 1, aprobada el")).to_be_visible()
    expect(page.get_by_role("link", name="Editar el borrador de minuta")).to_have_count(0)

    assert Attendance.objects.get(session=session, person=member).status == "present"
    minutes = Minutes.objects.get(session=session)
    assert minutes.status == "approved" and minutes.approved_by == chair and minutes.drafted_by == secretary
