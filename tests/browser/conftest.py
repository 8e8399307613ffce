"""Browser tests: marked ``browser``; their fixtures (``browser``, ``page``) are in ``tests/browser_fixtures.py``."""

import pytest


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)
