"""Helpers for the tests of the notice a page shows where it collects data: publish versions, read what a page posts."""

import re

from privacy import services
from tests.factories import make_staff

FIELD = "privacy_notice"


def publish(text_es="Aviso simplificado", text_en="Simplified notice"):
    """Publish the next version of the simplified notice."""
    return services.notice_publish(actor=make_staff(), kind="simplified", text_es=text_es, text_en=text_en)


def shown_on(page, form):
    """Return the value a page posts as the notice it showed with ``form`` (the hidden field outside the form)."""
    found = re.search(rf'<input type="hidden" name="{FIELD}" value="(\d*)" form="{form}">', page)
    assert found, f"the page posts no notice version with the form {form!r}"
    assert f'<form method="post" id="{form}"' in page
    return found.group(1)
