"""One ``<iati-activity>`` from a published project loaded by ``iati.selectors.published_projects()``.

Element order follows the 2.03 schema's sequence. Reads only what the selector prefetched.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _
from lxml import etree

from projects import fact_sheets
from projects.criteria import REPLICATION_COUNTRIES
from projects.models import ContributionKind, ProposalStatus

from .common import (
    DEFAULT_LANGUAGE,
    XML_LANG,
    both_languages,
    even_shares,
    full_date,
    iso_date,
    iso_datetime,
    local_date,
    narratives,
    sub,
)
from .finance import budgets, transactions
from .organizations import organisation
from .results import results

ACTIVITY_STATUS = {
    ProposalStatus.STRUCTURED: "1",  # pipeline: structured, not yet started
    ProposalStatus.IN_IMPLEMENTATION: "2",
    ProposalStatus.CLOSED: "4",
}
FUNDING, ACCOUNTABLE, EXTENDING, IMPLEMENTING = "1", "2", "3", "4"
CARIBBEAN_AND_CENTRAL_AMERICA = "389"  # OECD DAC region
DAC_REGIONS = "1"
SECTOR_DAC, SECTOR_SDG_GOAL, SECTOR_SDG_TARGET, SECTOR_SDG_INDICATOR = "1", "7", "8", "9"
TAG_SDG_GOAL, TAG_SDG_TARGET = "2", "3"
ACTIVITY_WEB_PAGE = "A12"
# The fact sheet states the project's objective, components, results matrix and SDG alignment: IATI's
# DocumentCategory A02 "Objectives / Purpose of activity" (A12 is the web page; no code names a summary sheet).
OBJECTIVES_OF_ACTIVITY = "A02"


@dataclass(frozen=True)
class Reporter:
    """The reporting organization and where the platform is, as the files name them."""

    ref: str
    type: str
    name_es: str
    name_en: str
    base_url: str

    def activity_identifier(self, project):
        return f"{self.ref}-{project.pk}"


def activity_dates(project):
    """Return ``[(type, date)]``: planned start and end (plan or schedule), actual start and end (status changes)."""
    implementation = getattr(project, "implementation", None)
    if implementation is not None:
        planned = (implementation.starts_on, implementation.ends_on)
    else:
        activities = [a for c in project.components.all() for a in c.activity_list]
        planned = (
            min((a.starts_on for a in activities), default=None),
            max((a.ends_on for a in activities), default=None),
        )
    reached = {t.to_status: full_date(t.created_at, t.date_precision) for t in project.transitions.all()}
    dates = [("1", planned[0]), ("3", planned[1])]
    if project.status in (ProposalStatus.IN_IMPLEMENTATION, ProposalStatus.CLOSED):
        dates.append(("2", reached.get(ProposalStatus.IN_IMPLEMENTATION)))
    if project.status == ProposalStatus.CLOSED:
        dates.append(("4", reached.get(ProposalStatus.CLOSED)))
    return sorted(((kind, day) for kind, day in dates if day is not None), key=lambda pair: pair[0])


def has_start(dates):
    return any(kind in ("1", "2") for kind, _day in dates)


def is_publishable(project):
    """Return whether the project has what IATI requires of an activity (a start date at least)."""
    return has_start(activity_dates(project))


def _publication(project):
    return getattr(project, "iati_publication", None)


def _roles(member):
    kinds = {c.kind for c in member.contribution_list}
    roles = []
    if ContributionKind.FINANCIAL in kinds:
        roles.append(FUNDING)
    if member.is_lead:
        roles.append(ACCOUNTABLE)
    if member.is_lead or kinds - {ContributionKind.FINANCIAL} or not kinds:
        roles.append(IMPLEMENTING)
    return roles


def _participating_orgs(activity, project, reporter):
    members = [(member, _roles(member)) for member in project.consortium.all()]
    for role in (FUNDING, ACCOUNTABLE):
        for member, roles in members:
            if role in roles:
                organisation(activity, "participating-org", member.organization, role=role)
    extending = sub(activity, "participating-org", ref=reporter.ref, type=reporter.type, role=EXTENDING)
    narratives(extending, {"es": reporter.name_es, "en": reporter.name_en})
    for member, roles in members:
        if IMPLEMENTING in roles:
            organisation(activity, "participating-org", member.organization, role=IMPLEMENTING)


def _places(activity, project):
    countries = ["MX"] + [code for code in project.replication_countries if code in REPLICATION_COUNTRIES]
    regions = [CARIBBEAN_AND_CENTRAL_AMERICA] if len(countries) > 1 else []
    shares = even_shares(len(countries) + len(regions))
    for code, share in zip(countries, shares, strict=False):
        sub(activity, "recipient-country", code=code, percentage=share if len(shares) > 1 else None)
    for code, share in zip(regions, shares[len(countries) :], strict=False):
        sub(activity, "recipient-region", code=code, vocabulary=DAC_REGIONS, percentage=share)


def _sdg(project):
    goals, targets, indicators = {}, {}, {}
    goals[project.committee.goal.code] = project.committee.goal
    for aligned in project.aligned_targets.all():
        goals.setdefault(aligned.target.goal.code, aligned.target.goal)
        targets[aligned.target.code] = aligned.target
        for indicator in aligned.indicator_list:
            indicators[indicator.code] = indicator
    return goals, targets, indicators


def _sectors(activity, project):
    publication = _publication(project)
    if publication is not None and publication.dac_code:
        sub(activity, "sector", vocabulary=SECTOR_DAC, code=publication.dac_code, percentage="100")
    goals, targets, indicators = _sdg(project)
    for vocabulary, rows in (
        (SECTOR_SDG_GOAL, goals),
        (SECTOR_SDG_TARGET, targets),
        (SECTOR_SDG_INDICATOR, indicators),
    ):
        for (code, row), share in zip(rows.items(), even_shares(len(rows)), strict=True):
            element = sub(activity, "sector", vocabulary=vocabulary, code=code, percentage=share)
            narratives(element, {"es": row.title_es, "en": row.title_en})
    for vocabulary, rows in ((TAG_SDG_GOAL, goals), (TAG_SDG_TARGET, targets)):
        for code, row in rows.items():
            narratives(sub(activity, "tag", vocabulary=vocabulary, code=code), {"es": row.title_es, "en": row.title_en})


def _document_links(activity, project, reporter):
    """Link the public project page, and the public fact sheet (PDF) in each language it has been made in."""
    link = sub(activity, "document-link", url=reporter.base_url + project.get_public_url(), format="text/html")
    narratives(sub(link, "title"), both_languages(_("Project page: %(title)s"), title=project.title))
    sub(link, "category", code=ACTIVITY_WEB_PAGE)
    sub(link, "language", code=DEFAULT_LANGUAGE)
    for language, url, made in fact_sheets.sheets_of(project):
        link = sub(activity, "document-link", url=reporter.base_url + url, format="application/pdf")
        narratives(sub(link, "title"), both_languages(_("Project fact sheet: %(title)s"), title=project.title))
        sub(link, "category", code=OBJECTIVES_OF_ACTIVITY)
        sub(link, "language", code=language)
        sub(link, "document-date", iso_date=iso_date(local_date(made)))


def last_updated(project):
    """When anything the activity shows last changed (``selectors.published_projects`` annotates the dates)."""
    publication = _publication(project)
    moments = [
        project.updated_at,
        publication.updated_at if publication is not None else None,
        getattr(project, "report_approved_at", None),
        *(moment for _language, _url, moment in fact_sheets.sheets_of(project)),
    ]
    return max(moment for moment in moments if moment is not None)


def activity_element(project, reporter, dates=None):
    """Return the ``<iati-activity>`` of one published project (``dates`` when already computed)."""
    activity = etree.Element(
        "iati-activity",
        {
            "last-updated-datetime": iso_datetime(last_updated(project)),
            XML_LANG: DEFAULT_LANGUAGE,
            "default-currency": "MXN",
        },
    )
    sub(activity, "iati-identifier").text = reporter.activity_identifier(project)
    narratives(
        sub(activity, "reporting-org", ref=reporter.ref, type=reporter.type),
        {"es": reporter.name_es, "en": reporter.name_en},
    )
    narratives(sub(activity, "title"), {"es": project.title, "en": project.title_en})
    general = project.summary or project.general_objective or project.title
    narratives(sub(activity, "description", type="1"), {"es": general, "en": project.summary_en})
    if project.general_objective:
        narratives(sub(activity, "description", type="2"), {"es": project.general_objective})
    _participating_orgs(activity, project, reporter)
    sub(activity, "activity-status", code=ACTIVITY_STATUS[project.status])
    for kind, day in dates if dates is not None else activity_dates(project):
        sub(activity, "activity-date", type=kind, iso_date=iso_date(day))
    _places(activity, project)
    _sectors(activity, project)
    budgets(activity, project)
    transactions(activity, project)
    _document_links(activity, project, reporter)
    results(activity, project)
    return activity
