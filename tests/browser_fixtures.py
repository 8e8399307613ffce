"""The browser fixtures: Debian's Chromium driven by Playwright against the live test server.

Registered once, by ``tests/conftest.py``, so that the browser tests and the worker tests that open a
page share one Playwright (a second one in the same session fails).
"""

import os
import shutil

import pytest

CHROMIUM = os.environ.get("AXS_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser():
    if not (os.path.exists(CHROMIUM) or shutil.which(CHROMIUM)):
        pytest.skip(f"Chromium is not installed at {CHROMIUM} (make browser-deps installs it as root).")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop in this thread; the ORM calls that fixtures and
    # tests make from it are ordinary synchronous calls, so Django's async guard is lifted here.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            yield browser
            browser.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def page(browser, live_server):
    """A fresh browser page in Mexican Spanish."""
    from tests.browser.checks import AXE_JS

    context = browser.new_context(locale="es-MX", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(15_000)
    if AXE_JS.exists():
        # Given to every document by the browser itself: the pages' Content-Security-Policy, which
        # refuses a script tag added afterwards, does not apply to it.
        context.add_init_script(path=str(AXE_JS))
    page = context.new_page()
    yield page
    context.close()
