"""iati 0002 moves a project's English title and description from the IATI data to the project, and back."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from projects import services
from projects.models import Proposal
from tests.projects.conftest import cast, draft, in_review, submitted  # noqa: F401

BEFORE = [("iati", "0001_initial")]
AFTER = [("iati", "0002_english_texts_to_projects")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_the_english_texts_move_to_the_project_and_back(cast, in_review):  # noqa: F811
    proposal = services.proposal_select(actor=cast.staff, proposal=in_review)
    services.project_english_update(actor=cast.staff, proposal=proposal, title_en="Zero waste", summary_en="Less.")
    try:
        old_apps = _migrate(BEFORE)
        publication = old_apps.get_model("iati", "ProjectPublication").objects.get(proposal_id=proposal.pk)
        assert (publication.title_en, publication.description_en) == ("Zero waste", "Less.")
        publication.title_en = "Zero food waste"
        publication.save()
        Proposal.objects.filter(pk=proposal.pk).update(title_en="", summary_en="")
    finally:
        _migrate(AFTER)
    proposal.refresh_from_db()
    assert (proposal.title_en, proposal.summary_en) == ("Zero food waste", "Less.")
