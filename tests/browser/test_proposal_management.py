"""Staff assign an evaluator to several proposals at once from the management list, in Spanish and English."""

import datetime
import os

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from projects.models import Call, Evaluation, Proposal
from projects.services import evaluator_assign
from tests.browser.checks import AXE_JS, assert_accessible, assert_fits_a_phone
from tests.browser.test_document_progress import sign_in
from tests.factories import make_committee, make_evaluator, make_organization, make_staff

SCREENSHOTS = os.environ.get("AXS_SCREENSHOTS", "")
TEXTS = {
    "es-mx": {
        "heading": "Gestionar propuestas",
        "query": "Consulta",
        "apply": "Aplicar",
        "evaluator": "Evaluador",
        "due": "Fecha límite",
        "assign": "Asignar",
        "done": "Hecho para 2 propuestas.",
        "failed": "No se hizo para “Bosques vivos”",
        "select": "Marcar “{}”",
    },
    "en": {
        "heading": "Manage proposals",
        "query": "Query",
        "apply": "Apply",
        "evaluator": "Evaluator",
        "due": "Due on",
        "assign": "Assign",
        "done": "Done for 2 proposals.",
        "failed": "Not done for “Bosques vivos”",
        "select": "Select “{}”",
    },
}


@pytest.mark.parametrize("language", ["es-mx", "en"])
def test_bulk_assignment_of_an_evaluator_with_a_due_date(browser, live_server, transactional_db, language):
    texts = TEXTS[language]
    staff = make_staff(email="gestion@b.example", preferred_language=language)
    evaluator = make_evaluator(email="ana.evaluadora@b.example", full_name="Ana Evaluadora")
    committee = make_committee(12)
    today = timezone.localdate()
    call = Call.objects.create(
        committee=committee, title="Convocatoria 2026", opens_on=today, closes_on=today, created_by=staff
    )
    lead = make_organization(actor=staff)
    titles = ["Agua limpia", "Bosques vivos", "Comedores escolares", "Energía solar"]
    proposals = {
        title: Proposal.objects.create(
            call=call,
            committee=committee,
            lead_organization=lead,
            created_by=staff,
            title=title,
            version=1,
            status="in_review" if title == "Energía solar" else "submitted",
            submitted_at=timezone.now(),
        )  # fmt: skip
        for title in titles
    }
    evaluator_assign(actor=staff, proposal=proposals["Bosques vivos"], evaluator=evaluator)
    context = browser.new_context(locale="es-MX", viewport={"width": 1280, "height": 1000})
    context.add_init_script(path=str(AXE_JS))  # axe-core for every document; the page's CSP refuses it later
    page = context.new_page()
    try:
        sign_in(page, live_server.url, staff.email, "/propuestas/gestion/")
        expect(page.get_by_role("heading", name=texts["heading"], exact=True)).to_be_visible()
        page.get_by_label(texts["query"]).fill("estado:enviada")
        page.get_by_role("button", name=texts["apply"]).click()
        expect(page.get_by_text("Energía solar")).to_have_count(0)
        for title in ("Agua limpia", "Bosques vivos", "Comedores escolares"):
            page.get_by_label(texts["select"].format(title)).check()
        choice = "Ana Evaluadora <ana.evaluadora@b.example>"
        page.get_by_label(texts["evaluator"], exact=True).select_option(label=choice)
        page.get_by_label(texts["due"], exact=True).fill((today + datetime.timedelta(days=10)).isoformat())
        page.get_by_role("button", name=texts["assign"], exact=True).click()
        expect(page.get_by_text(texts["done"])).to_be_visible()
        expect(page.get_by_text(texts["failed"])).to_be_visible()
        assert "q=estado" in page.url  # back on the same filtered list
        assigned = Evaluation.objects.filter(evaluator=evaluator, due_on=today + datetime.timedelta(days=10))
        assert sorted(assigned.values_list("proposal__title", flat=True)) == ["Agua limpia", "Comedores escolares"]
        assert_accessible(page)
        if SCREENSHOTS:
            page.screenshot(path=os.path.join(SCREENSHOTS, f"proposals-manage-{language}-1280.png"), full_page=True)
        assert_fits_a_phone(page)
        if SCREENSHOTS:
            page.set_viewport_size({"width": 390, "height": 900})
            page.screenshot(path=os.path.join(SCREENSHOTS, f"proposals-manage-{language}-390.png"), full_page=True)
    finally:
        context.close()


WIDTH_JS = """
() => {
  const headers = [...document.querySelectorAll('#bulk thead th')];
  const header = headers[headers.length - 1].getBoundingClientRect();
  const table = document.querySelector('#bulk table').getBoundingClientRect();
  const columns = headers.map(t => Math.round(t.getBoundingClientRect().width));
  return {columns: columns, page: document.documentElement.scrollWidth, table: table.width, score: header.right,
          screen: document.documentElement.clientWidth};
}
"""


def test_the_list_fits_a_1280_px_screen_with_long_names(browser, live_server, transactional_db):
    # The demo's names: a long lead organization, committee and call; titles of several words.
    staff = make_staff(email="ancho@b.example", preferred_language="es-mx")
    committee = make_committee(4, name="Comité de Educación de Calidad para el Desarrollo Sostenible")
    today = timezone.localdate()
    call = Call.objects.create(
        committee=committee,
        title="Convocatoria 2026: educación técnica y formación dual en la región mesoamericana",
        opens_on=today,
        closes_on=today,
        created_by=staff,
    )
    lead = make_organization(actor=staff, short_name="Fundación Mexicana para la Innovación Educativa y Tecnológica")
    for title in ("Logística inversa de alimentos en centrales de abasto", "Reúso de agua tratada en la industria"):
        Proposal.objects.create(
            call=call,
            committee=committee,
            lead_organization=lead,
            created_by=staff,
            title=title,
            version=1,
            status="in_review",
            submitted_at=timezone.now(),
        )
    context = browser.new_context(locale="es-MX", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        sign_in(page, live_server.url, staff.email, "/propuestas/gestion/")
        expect(page.get_by_role("link", name="Reúso de agua tratada en la industria")).to_be_visible()
        measured = page.evaluate(WIDTH_JS)
        assert measured["page"] <= 1280, measured  # the page does not scroll sideways
        assert measured["score"] <= measured["screen"], measured  # the Score column is on the screen
        assert_fits_a_phone(page)
    finally:
        context.close()
