"""Build and parse the IATI files in tests, the way the public URLs write them."""

from lxml import etree

from iati import selectors
from iati.writer import Reporter, activity_chunks, organisation_document

REPORTER = Reporter(
    ref="XI-IATI-AXS-TEST",
    type="10",
    name_es="Agencia Mexicana de Cooperación Internacional para el Desarrollo",
    name_en="Mexican Agency for International Development Cooperation",
    base_url="https://axs.example",
)


def activities_tree(projects=None):
    data = b"".join(activity_chunks(projects if projects is not None else selectors.published_projects(), REPORTER))
    return etree.fromstring(data).getroottree()


def organisation_tree():
    return organisation_document(REPORTER)


def activity_of(tree, project):
    found = tree.xpath("//iati-activity[iati-identifier=$identifier]", identifier=f"{REPORTER.ref}-{project.pk}")
    return found[0] if found else None


def demo_publisher():
    """Save the reporting organization as the demo does, so that the public addresses answer."""
    from iati.models import Publisher

    return Publisher.objects.update_or_create(
        key=1, defaults={"organisation_ref": REPORTER.ref, "name_es": REPORTER.name_es, "name_en": REPORTER.name_en}
    )[0]
