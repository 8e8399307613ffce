"""Reports on their way to approval leave the built progress and IATI activity files current; approving does not."""

import pytest

from iati import prebuilt as iati_prebuilt
from monitoring import services
from opendata import datasets, prebuilt
from projects import services as project_services
from tests.iati.helpers import demo_publisher

from .conftest import approved_report, filled_report

FILES = (("avances", "csv"), (iati_prebuilt.NAME, "xml"))


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def published(scene):
    demo_publisher()
    project_services.proposal_publish(actor=scene.staff, proposal=scene.proposal)
    approved_report(scene, value="250")
    return scene


def _build():
    return {name: prebuilt.build(name=name, file_format=file_format) for name, file_format in FILES}


def _fresh():
    return {name: prebuilt.fresh(name, file_format) for name, file_format in FILES}


def _values():
    return [row[12] for row in datasets.get("avances").rows()]


def test_starting_submitting_and_returning_reports_leave_the_built_progress_file_current(published):
    built = _build()
    report = filled_report(published, published.periods[1], value="90")
    services.report_submit(actor=published.lead, report=report)
    services.report_return(actor=published.secretary, report=report, comments="Falta la evidencia.")
    services.report_submit(actor=published.lead, report=report, reply="Se añadió la evidencia.")
    services.report_start(actor=published.lead, period=published.periods[0])  # a correction of the approved one
    assert None not in built.values()
    assert _fresh() == built
    assert [str(value) for value in _values()] == ["250.00"]


def test_approving_a_report_makes_the_built_progress_file_stale(published):
    report = filled_report(published, published.periods[1], value="90")
    services.report_submit(actor=published.lead, report=report)
    assert None not in _build().values()
    services.report_approve(actor=published.secretary, report=report)
    assert _fresh() == {name: None for name, _format in FILES}
    assert sorted(str(value) for value in _values()) == ["250.00", "90.00"]


def test_revising_an_indicator_makes_the_built_progress_file_stale(published):
    _build()
    services.indicator_revise(
        actor=published.staff, indicator=published.indicator, name="Toneladas recuperadas", reason="Nombre más claro"
    )
    assert _fresh() == {name: None for name, _format in FILES}
