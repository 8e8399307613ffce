"""In Chromium: key pages load under the Content-Security-Policy without a single violation."""

from unittest import mock

import pytest

from documents.services import document_request
from sdg.documents import GOAL_SHEET
from sdg.models import Goal
from tests.projects import conftest as projects_scene

from .test_committee_minutes import sign_in

pytestmark = pytest.mark.django_db(transaction=True)
cast, draft = projects_scene.cast, projects_scene.draft

# Runs before any page script (through the browser, so the policy does not apply to it).
LISTEN = """window.axsViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.axsViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
});"""


def _watch(page):
    messages = []
    page.add_init_script(LISTEN)
    page.on("console", lambda message: messages.append(message.text))
    return messages


def _violations(page, url, messages):
    response = page.goto(url)
    page.wait_for_load_state("networkidle")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    reported = page.evaluate("window.axsViolations")
    refused = [text for text in messages if "Content Security Policy" in text]
    return reported + refused


def test_home_sign_in_a_wizard_step_and_a_document_page_report_no_violation(page, live_server, cast, draft):
    messages = _watch(page)
    assert _violations(page, live_server.url + "/", messages) == []
    assert _violations(page, live_server.url + "/cuenta/entrar/", messages) == []
    sign_in(page, live_server, cast.lead.email)
    assert _violations(page, live_server.url + "/", messages) == []
    for step in ("general", "problem", "alignment"):
        assert _violations(page, f"{live_server.url}/propuestas/{draft.pk}/editar/{step}/", messages) == [], step
    with mock.patch("documents.tasks.render_document_task.apply_async"):
        document = document_request(
            actor=cast.lead, kind=GOAL_SHEET, language="es-mx", target=Goal.objects.get(number=12)
        )
    assert _violations(page, live_server.url + document.get_absolute_url(), messages) == []
    page.screenshot(path="/tmp/csp-document-progress.png", full_page=True)


def test_an_inline_script_would_be_refused(page, live_server):
    _watch(page)
    page.goto(live_server.url + "/")
    page.evaluate("""() => { const s = document.createElement("script"); s.textContent = "window.axsRan = 1";
        document.body.append(s); }""")
    page.wait_for_timeout(200)
    assert page.evaluate("window.axsRan") is None
    assert page.evaluate("window.axsViolations.length") >= 1
