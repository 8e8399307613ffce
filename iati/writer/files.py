"""The IATI files: the activity file (written incrementally, one activity at a time) and the organisation file.

``activity_chunks`` yields the file's bytes as it goes, so a response can stream it and memory holds
one batch of projects (``CHUNK_SIZE``) at a time, whatever their number.
"""

from django.db.models import QuerySet
from django.utils import timezone
from lxml import etree

from .activity import activity_dates, activity_element, has_start
from .common import DEFAULT_LANGUAGE, XML_LANG, iso_datetime, narratives, sub

VERSION = "2.03"
# Projects read per batch of queries while the file is written: memory stays flat whatever their number.
CHUNK_SIZE = 100


class _Buffer:
    """A file-like target for ``etree.xmlfile`` whose written bytes are taken out after each activity."""

    def __init__(self):
        self.parts = []

    def write(self, data):
        self.parts.append(bytes(data))

    def take(self):
        data, self.parts = b"".join(self.parts), []
        return data


def activity_chunks(projects, reporter, *, chunk_size=CHUNK_SIZE):
    """Yield the bytes of an ``<iati-activities>`` file of the publishable projects among ``projects``.

    ``projects`` is a queryset of ``selectors.published_projects()``, read in batches, or projects
    already read from one (the single project's file, which checked the project first).
    """
    rows = projects.iterator(chunk_size=chunk_size) if isinstance(projects, QuerySet) else projects
    buffer = _Buffer()
    with etree.xmlfile(buffer, encoding="utf-8") as xf:
        xf.write_declaration()
        root = {"version": VERSION, "generated-datetime": iso_datetime(timezone.now())}
        with xf.element("iati-activities", root):
            xf.write("\n")
            for project in rows:
                dates = activity_dates(project)
                if has_start(dates):
                    xf.write(activity_element(project, reporter, dates), pretty_print=True)
                    yield buffer.take()
        xf.flush()
    yield buffer.take()


def organisation_document(reporter):
    """Return the ``<iati-organisations>`` file of the reporting organization as an element tree."""
    root = etree.Element("iati-organisations", {"version": VERSION, "generated-datetime": iso_datetime(timezone.now())})
    organisation = sub(
        root, "iati-organisation", last_updated_datetime=iso_datetime(timezone.now()), default_currency="MXN"
    )
    organisation.set(XML_LANG, DEFAULT_LANGUAGE)
    sub(organisation, "organisation-identifier").text = reporter.ref
    narratives(sub(organisation, "name"), {"es": reporter.name_es, "en": reporter.name_en})
    narratives(
        sub(organisation, "reporting-org", ref=reporter.ref, type=reporter.type),
        {"es": reporter.name_es, "en": reporter.name_en},
    )
    return etree.ElementTree(root)
