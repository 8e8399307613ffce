"""The report's workflow and its rules: who writes, who approves, typed values, frozen approvals."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from audit.models import AuditEvent
from monitoring import permissions, selectors, services
from monitoring.models import Milestone, Report, ReportStatus
from monitoring.services import notify

from .conftest import approved_report, filled_report


@pytest.fixture(autouse=True)
def _english():
    """Read the refusals in English (the msgids); one test reads one in Spanish."""
    with translation.override("en"):
        yield


def test_refusals_are_in_the_persons_language(scene):
    report = filled_report(scene)
    with translation.override("es"), pytest.raises(ValidationError) as error:
        services.report_save(actor=scene.lead, report=report, values={scene.indicator.pk: "x"}, achievements="x")
    assert error.value.message_dict == {
        f"value_{scene.indicator.pk}": ["“x” no es un número; escriba cifras y punto decimal, como 1250.5 o 1,250.5."]
    }


def test_a_report_goes_from_draft_to_submitted_to_returned_to_resubmitted_to_approved(scene):
    report = filled_report(scene)
    services.report_submit(actor=scene.lead, report=report)
    services.report_return(actor=scene.secretary, report=report, comments="Falta la evidencia de febrero.")
    report.refresh_from_db()
    assert report.status == ReportStatus.RETURNED and report.comments == "Falta la evidencia de febrero."
    services.report_save(
        actor=scene.lead, report=report, values={scene.indicator.pk: "260"}, achievements="Se recuperaron 260 t."
    )
    services.report_submit(actor=scene.lead, report=report, reply="Se añadió la evidencia de febrero.")
    services.report_approve(actor=scene.chair, report=report)
    report.refresh_from_db()
    assert report.status == ReportStatus.APPROVED and report.decided_by == scene.chair
    steps = [(e.from_status, e.to_status, e.actor, e.reason) for e in report.events.all()]
    assert steps == [
        ("", "draft", scene.lead, ""),
        ("draft", "submitted", scene.lead, ""),
        ("submitted", "returned", scene.secretary, "Falta la evidencia de febrero."),
        ("returned", "submitted", scene.lead, "Se añadió la evidencia de febrero."),
        ("submitted", "approved", scene.chair, ""),
    ]
    actions = list(AuditEvent.objects.filter(action__startswith="monitoring.report_").values_list("action", flat=True))
    assert actions.count("monitoring.report_submitted") == 2 and "monitoring.report_approved" in actions


def test_only_the_lead_organizations_representatives_report(scene):
    for person in (scene.partner, scene.outsider, scene.chair, scene.staff):
        with pytest.raises(PermissionDenied):
            services.report_start(actor=person, period=scene.periods[0])


def test_only_secretary_chair_or_staff_approve(scene):
    report = filled_report(scene)
    services.report_submit(actor=scene.lead, report=report)
    for person in (scene.partner, scene.outsider, scene.second_lead, scene.other_chair):
        with pytest.raises(PermissionDenied):
            services.report_approve(actor=person, report=report)
    services.report_approve(actor=scene.staff, report=report)


def test_nobody_approves_a_report_they_submitted(scene):
    from committees import services as committee_services
    from committees.permissions import forget_standing

    # The lead's representative also becomes the committee's secretary: still not their own report.
    committee_services.membership_add(actor=scene.staff, committee=scene.committee, organization=scene.lead_org)
    committee_services.post_appoint(actor=scene.staff, committee=scene.committee, kind="secretary", holder=scene.lead)
    forget_standing(scene.lead)
    report = filled_report(scene)
    services.report_submit(actor=scene.lead, report=report)
    with pytest.raises(ValidationError) as error:
        services.report_approve(actor=scene.lead, report=report)
    assert error.value.code == "own"
    assert "someone else must approve" in error.value.messages[0]


def test_the_database_refuses_a_report_decided_by_its_submitter(scene):
    report = filled_report(scene)
    with pytest.raises(IntegrityError), transaction.atomic():
        Report.objects.filter(pk=report.pk).update(submitted_by=scene.lead, decided_by=scene.lead)


def test_a_report_for_a_period_that_has_not_started_is_refused(scene):
    with pytest.raises(ValidationError) as error:
        services.report_start(actor=scene.lead, period=scene.periods[1], today=datetime.date(2024, 2, 1))
    assert error.value.code == "period_not_started"
    assert "starts on 04/01/2024" in error.value.messages[0]


def test_one_report_in_progress_per_period(scene):
    filled_report(scene)
    with pytest.raises(ValidationError) as error:
        services.report_start(actor=scene.second_lead, period=scene.periods[0])
    assert error.value.code == "open_report_exists"


def test_an_approved_report_is_frozen_and_a_correction_is_a_new_version(scene):
    report = approved_report(scene)
    with pytest.raises(ValidationError) as error:
        services.report_save(actor=scene.lead, report=report, values={scene.indicator.pk: "1"}, achievements="x")
    assert error.value.code == "frozen"
    correction = services.report_start(actor=scene.lead, period=scene.periods[0])
    assert correction.version == 2 and correction.status == ReportStatus.DRAFT
    assert correction.values.get().number == Decimal("250.00")
    assert correction.events.get().reason == "Correction of version 1"
    report.refresh_from_db()
    assert report.status == ReportStatus.APPROVED and report.values.get().number == Decimal("250.00")


def test_a_submitted_report_cannot_be_edited(scene):
    report = filled_report(scene)
    services.report_submit(actor=scene.lead, report=report)
    with pytest.raises(ValidationError) as error:
        services.report_save(actor=scene.lead, report=report, values={}, achievements="x")
    assert error.value.code == "submitted"


def test_a_value_of_the_wrong_type_is_refused_and_nothing_is_saved(scene):
    report = filled_report(scene)
    with pytest.raises(ValidationError) as error:
        services.report_save(
            actor=scene.lead, report=report, values={scene.indicator.pk: "doscientos"}, achievements="Otro texto"
        )
    assert error.value.message_dict == {
        f"value_{scene.indicator.pk}": [
            "“doscientos” is not a number; write digits and a decimal point, such as 1250.5 or 1,250.5."
        ]
    }
    report.refresh_from_db()
    assert report.achievements == "Se recuperaron 250 toneladas." and report.values.get().number == Decimal("250")


def test_percentages_yes_no_and_text_are_checked_by_type(scene):
    indicator = scene.indicator
    report = filled_report(scene)
    for value_type, raw, message in (
        ("percentage", "140", "A percentage is between 0 and 100; you wrote 140."),
        ("yes_no", "maybe", "Answer yes or no."),
    ):
        indicator.value_type = value_type
        indicator.baseline, indicator.target = (Decimal(0), Decimal(80)) if value_type == "percentage" else (None, None)
        indicator.save()
        with pytest.raises(ValidationError) as error:
            services.report_save(actor=scene.lead, report=report, values={indicator.pk: raw}, achievements="x")
        assert error.value.message_dict == {f"value_{indicator.pk}": [message]}
    services.report_save(actor=scene.lead, report=report, values={indicator.pk: "yes"}, achievements="x")
    assert report.values.get().yes_no is True
    indicator.value_type = "text"
    indicator.save()
    services.report_save(actor=scene.lead, report=report, values={indicator.pk: " Manual publicado "}, achievements="x")
    assert report.values.get().text == "Manual publicado"


def test_disaggregation_must_use_the_indicators_categories_and_add_up(scene):
    scene.indicator.disaggregation = ["Mujeres", "Hombres"]
    scene.indicator.save()
    report = filled_report(scene)
    field = f"value_{scene.indicator.pk}"
    with pytest.raises(ValidationError) as error:
        services.report_save(
            actor=scene.lead, report=report, values={scene.indicator.pk: "250"},
            parts={scene.indicator.pk: {"Mujeres": "100", "Hombres": "100"}}, achievements="x",
        )  # fmt: skip
    assert error.value.message_dict == {
        field: ["The parts add up to 200.00, but the value is 250.00; they must match."]
    }
    with pytest.raises(ValidationError) as error:
        services.report_save(
            actor=scene.lead, report=report, values={scene.indicator.pk: "250"},
            parts={scene.indicator.pk: {"Niños": "250"}}, achievements="x",
        )  # fmt: skip
    assert error.value.message_dict == {field: ["“Niños” is not a category of this indicator."]}
    services.report_save(
        actor=scene.lead, report=report, values={scene.indicator.pk: "250"},
        parts={scene.indicator.pk: {"Mujeres": "140", "Hombres": "110"}}, achievements="x",
    )  # fmt: skip
    assert report.values.get().disaggregation == {"Mujeres": "140.00", "Hombres": "110.00"}


def test_submitting_needs_every_value_and_the_achievements(scene):
    report = services.report_start(actor=scene.lead, period=scene.periods[0])
    with pytest.raises(ValidationError) as error:
        services.report_submit(actor=scene.lead, report=report)
    # Both at once: the reporter does not discover the second after fixing the first.
    assert error.value.message_dict == {
        "__all__": ["Report a value for every indicator before submitting; missing: Toneladas recuperadas."],
        "achievements": ["Describe the period's achievements."],
    }
    assert [e.code for errors in error.value.error_dict.values() for e in errors] == [
        "values_missing",
        "achievements_missing",
    ]
    services.report_save(actor=scene.lead, report=report, values={scene.indicator.pk: "3"})
    with pytest.raises(ValidationError) as error:
        services.report_submit(actor=scene.lead, report=report)
    assert error.value.message_dict == {"achievements": ["Describe the period's achievements."]}


def test_returning_needs_comments(scene):
    report = filled_report(scene)
    services.report_submit(actor=scene.lead, report=report)
    with pytest.raises(ValidationError) as error:
        services.report_return(actor=scene.secretary, report=report, comments="  ")
    assert error.value.message_dict == {"comments": ["Say what should change; the reporters will read it."]}


def test_approval_marks_the_reported_milestones_reached_at_the_periods_end(scene):
    milestone = scene.implementation.milestones.get()
    report = filled_report(scene)
    services.report_save(
        actor=scene.lead, report=report, values={scene.indicator.pk: "5"}, achievements="x", milestones=[milestone]
    )
    services.report_submit(actor=scene.lead, report=report)
    assert Milestone.objects.get(pk=milestone.pk).reached_on is None
    services.report_approve(actor=scene.secretary, report=report)
    assert Milestone.objects.get(pk=milestone.pk).reached_on == scene.periods[0].ends_on


def test_deliveries_are_recorded_against_pledged_contributions(scene):
    pledged = {c.member.is_lead: c for c in scene.proposal.consortium.get(is_lead=True).contributions.all()}
    contribution = pledged[True]
    report = filled_report(scene)
    with pytest.raises(ValidationError) as error:
        services.report_save(actor=scene.lead, report=report, values={scene.indicator.pk: "1"}, achievements="x",
                             deliveries={contribution.pk: ("-5", "")})  # fmt: skip
    assert error.value.message_dict == {f"delivered_{contribution.pk}": ["An amount delivered cannot be negative."]}
    services.report_save(actor=scene.lead, report=report, values={scene.indicator.pk: "1"}, achievements="x",
                         deliveries={contribution.pk: ("150000", "Primera ministración")})  # fmt: skip
    delivery = report.deliveries.get()
    assert (delivery.amount_mxn, delivery.note) == (Decimal("150000"), "Primera ministración")


def test_a_negative_budget_executed_is_refused(scene):
    report = filled_report(scene)
    with pytest.raises(ValidationError) as error:
        services.report_save(actor=scene.lead, report=report, budget_executed_mxn="-1", achievements="x")
    assert error.value.message_dict == {"budget_executed_mxn": ["The budget executed cannot be negative."]}


@pytest.mark.parametrize("raw", ["3400000000000", "100,000,000,000,000", "999999999999.995"])
def test_an_amount_the_column_cannot_hold_is_refused_with_a_message_and_nothing_is_saved(scene, raw):
    # 14 digits, two of them decimals: 999,999,999,999.995 rounds up to a trillion, one digit too many.
    contribution = scene.proposal.consortium.get(is_lead=True).contributions.first()
    report = filled_report(scene)
    too_large = ["This amount is too large; amounts are below one trillion pesos."]
    with pytest.raises(ValidationError) as error:
        services.report_save(actor=scene.lead, report=report, budget_executed_mxn=raw, achievements="x")
    assert error.value.message_dict == {"budget_executed_mxn": too_large}
    with pytest.raises(ValidationError) as error:
        services.report_save(actor=scene.lead, report=report, values={scene.indicator.pk: "1"}, achievements="x",
                             deliveries={contribution.pk: (raw, "")})  # fmt: skip
    assert error.value.message_dict == {f"delivered_{contribution.pk}": too_large}
    report.refresh_from_db()
    assert report.budget_executed_mxn == Decimal("120000") and not report.deliveries.exists()
    services.report_save(actor=scene.lead, report=report, budget_executed_mxn="999999999999.994", achievements="x")
    report.refresh_from_db()
    assert report.budget_executed_mxn == Decimal("999999999999.99")


def test_a_value_that_rounds_past_the_largest_number_is_refused(scene):
    report = filled_report(scene)
    with pytest.raises(ValidationError) as error:
        services.report_save(
            actor=scene.lead, report=report, values={scene.indicator.pk: "99999999999999.999"}, achievements="x"
        )
    assert error.value.message_dict == {f"value_{scene.indicator.pk}": ["This number is too large."]}
    assert report.values.get().number == Decimal("250")


def test_a_milestone_reported_before_its_period_ends_is_reached_on_the_day_the_report_was_sent(scene):
    # A report may be approved while its period runs: the milestone is not dated at the period's end, ahead.
    milestone = scene.implementation.milestones.get()
    report = filled_report(scene)
    services.report_save(
        actor=scene.lead, report=report, values={scene.indicator.pk: "5"}, achievements="x", milestones=[milestone]
    )
    services.report_submit(actor=scene.lead, report=report)
    sent = timezone.make_aware(datetime.datetime(2024, 2, 10, 12))
    Report.objects.filter(pk=report.pk).update(submitted_at=sent)
    services.report_approve(actor=scene.secretary, report=report)
    assert Milestone.objects.get(pk=milestone.pk).reached_on == datetime.date(2024, 2, 10)


def test_evidence_is_checked_by_content_and_size(scene, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    report = filled_report(scene)
    fake = SimpleUploadedFile("informe.pdf", b"<html>not a pdf</html>", content_type="application/pdf")
    with pytest.raises(ValidationError) as error:
        services.evidence_add(actor=scene.lead, report=report, title="Lista de asistencia", upload=fake)
    assert list(error.value.message_dict) == ["file"]
    big = SimpleUploadedFile("grande.pdf", b"%PDF-1.4\n" + b"0" * services.EVIDENCE_MAX_BYTES)
    with pytest.raises(ValidationError) as error:
        services.evidence_add(actor=scene.lead, report=report, title="Grande", upload=big)
    assert "the limit is 10.0" in error.value.message_dict["file"][0]
    good = SimpleUploadedFile("lista.pdf", b"%PDF-1.4\n%%EOF\n")
    evidence = services.evidence_add(actor=scene.lead, report=report, title="Lista de asistencia", upload=good)
    assert evidence.original_name == "lista.pdf" and evidence.size == len(b"%PDF-1.4\n%%EOF\n")


def _appoint_secretary(scene, organization, person):
    """Make ``organization`` a member of the project's committee and ``person`` its secretary."""
    from committees import services as committee_services
    from committees.permissions import forget_standing

    committee_services.membership_add(actor=scene.staff, committee=scene.committee, organization=organization)
    committee_services.post_appoint(actor=scene.staff, committee=scene.committee, kind="secretary", holder=person)
    forget_standing(person)


def test_an_approver_who_reports_for_the_lead_organization_does_not_decide_a_colleagues_report(scene):
    # The lead's second representative is also the committee's secretary; a colleague submits.
    _appoint_secretary(scene, scene.lead_org, scene.second_lead)
    report = filled_report(scene)
    services.report_submit(actor=scene.lead, report=report)
    assert not permissions.can_decide(scene.second_lead, report)
    with pytest.raises(ValidationError) as error:
        services.report_approve(actor=scene.second_lead, report=report)
    assert error.value.code == "own_organization"
    services.report_approve(actor=scene.staff, report=report)  # staff decide whatever organization they are


def test_a_huge_disaggregation_part_is_refused_with_a_message(scene):
    from monitoring.services.common import typed_parts

    scene.indicator.disaggregation = ["Mujeres", "Hombres"]
    with pytest.raises(ValidationError) as error:
        typed_parts(scene.indicator, None, {"Mujeres": "1" + "0" * 30})
    assert error.value.message_dict == {f"value_{scene.indicator.pk}": ["This number is too large."]}


def test_an_approver_who_represents_a_partner_of_the_consortium_is_refused(scene):
    # The partner's representative is also the committee's secretary: they may not judge their own project's report.
    _appoint_secretary(scene, scene.partner_org, scene.partner)
    report = filled_report(scene)
    services.report_submit(actor=scene.lead, report=report)
    # The page offers them no decision and the notice that a report waits does not go to them.
    assert not permissions.can_decide(scene.partner, report)
    assert scene.partner not in notify.approvers(scene.implementation, submitted_by=scene.lead)
    assert not selectors.approval_queue(scene.partner).exists()
    assert list(selectors.approval_queue(scene.chair)) == [report]
    assert permissions.can_decide(scene.chair, report)
    for step in (services.report_approve, services.report_return):
        with pytest.raises(ValidationError) as error:
            step(actor=scene.partner, report=report, **({"comments": "x"} if step is services.report_return else {}))
        assert error.value.code == "consortium_partner"
    with translation.override("es"), pytest.raises(ValidationError) as error:
        services.report_approve(actor=scene.partner, report=report)
    assert error.value.messages == [
        "Usted representa a una organización del consorcio del proyecto; "
        "debe aprobarlo o devolverlo una persona ajena al consorcio."
    ]
    report.refresh_from_db()
    assert report.status == ReportStatus.SUBMITTED
    services.report_approve(actor=scene.chair, report=report)
