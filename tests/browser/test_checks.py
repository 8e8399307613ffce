"""The checks the journeys rely on find what they must: axe-core's violations and the Nu HTML Checker's errors."""

import pytest

from .checks import ROOT, HtmlChecker, assert_accessible, non_text_contrast

STATIC = ROOT / "static"


def test_axe_names_each_serious_violation_and_where_it_is(browser):
    context = browser.new_context()
    page = context.new_page()
    page.set_content(
        '<!doctype html><html lang="es"><head><title>Prueba</title></head><body><main>'
        '<a href="/"><span aria-hidden="true">AxS</span></a><input type="checkbox" id="x">'
        "</main></body></html>"
    )
    with pytest.raises(AssertionError) as failure:
        assert_accessible(page)
    context.close()
    message = str(failure.value)
    assert "link-name (serious)" in message and "label (critical)" in message
    assert 'at a: <a href="/">' in message


def test_a_page_without_violations_passes_axe(browser):
    context = browser.new_context()
    page = context.new_page()
    page.set_content(
        '<!doctype html><html lang="es"><head><title>Prueba</title></head><body><main><h1>Hola</h1>'
        '<a href="/">Inicio</a><label for="x">Acepto</label><input type="checkbox" id="x"></main></body></html>'
    )
    assert_accessible(page)
    context.close()


def test_the_html_checker_reports_every_error_by_page_in_one_run(tmp_path):
    checker = HtmlChecker(tmp_path)
    head = '<!doctype html><html lang="es"><head><title>x</title></head><body>'
    checker.collect("sign-in", head + "<form><form></form></form></body></html>", "http://t/cuenta/entrar/")
    checker.collect(
        "calendar", head + '<time datetime="2026-12-03T10:00:00.123456-06:00">hoy</time></body></html>', "http://t/c/"
    )
    checker.collect("valid", head + "<p>Bien</p></body></html>")
    errors = checker.errors()
    assert any(e.startswith("- sign-in (http://t/cuenta/entrar/)") and "Nested forms" in e for e in errors)
    assert any(e.startswith("- calendar (http://t/c/)") and "fraction of a second" in e for e in errors)
    assert not any("valid" in e.split(",")[0] for e in errors)


def test_checkbox_borders_and_focus_rings_keep_3_to_1(browser):
    context = browser.new_context()
    page = context.new_page()
    page.set_content(
        '<!doctype html><html lang="es"><head><title>Prueba</title></head><body>'
        '<div class="form-check"><input class="form-check-input" type="checkbox" id="a">'
        '<label class="form-check-label" for="a">Acepto</label></div>'
        '<input class="form-control" id="b" aria-label="Nombre"><button class="btn btn-primary">Guardar</button>'
        "</body></html>"
    )
    page.add_style_tag(path=str(STATIC / "vendor" / "bootstrap-5.3.8" / "bootstrap.min.css"))
    page.add_style_tag(path=str(STATIC / "css" / "axs.css"))
    checkbox = page.locator("#a")
    assert non_text_contrast(checkbox, "borderTopColor") >= 3
    checkbox.focus()
    assert non_text_contrast(checkbox, "boxShadow") >= 3
    page.locator("#b").focus()
    assert non_text_contrast(page.locator("#b"), "boxShadow") >= 3
    page.keyboard.press("Tab")
    assert non_text_contrast(page.locator("button"), "outlineColor") >= 3
    context.close()
