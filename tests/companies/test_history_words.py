"""Checklist saves, attached documents and priorities read in words in the history, never as stored codes."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from audit.labels import readable_changes
from audit.models import AuditEvent
from audit.selectors import events_for
from companies import services
from companies.models import Finding, RiskQuestion
from sdg.models import Goal

pytestmark = pytest.mark.django_db


def _rows(target):
    return [row for event in readable_changes(events_for(target)) for row in event.readable_changes]


def test_a_review_history_names_questions_findings_notes_and_documents(client, staff, org_a):
    review = services.review_start(actor=staff, organization=org_a)
    answers = dict.fromkeys(RiskQuestion.values, (Finding.NOT_CHECKED, ""))
    answers["conflict_of_interest"] = (Finding.NO_CONCERN, "")
    services.checklist_save(actor=staff, review=review, answers=answers, summary="")
    answers["reputation"] = (Finding.NOT_CHECKED, "Notas de prensa revisadas.")
    services.checklist_save(actor=staff, review=review, answers=answers, summary="")
    services.evidence_add(
        actor=staff, review=review, title="Constancia", file=SimpleUploadedFile("constancia.pdf", b"%PDF-1.4 x")
    )
    with translation.override("es"):
        rows = _rows(review)
    assert (
        "Conflictos de interés con la AMEXCID o sus servidores públicos",
        "Aún sin revisar",
        "Sin hallazgos",
    ) in rows
    assert ("Riesgo reputacional", "Aún sin revisar", "Aún sin revisar (notas modificadas)") in rows
    codes = {"conflict_of_interest", "reputation", "evidence", "not_checked", "no_concern"}
    assert not codes & {str(value) for row in rows for value in row}
    assert any("(notas modificadas)" in str(row[2]) for row in rows)
    assert any(row[0] == "Evidencia" and row[2] == "constancia.pdf" for row in rows)
    with translation.override("en"):
        rows = _rows(review)
    assert any(row[2] == "No concern found" for row in rows)
    assert any("(notes changed)" in str(row[2]) for row in rows)
    client.force_login(staff)
    page = client.get(reverse("companies:due-diligence-detail", args=[org_a.pk, review.pk])).content.decode()
    page = page[page.index("axs-history") :]  # the open review's forms above carry the codes as option values
    assert "Sin hallazgos" in page and "Evidencia" in page
    assert "not_checked" not in page and "no_concern" not in page and ">evidence<" not in page


def test_an_organization_history_names_priority_sdgs_and_roles(client, staff, org_a):
    goals = [Goal.objects.get(number=12), Goal.objects.get(number=9)]
    services.priorities_set(
        actor=staff, organization=org_a, goals=goals, alliance_roles=["join_consortia", "technical_expertise"]
    )
    [event] = readable_changes(events_for(org_a).filter(action=AuditEvent.Action.UPDATED))
    with translation.override("es"):
        [event] = readable_changes([event])
        rows = {str(name): (before, after) for name, before, after in event.readable_changes}
    assert rows["ODS prioritarios"] == (None, "ODS 12, ODS 9")
    assert "join_consortia" not in str(rows) and "technical_expertise" not in str(rows)
    client.force_login(staff)
    page = client.get(org_a.get_absolute_url()).content.decode()
    assert "ODS 12, ODS 9" in page and "sdg_priorities" not in page and "join_consortia" not in page
