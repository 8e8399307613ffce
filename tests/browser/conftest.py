"""Browser tests: marked ``browser``; their fixtures (``browser``, ``page``) are in ``tests/browser_fixtures.py``."""

import pytest


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def html_checker(tmp_path_factory):
    """Pages tests collect as served; the Nu HTML Checker validates them all in one run when the session ends."""
    from .checks import HtmlChecker

    checker = HtmlChecker(tmp_path_factory.mktemp("html-checker"))
    yield checker
    errors = checker.errors()
    assert not errors, f"The Nu HTML Checker found {len(errors)} errors in {len(checker.pages)} pages:\n" + "\n".join(
        errors
    )


@pytest.fixture
def journey(page, live_server, html_checker):
    """A person's walk: every page it reaches is checked with axe-core before the test ends."""
    from .journey import Journey

    walk = Journey(page, live_server.url, html_checker)
    yield walk
    walk.assert_every_page_checked()
