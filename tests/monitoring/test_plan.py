"""Starting implementation from a structured proposal, the grace period, revisions and split targets."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation

from monitoring import permissions, services
from monitoring.models import Implementation, IndicatorRevision, Period
from projects.models import ProposalStatus

from .conftest import START, approved_report


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def test_period_bounds_cover_the_implementation_and_cut_the_last_short():
    bounds = services.period_bounds(datetime.date(2024, 1, 15), datetime.date(2025, 2, 28), "half_yearly")
    assert bounds == [
        (datetime.date(2024, 1, 15), datetime.date(2024, 7, 14)),
        (datetime.date(2024, 7, 15), datetime.date(2025, 1, 14)),
        (datetime.date(2025, 1, 15), datetime.date(2025, 2, 28)),
    ]


def test_starting_implementation_builds_periods_milestones_and_indicators_from_the_proposal(scene):
    implementation = scene.implementation
    scene.proposal.refresh_from_db()
    assert scene.proposal.status == ProposalStatus.IN_IMPLEMENTATION
    assert scene.proposal.transitions.first().to_status == ProposalStatus.IN_IMPLEMENTATION
    assert len(scene.periods) == 8
    assert scene.periods[0].starts_on == START and scene.periods[0].ends_on == datetime.date(2024, 3, 31)
    assert scene.periods[0].due_on == datetime.date(2024, 4, 30)
    assert scene.periods[-1].ends_on == datetime.date(2025, 12, 31)
    milestone = implementation.milestones.get()
    assert (milestone.title, milestone.due_on, milestone.responsible_id) == (
        "Diagnóstico",
        datetime.date(2027, 3, 31),
        scene.lead_org.pk,
    )
    assert milestone.component_title == "Logística inversa"
    indicator = scene.indicator
    assert (indicator.name, indicator.unit, indicator.value_type) == ("Toneladas recuperadas", "t", "number")
    assert (indicator.baseline, indicator.target) == (Decimal("0"), Decimal("1000"))
    assert indicator.means_of_verification == "Reportes de los bancos de alimentos"
    assert indicator.sdg_indicator_id is not None


@pytest.mark.parametrize("ends_on", [datetime.date(9999, 12, 31), datetime.date(2101, 1, 1)])
def test_an_end_date_far_ahead_is_refused_with_a_message(cast, structured, ends_on):
    # 9999-12-31 used to build every period up to year 10000 and fail there.
    with pytest.raises(ValidationError) as error:
        services.implementation_start(
            actor=cast.staff, proposal=structured, starts_on=START, ends_on=ends_on, frequency="yearly"
        )
    assert error.value.message_dict == {"ends_on": ["The implementation must end by 2100 at the latest."]}
    assert not Implementation.objects.exists()


def test_only_structured_projects_go_into_implementation(cast, in_review):
    with pytest.raises(ValidationError) as error:
        services.implementation_start(
            actor=cast.staff, proposal=in_review, starts_on=START, ends_on=START.replace(year=2025), frequency="yearly"
        )
    assert error.value.code == "not_structured"


def test_a_project_goes_into_implementation_once(scene):
    with pytest.raises(ValidationError) as error:
        services.implementation_start(
            actor=scene.staff, proposal=scene.proposal, starts_on=START, ends_on=START.replace(year=2026),
            frequency="yearly",
        )  # fmt: skip
    assert error.value.code == "already_started"


def test_bad_dates_frequency_or_grace_are_refused_by_field(cast, structured):
    with pytest.raises(ValidationError) as error:
        services.implementation_start(
            actor=cast.staff, proposal=structured, starts_on=START, ends_on=START, frequency="weekly", grace_days=400
        )
    assert set(error.value.message_dict) == {"ends_on", "frequency", "grace_days"}
    assert not Implementation.objects.exists()


def test_partners_and_outsiders_cannot_start_implementation(cast, structured):
    for person in (cast.lead, cast.partner, cast.outsider, cast.other_chair):
        with pytest.raises(PermissionDenied):
            services.implementation_start(
                actor=person, proposal=structured, starts_on=START, ends_on=START.replace(year=2025), frequency="yearly"
            )


def test_the_chair_may_start_their_committees_project(cast, structured):
    implementation = services.implementation_start(
        actor=cast.chair, proposal=structured, starts_on=START, ends_on=START.replace(year=2025), frequency="yearly"
    )
    assert implementation.periods.count() == 2


def test_percentage_indicator_outside_0_100_is_refused(cast, structured):
    row = structured.indicators.get()
    with pytest.raises(ValidationError) as error:
        services.implementation_start(
            actor=cast.staff, proposal=structured, starts_on=START, ends_on=START.replace(year=2025),
            frequency="yearly", value_types={row.pk: "percentage"},
        )  # fmt: skip
    assert "between 0 and 100" in str(error.value)


def test_staff_set_the_grace_period_and_due_dates_follow(scene):
    services.implementation_set_grace(actor=scene.staff, implementation=scene.implementation, grace_days=45)
    assert Period.objects.get(pk=scene.periods[0].pk).due_on == datetime.date(2024, 5, 15)
    with pytest.raises(PermissionDenied):
        services.implementation_set_grace(actor=scene.chair, implementation=scene.implementation, grace_days=10)


def test_before_any_approved_report_an_indicator_changes_without_revision(scene):
    services.indicator_revise(actor=scene.secretary, indicator=scene.indicator, target=Decimal("1200"))
    scene.indicator.refresh_from_db()
    assert scene.indicator.target == Decimal("1200")
    assert not IndicatorRevision.objects.exists()


def test_after_the_first_approved_report_a_change_needs_a_reason_and_is_recorded(scene):
    approved_report(scene)
    with pytest.raises(ValidationError) as error:
        services.indicator_revise(actor=scene.secretary, indicator=scene.indicator, target=Decimal("1200"))
    assert error.value.message_dict == {
        "reason": ["This project already has an approved report: say why the indicator changes."]
    }
    services.indicator_revise(
        actor=scene.secretary, indicator=scene.indicator, target=Decimal("1200"), reason="Se sumó una cadena."
    )
    revision = IndicatorRevision.objects.get()
    assert revision.changes == {"target": ["1000.00", "1200"]}
    assert revision.reason == "Se sumó una cadena." and revision.changed_by == scene.secretary


def test_reporters_cannot_revise_indicators(scene):
    with pytest.raises(PermissionDenied):
        services.indicator_revise(actor=scene.lead, indicator=scene.indicator, target=Decimal("1"))


@pytest.mark.parametrize("who", ["second_lead", "partner"])
def test_an_approver_in_the_consortium_cannot_revise_its_indicators(scene, client, who):
    # A secretary who represents the lead organization or a partner would move their own project's light.
    from committees import services as committee_services
    from committees.permissions import forget_standing

    person = getattr(scene, who)
    organization = scene.lead_org if who == "second_lead" else scene.partner_org
    committee_services.membership_add(actor=scene.staff, committee=scene.committee, organization=organization)
    committee_services.post_appoint(actor=scene.staff, committee=scene.committee, kind="secretary", holder=person)
    forget_standing(person)
    assert not permissions.can_revise_indicators(person, scene.implementation)
    with pytest.raises(PermissionDenied):
        services.indicator_revise(actor=person, indicator=scene.indicator, target=Decimal("1"))
    with pytest.raises(PermissionDenied):
        services.indicator_split_target(
            actor=person, indicator=scene.indicator, targets=dict.fromkeys(scene.periods, "125")
        )
    client.force_login(person)
    assert client.get(f"/seguimiento/indicador/{scene.indicator.pk}/").status_code == 403
    page = client.get(scene.implementation.get_absolute_url())
    assert page.status_code == 200
    assert f"/seguimiento/indicador/{scene.indicator.pk}/" not in page.content.decode()
    assert permissions.can_revise_indicators(scene.chair, scene.implementation)


def test_a_target_split_must_add_up_to_the_target(scene):
    targets = dict.fromkeys(scene.periods, "100")
    with pytest.raises(ValidationError) as error:
        services.indicator_split_target(actor=scene.secretary, indicator=scene.indicator, targets=targets)
    assert error.value.code == "split_does_not_add_up"
    assert error.value.messages == [
        "The targets by period add up to 800.00, but from the baseline (0.00) to the target (1000.00) the indicator "
        "must gain 1000.00; they must match."
    ]
    targets[scene.periods[-1]] = "300"
    services.indicator_split_target(actor=scene.secretary, indicator=scene.indicator, targets=targets)
    assert sum(t.value for t in scene.indicator.period_targets.all()) == Decimal("1000")


def test_a_target_split_refuses_words_and_negative_values(scene):
    with pytest.raises(ValidationError) as error:
        services.indicator_split_target(
            actor=scene.secretary, indicator=scene.indicator, targets={scene.periods[0]: "mucho"}
        )
    assert error.value.message_dict == {f"period_{scene.periods[0].pk}": ["“mucho” is not a number."]}


def test_the_database_refuses_an_implementation_that_ends_before_it_starts(scene):
    with pytest.raises(IntegrityError), transaction.atomic():
        Implementation.objects.filter(pk=scene.implementation.pk).update(ends_on=datetime.date(2020, 1, 1))


def test_saving_the_same_split_again_after_an_approved_report_is_no_revision(scene):
    targets = dict.fromkeys(scene.periods, "100")
    targets[scene.periods[-1]] = "300"
    services.indicator_split_target(actor=scene.secretary, indicator=scene.indicator, targets=targets)
    approved_report(scene)
    revisions = IndicatorRevision.objects.count()
    # Typed as before ("100", stored "100.00"): no reason asked, nothing recorded.
    services.indicator_split_target(actor=scene.secretary, indicator=scene.indicator, targets=targets)
    assert IndicatorRevision.objects.count() == revisions


def test_changing_a_split_after_an_approved_report_is_recorded_with_its_reason(scene):
    targets = dict.fromkeys(scene.periods, "100")
    targets[scene.periods[-1]] = "300"
    services.indicator_split_target(actor=scene.secretary, indicator=scene.indicator, targets=targets)
    approved_report(scene)
    targets[scene.periods[0]], targets[scene.periods[-1]] = "200", "200"
    with pytest.raises(ValidationError):
        services.indicator_split_target(actor=scene.secretary, indicator=scene.indicator, targets=targets)
    services.indicator_split_target(
        actor=scene.secretary, indicator=scene.indicator, targets=targets, reason="Arranque más rápido"
    )
    revision = IndicatorRevision.objects.latest("pk")
    assert revision.reason == "Arranque más rápido"
    before, after = revision.changes["period_targets"]
    assert before[str(scene.periods[0].pk)] == "100.00" and after[str(scene.periods[0].pk)] == "200.00"


def test_revising_the_target_of_a_split_indicator_must_keep_the_split_adding_up(scene):
    targets = dict.fromkeys(scene.periods, "125")
    services.indicator_split_target(actor=scene.secretary, indicator=scene.indicator, targets=targets)
    with pytest.raises(ValidationError) as error:
        services.indicator_revise(actor=scene.secretary, indicator=scene.indicator, target="1200")
    assert error.value.code == "split_does_not_add_up"
    assert "the parts add up to 1000.00" in error.value.messages[0]
    scene.indicator.refresh_from_db()
    assert scene.indicator.target == Decimal("1000")
    services.indicator_revise(actor=scene.secretary, indicator=scene.indicator, baseline="200", target="1200")
    scene.indicator.refresh_from_db()
    assert scene.indicator.target == Decimal("1200")
