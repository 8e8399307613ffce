"""The IATI activity file built ahead by open data's job (``opendata.prebuilt``): the public URL never waits.

Its version covers everything the file shows: the areas the services of proposals, monitoring and the
directory bump (what the public sees of the first two: a draft edited or a report submitted leaves it
current), the reporting organization's and the projects' IATI settings, the latest public fact sheet
made (the file links the ready ones), and the site's address.
"""

import hashlib

from django.db.models import Max

from axs_platform import fragments
from axs_platform.mail import site_url
from opendata.models import PrebuiltFile
from opendata.prebuilt import NothingToBuild, Source
from projects import fact_sheets

from . import selectors
from .models import ProjectPublication
from .writer import activity_chunks

NAME = "iati-actividades"


def _version():
    areas = fragments.versions(fragments.PUBLIC_PROPOSALS, fragments.PUBLIC_MONITORING, fragments.DIRECTORY)
    latest = ProjectPublication.objects.aggregate(latest=Max("updated_at"))["latest"]
    parts = (*areas, selectors.publisher().updated_at, latest, fact_sheets.last_made(), site_url())
    return hashlib.sha256(repr(parts).encode()).hexdigest()


def _write(file_format, out):
    reporter = selectors.reporter(site_url())
    activities = selectors.publication_rows().filter(has_start_date=True).count()
    if reporter is None or not activities:
        raise NothingToBuild
    for chunk in activity_chunks(selectors.published_projects(), reporter):
        out.write(chunk)
    return activities


SOURCE = Source(NAME, ("xml",), _version, _write)


def last_build():
    """Return the row of the activity file built ahead (when it was built, its last failure), or None."""
    return PrebuiltFile.objects.filter(name=NAME, file_format="xml").first()
