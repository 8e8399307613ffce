"""Document kinds made for the tests: one that fails until told not to."""

import pytest
from django.template.loader import render_to_string
from django.utils import timezone

from documents.registry import DocumentKind, Source, _kinds, register
from documents.services import DocumentError

FLAKY = "tests.flaky"


class Switch:
    fail = True
    builds = 0


def _build(document):
    Switch.builds += 1
    if Switch.fail:
        raise DocumentError("La fuente de datos no respondió.")
    html = render_to_string("documents/pdf_base.html", {"generated_at": timezone.now()})
    return Source(html=html, filename="prueba.pdf", title="Prueba")


@pytest.fixture
def flaky_kind():
    Switch.fail, Switch.builds = True, 0
    kind = register(
        DocumentKind(
            code=FLAKY,
            label="Flaky",
            build=_build,
            describe=lambda target, params: "Documento de prueba",
            can_request=lambda user, target, params: user.is_authenticated,
            can_view=lambda user, document: document.requested_by_id == user.pk,
        )
    )
    yield Switch
    _kinds.pop(kind.code, None)
