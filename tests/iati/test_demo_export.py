"""The demo's IATI files: valid against the 2.03 schemas, codes from the shipped codelists, public projects only."""

from decimal import Decimal

from django.db.models import Q
from lxml import etree

from iati import codelists, validation
from monitoring.models import ReportValue
from monitoring.selectors import current_approved
from projects.models import Proposal, ProposalStatus
from sdg.models import Goal, Indicator, Target

from .helpers import REPORTER, activities_tree, activity_of, organisation_tree

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def test_the_demo_activity_file_validates_and_its_codes_are_in_the_shipped_codelists(demo):
    tree = activities_tree()
    assert validation.problems(tree, validation.ACTIVITIES) == []
    assert tree.getroot().get("version") == "2.03"
    assert len(tree.getroot()) == 5


def test_the_demo_organisation_file_validates(demo):
    tree = organisation_tree()
    assert validation.problems(tree, validation.ORGANISATIONS) == []
    assert tree.findtext("iati-organisation/organisation-identifier") == REPORTER.ref


def test_only_published_projects_appear_never_drafts_reviews_or_rejected_ones(demo):
    tree = activities_tree()
    identifiers = set(tree.xpath("//iati-identifier/text()"))
    published = set(Proposal.objects.published().values_list("pk", flat=True))
    assert identifiers == {f"{REPORTER.ref}-{pk}" for pk in published}
    hidden = Proposal.objects.filter(~Q(pk__in=published))
    statuses = set(hidden.values_list("status", flat=True))
    assert {
        ProposalStatus.DRAFT,
        ProposalStatus.NOT_SELECTED,
        ProposalStatus.DECLINED,
        ProposalStatus.SELECTED,
    } <= statuses
    for proposal in hidden:
        assert activity_of(tree, proposal) is None
        assert proposal.title not in etree.tostring(tree, encoding="unicode")


def test_an_activity_names_its_consortium_with_iati_roles_and_the_reporting_org_as_extending(demo):
    project = Proposal.objects.published().get(title="Empleo incluyente para personas con discapacidad")
    activity = activity_of(activities_tree(), project)
    roles = {(org.get("role"), org.findtext("narrative")) for org in activity.iterfind("participating-org")}
    lead = project.lead_organization.legal_name
    assert ("2", lead) in roles and ("4", lead) in roles
    assert ("3", REPORTER.name_es) in roles
    assert any(role == "1" for role, _name in roles)
    assert activity.find("reporting-org").get("ref") == REPORTER.ref


def test_titles_and_descriptions_carry_spanish_and_staffs_english(demo):
    project = Proposal.objects.published().get(title="Empleo incluyente para personas con discapacidad")
    activity = activity_of(activities_tree(), project)
    assert activity.get(XML_LANG) == "es"
    title = {n.get(XML_LANG, "es"): n.text for n in activity.iterfind("title/narrative")}
    assert title == {"es": project.title, "en": "Inclusive employment for people with disabilities"}
    languages = {n.get(XML_LANG, "es") for n in activity.iterfind("description[@type='1']/narrative")}
    assert languages == {"es", "en"}


def test_sectors_are_the_sdg_goals_targets_and_indicators_and_the_dac_code_when_set(demo):
    project = Proposal.objects.published().get(title="Empleo incluyente para personas con discapacidad")
    activity = activity_of(activities_tree(), project)
    by_vocabulary = {}
    for sector in activity.iterfind("sector"):
        by_vocabulary.setdefault(sector.get("vocabulary"), []).append(sector)
    assert [s.get("code") for s in by_vocabulary["1"]] == ["16020"]
    assert project.committee.goal.code in [s.get("code") for s in by_vocabulary["7"]]
    for vocabulary, sectors in by_vocabulary.items():
        assert sum(Decimal(s.get("percentage")) for s in sectors) == 100, vocabulary
    assert {t.get("vocabulary") for t in activity.iterfind("tag")} == {"2", "3"}


def test_sdg_codes_are_those_of_the_projects_own_sdg_data(demo):
    tree = activities_tree()
    models = {"7": Goal, "8": Target, "9": Indicator, "2": Goal, "3": Target}
    for element in tree.xpath("//iati-activity/sector[@vocabulary!='1'] | //tag"):
        assert models[element.get("vocabulary")].objects.filter(code=element.get("code")).exists()


def test_places_are_mexico_and_the_countries_and_region_of_replication(demo):
    project = Proposal.objects.published().get(title="Empleo incluyente para personas con discapacidad")
    activity = activity_of(activities_tree(), project)
    countries = [c.get("code") for c in activity.iterfind("recipient-country")]
    assert countries == ["MX", *project.replication_countries]
    assert [r.get("code") for r in activity.iterfind("recipient-region")] == ["389"]
    shares = [Decimal(e.get("percentage")) for e in activity.xpath("recipient-country | recipient-region")]
    assert sum(shares) == 100


def test_results_carry_approved_values_only(demo):
    tree = activities_tree()
    approved = {
        str(value.number.normalize()) if value.number is not None else None
        for value in ReportValue.objects.filter(report__in=current_approved())
    }
    not_approved = ReportValue.objects.exclude(report__in=current_approved()).filter(number__isnull=False)
    actuals = set(tree.xpath("//result//actual/@value"))
    assert actuals and actuals <= {format(Decimal(v), "f") for v in approved if v is not None}
    assert not_approved.exists()
    assert tree.xpath("count(//result)") > 0


def test_the_project_without_monitoring_has_no_result_and_still_validates(demo):
    project = Proposal.objects.published().get(title="Cero desperdicio de alimentos en el autoservicio")
    tree = activities_tree()
    activity = activity_of(tree, project)
    assert activity is not None and activity.find("result") is None
    assert activity.find("activity-status").get("code") == "4"


def test_every_shipped_codelist_is_read_and_a_code_outside_one_is_reported(demo):
    assert "2" in codelists.codes("OrganisationRole") and "11" in codelists.codes("TransactionType")
    tree = activities_tree()
    tree.find(".//participating-org").set("role", "7")
    assert "OrganisationRole: 7" in validation.code_problems(tree)


def test_a_pledge_made_when_the_project_was_structured_in_march_2018_is_dated_the_months_last_day(demo):
    """The seed says the four projects were structured "en marzo de 2018": no day, so IATI gets 31 March."""
    tree = activities_tree()
    pledged = tree.xpath("//transaction[transaction-type/@code='11']/transaction-date/@iso-date")
    assert pledged, "the demo's structured projects carry pledged financial contributions"
    structured_in_march = [day for day in pledged if day.startswith("2018-03")]
    assert structured_in_march and set(structured_in_march) == {"2018-03-31"}
