"""Checking IATI files: the official 2.03 XML Schemas and the codes of the shipped codelists.

Reads the schemas and codelists inside the app only. ``problems(tree)`` is what the staff page's
"validate now" shows and what the tests assert empty.
"""

from functools import cache
from pathlib import Path

from lxml import etree

from . import codelists

SCHEMAS = Path(__file__).resolve().parent / "schemas"
ACTIVITIES = "iati-activities-schema.xsd"
ORGANISATIONS = "iati-organisations-schema.xsd"

# (XPath of the coded attribute, codelist, or None when the code comes from the project's SDG data).
ACTIVITY_CODES = [
    ("//participating-org/@role", "OrganisationRole"),
    ("//participating-org/@type | //reporting-org/@type | //provider-org/@type", "OrganisationType"),
    ("//activity-status/@code", "ActivityStatus"),
    ("//activity-date/@type", "ActivityDateType"),
    ("//recipient-country/@code", "Country"),
    ("//recipient-region/@code", "Region"),
    ("//recipient-region/@vocabulary", "RegionVocabulary"),
    ("//iati-activity/sector/@vocabulary", "SectorVocabulary"),
    ("//iati-activity/sector[@vocabulary='1']/@code", "Sector"),
    ("//tag/@vocabulary", "TagVocabulary"),
    ("//budget/@type", "BudgetType"),
    ("//budget/@status", "BudgetStatus"),
    ("//transaction-type/@code", "TransactionType"),
    ("//iati-activity/@default-currency", "Currency"),
    ("//document-link/category/@code", "DocumentCategory"),
    ("//document-link/language/@code", "Language"),
    ("//document-link/@format", "FileFormat"),
    ("//result/@type", "ResultType"),
    ("//indicator/@measure", "IndicatorMeasure"),
    ("//description/@type", "DescriptionType"),
    ("//@xml:lang", "Language"),
]


@cache
def schema(name):
    """Return the compiled XML Schema ``name`` (the activities or organisations schema)."""
    return etree.XMLSchema(etree.parse(str(SCHEMAS / name)))


def schema_problems(tree, name):
    """Return the schema's complaints about a document, as ``"line N: message"`` strings."""
    checker = schema(name)
    if checker.validate(tree):
        return []
    return [f"line {error.line}: {error.message}" for error in checker.error_log]


def code_problems(tree):
    """Return every code that is not in the codelist the project ships for it."""
    problems = []
    for path, name in ACTIVITY_CODES:
        allowed = codelists.codes(name)
        for value in sorted(set(tree.xpath(path))):
            if value not in allowed:
                problems.append(f"{name}: {value}")
    return problems


def problems(tree, name=ACTIVITIES):
    """Return what is wrong with an IATI document: schema errors first, then codes outside the codelists."""
    return schema_problems(tree, name) + code_problems(tree)
