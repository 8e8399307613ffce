"""What is not public never reaches open data: one test per dataset, every format, on the demo plus marked secrets.

The demo's non-public things (drafts, due diligence, contacts, evaluations, people, anonymous answers,
reports not approved, private sessions, draft minutes) are overwritten with obvious marker strings;
each dataset is then downloaded as CSV, JSON and Excel and searched for every marker. Each dataset
must have rows, so an empty download cannot pass by saying nothing.
"""

import pytest

from opendata import datasets
from tests.factories import make_organization

from .helpers import all_formats, read_csv
from .secrets import seed_secrets

SLUGS = [dataset.slug for dataset in datasets.all_datasets()]


@pytest.mark.parametrize("slug", SLUGS)
def test_nothing_that_is_not_public_appears_in_any_format(slug, demo, client):
    secrets = seed_secrets()
    dataset = datasets.get(slug)
    downloads = all_formats(client, slug)
    for file_format, (header, rows, text) in downloads.items():
        assert header == dataset.header, file_format
        assert rows, f"{slug}.{file_format} has no rows: the test would prove nothing"
        found = sorted(secret for secret in secrets if secret and secret in text)
        assert not found, f"{slug}.{file_format} shows {found}"
    assert len(downloads["csv"][1]) == len(downloads["json"][1]) == len(downloads["xlsx"][1])


def test_secret_ballots_give_tallies_and_never_votes(demo, client):
    from projects.models import Ballot, BallotPaper

    # The demo's closed ballots are named: make one secret as its close leaves it (papers with no voter).
    ballot = Ballot.objects.filter(status="closed", is_secret=False).first()
    Ballot.objects.filter(pk=ballot.pk).update(is_secret=True)
    BallotPaper.objects.filter(ballot=ballot).update(elector=None)
    secret_ids = {str(ballot.pk)}
    tallies = all_formats(client, "votaciones")["csv"][1]
    votes = all_formats(client, "votos-nominales")["csv"][1]
    assert secret_ids <= {row[0] for row in tallies}
    assert not secret_ids & {row[0] for row in votes}


def test_only_public_organizations_and_published_projects_are_listed(demo, client):
    from companies.models import Organization
    from projects.models import Proposal

    make_organization(status="withdrawn", legal_name="Retirada de Prueba, S.A.")
    organizations = all_formats(client, "organizaciones")["csv"][1]
    assert {int(row[0]) for row in organizations} == set(Organization.objects.public().values_list("pk", flat=True))
    projects = all_formats(client, "proyectos")["json"][1]
    assert {int(row[0]) for row in projects} == set(Proposal.objects.published().values_list("pk", flat=True))


@pytest.mark.parametrize("prefix", ["/open-data/", "/datos-abiertos/"])
def test_an_unpublished_candidate_has_no_title_at_either_address(demo, client, prefix):
    from projects.models import Proposal

    published = {str(pk) for pk in Proposal.objects.published().values_list("pk", flat=True)}
    response = client.get(f"{prefix}votaciones.csv")
    assert response.status_code == 200
    rows = read_csv(b"".join(response.streaming_content))
    proposal, title = rows[0].index("proposal_id"), rows[0].index("proposal_title")
    unpublished = [row[title] for row in rows[1:] if row[proposal] not in published]
    assert unpublished and set(unpublished) == {""}
    assert all(row[title] for row in rows[1:] if row[proposal] in published)
