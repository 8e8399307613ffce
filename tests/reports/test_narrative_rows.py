"""The narrative rows staff write go through reports.services: staff only, sources kept, archived and never deleted."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from audit.models import AuditEvent
from axs_platform import fragments
from reports.models import Acronym, AllianceObjective, BibliographyEntry, Finding, FindingKind, RecordedFigure
from reports.selectors import report_data
from reports.services import narrative_row_archive, narrative_row_restore, narrative_row_save
from tests.factories import make_representative, make_staff

pytestmark = pytest.mark.django_db

PERIOD = (datetime.date(2016, 5, 1), datetime.date(2018, 3, 31))


def finding(title_es="Garantizar recursos"):
    return Finding.objects.create(kind=FindingKind.CHALLENGE, title_es=title_es)


def work(title="AMEXCID. (2016). Policy Brief."):
    return BibliographyEntry.objects.create(title=title)


def figure(source):
    return RecordedFigure.objects.create(label_es="Asistentes", as_of=datetime.date(2016, 10, 4), source=source)


def test_staff_write_a_finding_and_the_trail_records_what_it_says():
    staff = make_staff()
    row = narrative_row_save(
        actor=staff, model=Finding, values={"kind": FindingKind.SUCCESS, "position": 2, "title_es": "Confianza"}
    )
    assert Finding.objects.get() == row
    event = AuditEvent.objects.get(action=AuditEvent.Action.CREATED, target_id=str(row.pk))
    assert event.actor == staff
    assert event.changes == {"kind": [None, "success"], "position": [None, 2], "title_es": [None, "Confianza"]}


def test_a_change_records_each_field_before_and_after_and_bumps_the_report_fragments():
    row = finding()
    before = fragments.versions(fragments.REPORT)
    narrative_row_save(actor=make_staff(), model=Finding, row=row, values={"title_es": "Asegurar recursos"})
    row.refresh_from_db()
    assert row.title_es == "Asegurar recursos"
    event = AuditEvent.objects.get(action=AuditEvent.Action.UPDATED, target_id=str(row.pk))
    assert event.changes == {"title_es": ["Garantizar recursos", "Asegurar recursos"]}
    assert fragments.versions(fragments.REPORT) != before


def test_only_staff_write_archive_or_restore_the_narrative():
    representative = make_representative()
    row = finding()
    for service, kwargs in (
        (narrative_row_save, {"model": Finding, "values": {"kind": "success", "title_es": "X"}}),
        (narrative_row_archive, {"row": row}),
        (narrative_row_restore, {"row": row}),
    ):
        with pytest.raises(ValidationError) as refused:
            service(actor=representative, **kwargs)
        assert refused.value.code == "forbidden"
    assert Finding.objects.get().archived_at is None


def test_the_service_validates_what_it_writes():
    with pytest.raises(ValidationError) as refused:
        narrative_row_save(actor=make_staff(), model=Finding, values={"kind": "poem", "title_es": "X"})
    assert "kind" in refused.value.error_dict
    assert not Finding.objects.exists()


def test_archiving_keeps_the_row_and_its_history_and_takes_it_out_of_the_report():
    staff = make_staff()
    row = finding()
    assert report_data(*PERIOD)["challenges"] == [row]
    narrative_row_archive(actor=staff, row=row)
    row.refresh_from_db()
    assert row.archived_at is not None
    assert report_data(*PERIOD)["challenges"] == []
    assert AuditEvent.objects.filter(action=AuditEvent.Action.ARCHIVED, target_id=str(row.pk)).count() == 1
    with pytest.raises(ValidationError) as refused:
        narrative_row_archive(actor=staff, row=row)
    assert refused.value.code == "already_archived"
    with pytest.raises(ValidationError) as refused:
        narrative_row_save(actor=staff, model=Finding, row=row, values={"title_es": "Otra"})
    assert refused.value.code == "archived"


def test_a_restored_row_is_in_the_report_again():
    staff = make_staff()
    row = finding()
    narrative_row_archive(actor=staff, row=row)
    narrative_row_restore(actor=staff, row=row)
    assert report_data(*PERIOD)["challenges"] == [row]
    assert AuditEvent.objects.filter(action=AuditEvent.Action.RESTORED, target_id=str(row.pk)).exists()


def test_a_work_that_is_the_source_of_a_current_figure_or_objective_is_not_archived():
    staff = make_staff()
    source = work()
    used = figure(source)
    with pytest.raises(ValidationError) as refused:
        narrative_row_archive(actor=staff, row=source)
    assert refused.value.code == "source_in_use"
    narrative_row_archive(actor=staff, row=used)
    objective = AllianceObjective.objects.create(title_es="Compartir experiencias", source=source)
    with pytest.raises(ValidationError) as refused:
        narrative_row_archive(actor=staff, row=source)
    assert refused.value.code == "source_in_use"
    narrative_row_archive(actor=staff, row=objective)
    narrative_row_archive(actor=staff, row=source)
    assert report_data(*PERIOD)["bibliography"] == []


def test_an_archived_work_cannot_become_a_source_again_until_restored():
    staff = make_staff()
    source = work()
    used = figure(source)
    narrative_row_archive(actor=staff, row=used)
    narrative_row_archive(actor=staff, row=source)
    with pytest.raises(ValidationError) as refused:
        narrative_row_restore(actor=staff, row=used)
    assert refused.value.error_dict["source"][0].code == "source_archived"
    with pytest.raises(ValidationError) as refused:
        narrative_row_save(
            actor=staff,
            model=AllianceObjective,
            values={"title_es": "Compartir", "source": source},
        )
    assert refused.value.error_dict["source"][0].code == "source_archived"
    narrative_row_restore(actor=staff, row=source)
    narrative_row_restore(actor=staff, row=used)
    assert [f.pk for f in report_data(*PERIOD)["recorded_figures"]] == [used.pk]


def test_an_archived_acronym_may_be_written_again_but_not_restored_beside_it():
    staff = make_staff()
    old = Acronym.objects.create(acronym="ODS", meaning_es="Objetivos de Desarrollo Sostenible")
    narrative_row_archive(actor=staff, row=old)
    narrative_row_save(actor=staff, model=Acronym, values={"acronym": "ODS", "meaning_es": "Objetivos"})
    with pytest.raises(ValidationError) as refused:
        narrative_row_restore(actor=staff, row=old)
    assert refused.value.messages == ["Este acrónimo ya está en la lista."]
    assert [a.meaning_es for a in report_data(*PERIOD)["acronyms"]] == ["Objetivos"]


def test_the_archive_page_archives_and_the_list_offers_to_restore(client):
    row = finding(title_es="Garantizar los recursos")
    client.force_login(make_staff())
    url = reverse("reports:narrative-archive", args=["hallazgos", row.pk])
    assert client.get(url).status_code == 200
    response = client.post(url)
    assert response.status_code == 302 and response.url == reverse("reports:narrative-list") + "#hallazgos"
    assert Finding.objects.get().archived_at is not None
    assert client.get(url).status_code == 404
    assert client.get(reverse("reports:narrative-update", args=["hallazgos", row.pk])).status_code == 404
    page = client.get(reverse("reports:narrative-list")).content.decode()
    assert reverse("reports:narrative-restore", args=["hallazgos", row.pk]) in page
    response = client.post(reverse("reports:narrative-restore", args=["hallazgos", row.pk]))
    assert response.status_code == 302
    assert Finding.objects.get().archived_at is None


def test_representatives_cannot_archive_or_restore(client):
    row = finding()
    client.force_login(make_representative())
    assert client.post(reverse("reports:narrative-archive", args=["hallazgos", row.pk])).status_code == 403
    assert client.post(reverse("reports:narrative-restore", args=["hallazgos", row.pk])).status_code == 403
    assert Finding.objects.get().archived_at is None


def test_an_archived_work_is_not_offered_as_a_source(client):
    work("Kept work")
    archived = work("Archived work")
    narrative_row_archive(actor=make_staff(), row=archived)
    client.force_login(make_staff())
    page = client.get(reverse("reports:narrative-create", args=["cifras"])).content.decode()
    assert "Kept work" in page and "Archived work" not in page


def test_restoring_a_row_that_is_not_archived_says_so(client):
    row = finding()
    client.force_login(make_staff())
    response = client.post(reverse("reports:narrative-restore", args=["hallazgos", row.pk]), follow=True)
    assert "No está archivado." in response.content.decode()
