"""Browser tests: Debian's Chromium driven by Playwright against the live test server."""

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


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="module")
def browser():
    # Per module, not per session: a browser test elsewhere that starts its own Playwright must not
    # find this one's event loop still running.
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


@pytest.fixture(autouse=True)
def _sdg_framework_after_flush(request, django_db_blocker):
    """Put back the SDG framework before a transactional test if an earlier one's flush emptied it.

    The framework is loaded by a data migration; the flush that ends a transactional test removes it.
    """
    if "transactional_db" in request.fixturenames or "live_server" in request.fixturenames:
        from sdg.loader import load_framework
        from sdg.models import Goal, Indicator, Target

        with django_db_blocker.unblock():
            if not Goal.objects.exists():
                load_framework(Goal, Target, Indicator)


@pytest.fixture
def page(browser, live_server):
    """A fresh browser page in Mexican Spanish."""
    context = browser.new_context(locale="es-MX", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(15_000)
    page = context.new_page()
    yield page
    context.close()
