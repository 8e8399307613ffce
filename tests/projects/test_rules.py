"""Bad input: each refused with a clear message next to the field concerned."""

import io
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from projects import checklist, selectors, services
from projects.criteria import Criterion
from projects.models import Contribution
from sdg.models import Indicator, Target
from tests.factories import make_organization

pytestmark = pytest.mark.django_db


def _missing(proposal):
    return [item.label for item in checklist.missing(selectors.proposal_full().get(pk=proposal.pk))]


def test_partner_that_is_not_an_active_member_is_refused(cast, draft):
    suspended = make_organization(actor=cast.staff, status="suspended")
    with pytest.raises(ValidationError) as error:
        services.partner_invite(actor=cast.lead, proposal=draft, organization=suspended)
    assert "organization" in error.value.message_dict


def test_representative_of_a_suspended_organization_cannot_start_a_proposal(cast):
    from companies import services as company_services

    company_services.participation_change(
        actor=cast.staff, organization=cast.outsider_org, to_status="suspended", reason="Prueba"
    )
    cast.outsider = type(cast.outsider).objects.get(pk=cast.outsider.pk)
    with pytest.raises(PermissionDenied):
        services.proposal_start(actor=cast.outsider, call=cast.call, title="No")


def test_contributions_that_do_not_add_up_to_the_budget_block_submission(cast, draft):
    lead_member = draft.consortium.get(is_lead=True)
    services.budget_line_add(
        actor=cast.lead, proposal=draft, year=2028, concept="Extra", amount_mxn=Decimal("1"), source_member=lead_member
    )
    assert any("funds in the budget" in label or "financia en el presupuesto" in label for label in _missing(draft))
    with pytest.raises(ValidationError):
        services.proposal_submit(actor=cast.lead, proposal=draft)


def test_financial_contribution_without_amount_is_refused_next_to_the_amount(cast, draft):
    member = draft.consortium.get(is_lead=True)
    with pytest.raises(ValidationError) as error:
        services.contribution_add(actor=cast.lead, member=member, kind="financial")
    assert "amount_mxn" in error.value.message_dict


def test_in_kind_contribution_needs_a_description_and_an_estimated_value(cast, draft):
    member = draft.consortium.get(is_lead=True)
    with pytest.raises(ValidationError) as error:
        services.contribution_add(actor=cast.lead, member=member, kind="in_kind")
    assert set(error.value.message_dict) == {"amount_mxn", "description"}
    contribution = services.contribution_add(
        actor=cast.lead, member=member, kind="in_kind", description="Bodega", amount_mxn=Decimal("20000")
    )
    assert Contribution.objects.get(pk=contribution.pk).amount_mxn == Decimal("20000")


def test_partner_states_its_own_contribution_but_not_anothers(cast, draft):
    lead_member = draft.consortium.get(is_lead=True)
    with pytest.raises(PermissionDenied):
        services.contribution_add(actor=cast.partner, member=lead_member, kind="technical", description="x")


def _indicator(**overrides):
    fields = {
        "component": None,
        "name": "Indicador",
        "unit": "u",
        "baseline_value": Decimal(0),
        "baseline_year": 2026,
        "target_value": Decimal(10),
        "target_year": 2028,
        "means_of_verification": "Informe",
        "sdg_indicator": None,
    }
    fields.update(overrides)
    return fields


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"baseline_value": None}, "baseline_value"),
        ({"means_of_verification": ""}, "means_of_verification"),
        ({"target_year": 2020}, "target_year"),
    ],
)
def test_indicator_rules_are_refused_next_to_the_field(cast, draft, overrides, field):
    with pytest.raises(ValidationError) as error:
        services.indicator_add(actor=cast.lead, proposal=draft, **_indicator(**overrides))
    assert field in error.value.message_dict


def test_linked_sdg_indicator_must_be_one_the_proposal_is_aligned_with(cast, draft):
    foreign = Indicator.objects.get(code="7.1.1")
    with pytest.raises(ValidationError) as error:
        services.indicator_add(actor=cast.lead, proposal=draft, **_indicator(sdg_indicator=foreign))
    assert "sdg_indicator" in error.value.message_dict


def test_sdg_indicator_of_another_target_is_refused(cast, draft):
    target = Target.objects.get(code="12.3")
    other = Indicator.objects.get(code="12.5.1")
    with pytest.raises(ValidationError) as error:
        services.alignment_add(actor=cast.lead, proposal=draft, target=target, indicators=[other])
    assert "12.5.1" in error.value.message_dict["indicators"][0]


def _png():
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4)).save(buffer, "PNG")
    return buffer.getvalue()


def test_attachment_whose_content_does_not_match_its_name_is_refused(cast, draft):
    fake = SimpleUploadedFile("estudio.pdf", b"MZ not a pdf at all", content_type="application/pdf")
    with pytest.raises(ValidationError) as error:
        services.attachment_add(actor=cast.lead, proposal=draft, title="Estudio", upload=fake)
    assert error.value.error_dict["file"][0].code == "attachment_content"


def test_oversized_attachment_is_refused(cast, draft, monkeypatch):
    monkeypatch.setattr("projects.validators.validate_attachment.max_bytes", 10)
    big = SimpleUploadedFile("estudio.pdf", b"%PDF-1.4 and more than ten bytes", content_type="application/pdf")
    with pytest.raises(ValidationError) as error:
        services.attachment_add(actor=cast.lead, proposal=draft, title="Estudio", upload=big)
    assert error.value.error_dict["file"][0].code == "file_too_large"


def test_wrong_extension_is_refused_and_a_real_png_is_kept(cast, draft, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    with pytest.raises(ValidationError):
        services.attachment_add(actor=cast.lead, proposal=draft, title="x", upload=SimpleUploadedFile("x.exe", b"MZ"))
    attachment = services.attachment_add(
        actor=cast.lead, proposal=draft, title="Mapa", upload=SimpleUploadedFile("mapa.png", _png())
    )
    assert attachment.size > 0
    services.attachment_remove(actor=cast.lead, attachment=attachment)
    attachment.refresh_from_db()
    assert attachment.removed_at is not None


def test_evaluator_must_declare_before_scoring(cast, in_review):
    evaluation = services.evaluator_assign(actor=cast.staff, proposal=in_review, evaluator=cast.evaluator)
    with pytest.raises(ValidationError) as error:
        services.scores_save(actor=cast.evaluator, evaluation=evaluation, scores={"axs_cooperation": (3, "")})
    assert error.value.code == "declare_first"


def test_scoring_after_declaring_a_conflict_is_refused(cast, in_review):
    evaluation = services.evaluator_assign(actor=cast.staff, proposal=in_review, evaluator=cast.evaluator)
    services.conflict_declare(actor=cast.evaluator, evaluation=evaluation, has_conflict=True, statement="Trabajé ahí")
    with pytest.raises(ValidationError) as error:
        services.scores_save(actor=cast.evaluator, evaluation=evaluation, scores={"axs_cooperation": (3, "")})
    assert error.value.code == "conflict"


def test_a_conflict_needs_a_statement(cast, in_review):
    evaluation = services.evaluator_assign(actor=cast.staff, proposal=in_review, evaluator=cast.evaluator)
    with pytest.raises(ValidationError) as error:
        services.conflict_declare(actor=cast.evaluator, evaluation=evaluation, has_conflict=True)
    assert "conflict_statement" in error.value.message_dict


def test_score_outside_0_to_5_is_refused_next_to_the_criterion(cast, in_review):
    evaluation = services.evaluator_assign(actor=cast.staff, proposal=in_review, evaluator=cast.evaluator)
    services.conflict_declare(actor=cast.evaluator, evaluation=evaluation, has_conflict=False)
    with pytest.raises(ValidationError) as error:
        services.scores_save(actor=cast.evaluator, evaluation=evaluation, scores={"axs_funds": (6, "")})
    assert "score_axs_funds" in error.value.message_dict


def test_submitting_an_evaluation_needs_every_criterion(cast, in_review):
    evaluation = services.evaluator_assign(actor=cast.staff, proposal=in_review, evaluator=cast.evaluator)
    services.conflict_declare(actor=cast.evaluator, evaluation=evaluation, has_conflict=False)
    with pytest.raises(ValidationError) as error:
        services.scores_save(actor=cast.evaluator, evaluation=evaluation, scores={"axs_funds": (4, "")}, submit=True)
    assert len(error.value.message_dict) == len(Criterion) - 1
    done = services.scores_save(
        actor=cast.evaluator, evaluation=evaluation, scores={c.value: (4, "ok") for c in Criterion}, submit=True
    )
    assert done.is_submitted


def test_only_evaluators_can_be_assigned_and_only_once(cast, in_review):
    with pytest.raises(ValidationError):
        services.evaluator_assign(actor=cast.staff, proposal=in_review, evaluator=cast.partner)
    services.evaluator_assign(actor=cast.chair, proposal=in_review, evaluator=cast.evaluator)
    with pytest.raises(ValidationError):
        services.evaluator_assign(actor=cast.staff, proposal=in_review, evaluator=cast.evaluator)
    with pytest.raises(PermissionDenied):
        services.evaluator_assign(actor=cast.other_chair, proposal=in_review, evaluator=cast.evaluator)


def test_call_cannot_close_before_it_opens(cast):
    import datetime

    with pytest.raises(ValidationError):
        services.call_create(
            actor=cast.staff,
            committee=cast.committee,
            title="Mal",
            opens_on=datetime.date(2027, 1, 2),
            closes_on=datetime.date(2027, 1, 1),
        )


def test_chair_opens_calls_only_for_their_committee(cast):
    import datetime

    call = services.call_create(
        actor=cast.chair,
        committee=cast.committee,
        title="Del presidente",
        opens_on=datetime.date(2027, 1, 1),
        closes_on=datetime.date(2027, 2, 1),
    )
    assert call.pk
    with pytest.raises(PermissionDenied):
        services.call_create(
            actor=cast.chair,
            committee=cast.other_committee,
            title="Ajeno",
            opens_on=datetime.date(2027, 1, 1),
            closes_on=datetime.date(2027, 2, 1),
        )
