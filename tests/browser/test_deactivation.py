"""In Chromium, in Spanish: staff deactivate a committee's secretary, see what ends, and find her term ended."""

import re

from django.utils import timezone
from playwright.sync_api import expect

from committees.models import Post, PostKind
from tests.factories import PASSWORD, make_committee, make_post_holder, make_staff


def test_staff_deactivate_a_secretary_and_her_term_ends_on_the_committee_page(journey, transactional_db):
    page = journey.page
    staff = make_staff(email="coordinacion@amexcid.example")
    committee = make_committee(4, name="Comité de Educación de Calidad")
    secretary = make_post_holder(committee, PostKind.SECRETARY, full_name="Tomasa Beltrán")
    organization = secretary.representations.get().organization

    journey.sign_in(staff.email, password=PASSWORD)
    journey.visit(f"/comites/{committee.pk}/")
    posts = page.locator("section[aria-labelledby='posts-title']")
    expect(posts).to_contain_text("Secretaría: Tomasa Beltrán")
    journey.visit(f"/cuenta/personas/{secretary.pk}/")
    page.get_by_label("Activo").uncheck()
    journey.press("Guardar", validate_as="staff-deactivation-confirm", exact=True)
    expect(page.get_by_role("heading", name="Confirme la desactivación de Tomasa Beltrán")).to_be_visible()
    ends = page.get_by_role("list").filter(has_text="Secretaría")
    expect(ends).to_contain_text("Secretaría: Comité de Educación de Calidad")
    expect(ends).to_contain_text(f"Representación: {organization}")
    expect(page.get_by_text("Reactivar la cuenta no los vuelve a abrir")).to_be_visible()
    journey.field("Motivo").fill("Dejó la fundación")
    journey.press("Desactivar la cuenta")
    expect(page.get_by_text("Los cambios se guardaron correctamente.")).to_be_visible()

    journey.visit(f"/comites/{committee.pk}/")
    expect(posts).not_to_contain_text("Tomasa Beltrán")
    # The terms' history, as the public reads it (staff's copy adds membership actions laid out for wide screens).
    page.context.clear_cookies()
    journey.visit(f"/comites/{committee.pk}/miembros/")
    terms = page.get_by_role("table", name="Periodos de la presidencia y la secretaría")
    row = terms.get_by_role("row").filter(has_text="Tomasa Beltrán")
    expect(row).to_contain_text(timezone.localdate().strftime("%d/%m/%Y"))
    expect(row).not_to_contain_text(re.compile("actual", re.IGNORECASE))
    assert Post.objects.get(holder=secretary).end_reason == "Dejó la fundación"
