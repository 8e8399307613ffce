"""Editing a draft leaves the built open-data files current; publishing or changing a published project does not."""

import pytest

from opendata import prebuilt
from projects import services
from tests.factories import make_member, make_organization

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def _structured(cast, in_review):
    proposal = services.proposal_select(actor=cast.staff, proposal=in_review)
    for action in ("structure", "structured"):
        proposal = services.proposal_transition(actor=cast.staff, proposal=proposal, action=action)
    return proposal


def test_editing_a_draft_leaves_the_built_projects_file_current(cast, draft):
    built = prebuilt.build(name="proyectos", file_format="csv")
    services.proposal_update(actor=cast.lead, proposal=draft, summary="Resumen del borrador, aún privado")
    services.component_add(actor=cast.lead, proposal=draft, title="Componente del borrador")
    services.comment_add(actor=cast.lead, proposal=draft, text="Un comentario")
    assert prebuilt.fresh("proyectos", "csv") == built


def test_a_consortium_editing_its_draft_leaves_the_built_files_current(cast, draft):
    newcomer = make_organization(actor=cast.staff)  # before building: a new member organization is public
    built = {slug: prebuilt.build(name=slug, file_format="csv") for slug in ("proyectos", "consorcios")}
    member = services.partner_invite(actor=cast.lead, proposal=draft, organization=newcomer)
    services.partner_respond(actor=make_member(newcomer), member=member, accept=True, role="Aporta logística")
    services.member_update(actor=cast.lead, member=member, role="Aporta logística y almacenes")
    contribution = services.contribution_add(actor=cast.lead, member=member, kind="financial", amount_mxn=1000)
    services.contribution_remove(actor=cast.lead, contribution=contribution)
    services.partner_remove(actor=cast.lead, member=member)
    assert draft.consortium.filter(organization=newcomer, status="removed").exists()
    assert {slug: prebuilt.fresh(slug, "csv") for slug in built} == built


def test_publishing_a_project_makes_the_built_projects_file_stale(cast, in_review):
    proposal = _structured(cast, in_review)
    prebuilt.build(name="proyectos", file_format="csv")
    services.proposal_publish(actor=cast.staff, proposal=proposal)
    assert prebuilt.fresh("proyectos", "csv") is None


def test_changing_a_published_project_makes_the_built_projects_file_stale(cast, in_review):
    proposal = services.proposal_publish(actor=cast.staff, proposal=_structured(cast, in_review))
    prebuilt.build(name="proyectos", file_format="csv")
    services.proposal_transition(actor=cast.staff, proposal=proposal, action="implement")
    assert prebuilt.fresh("proyectos", "csv") is None
