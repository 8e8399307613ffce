"""The wizard's structured steps without JavaScript: moving on saves the row forms typed in, or shows them again."""

import pytest
from django.urls import reverse

from projects.models import ConsortiumMember, Contribution

pytestmark = pytest.mark.django_db

EMPTY_BUDGET = {"form": "budget", "year": "", "source_member": "", "other_source": "", "concept": "", "amount_mxn": ""}


def _step(draft, step):
    return reverse("projects:proposal-edit", args=[draft.pk, step])


def test_structured_steps_move_on_with_a_button_that_sends_their_forms(client, cast, draft):
    client.force_login(cast.lead)
    for step in ("design", "consortium", "alignment", "indicators", "budget", "attachments"):
        page = client.get(_step(draft, step)).content.decode()
        assert 'form="step-rows" name="then" value="next" formnovalidate' in page, step
        assert 'id="step-rows"' in page, step
        assert "Paso siguiente" not in page, step


def test_moving_on_from_an_untouched_step_saves_nothing_and_opens_the_next(client, cast, draft):
    client.force_login(cast.lead)
    lines = draft.budget.count()
    response = client.post(_step(draft, "budget"), {**EMPTY_BUDGET, "then": "next"})
    assert response.status_code == 302 and response["Location"] == _step(draft, "attachments")
    assert draft.budget.count() == lines


def test_moving_on_saves_the_budget_line_that_was_typed(client, cast, draft):
    client.force_login(cast.lead)
    lines = draft.budget.count()
    typed = {**EMPTY_BUDGET, "year": "2027", "other_source": "Fondo municipal", "concept": "Hornos", "amount_mxn": "5"}
    response = client.post(_step(draft, "budget"), {**typed, "then": "next"})
    assert response.status_code == 302 and response["Location"] == _step(draft, "attachments")
    assert draft.budget.count() == lines + 1
    assert draft.budget.filter(concept="Hornos").exists()


def test_moving_on_with_a_half_typed_line_stays_and_keeps_what_was_typed(client, cast, draft):
    client.force_login(cast.lead)
    lines = draft.budget.count()
    response = client.post(_step(draft, "budget"), {**EMPTY_BUDGET, "concept": "Bicicletas de carga", "then": "next"})
    assert response.status_code == 200
    assert {"year", "amount_mxn"} <= set(response.context["forms"]["budget"].errors)
    assert 'value="Bicicletas de carga"' in response.content.decode()
    assert draft.budget.count() == lines


def test_moving_on_from_the_consortium_saves_both_forms_typed_in(client, cast, draft):
    client.force_login(cast.lead)
    lead_member = ConsortiumMember.objects.get(proposal=draft, organization=cast.lead_org)
    contributions = Contribution.objects.filter(member=lead_member).count()
    response = client.post(
        _step(draft, "consortium"),
        {
            "member": lead_member.pk,
            "kind": "technical",
            "description": "Rutas de reparto",
            "amount_mxn": "",
            "organization": cast.outsider_org.pk,
            "then": "next",
        },
    )
    assert response.status_code == 302 and response["Location"] == _step(draft, "problem")
    assert Contribution.objects.filter(member=lead_member).count() == contributions + 1
    assert ConsortiumMember.objects.filter(proposal=draft, organization=cast.outsider_org, status="invited").exists()


def test_adding_a_contribution_also_keeps_the_invitation_typed_beside_it(client, cast, draft):
    client.force_login(cast.lead)
    response = client.post(
        _step(draft, "consortium"),
        {"form": "contribution", "member": "", "kind": "technical", "organization": cast.outsider_org.pk},
    )
    assert response.status_code == 200
    assert "member" in response.context["forms"]["contribution"].errors
    assert ConsortiumMember.objects.filter(proposal=draft, organization=cast.outsider_org).exists()


def test_the_last_step_moves_on_to_review_and_submit(client, cast, draft):
    client.force_login(cast.lead)
    response = client.post(_step(draft, "attachments"), {"form": "attachment", "title": "", "then": "next"})
    assert response.status_code == 302
    assert response["Location"] == reverse("projects:proposal-submit", args=[draft.pk])


def _design(draft, **typed):
    data = {"purpose": draft.purpose, "general_objective": draft.general_objective}
    data.update({"component-title": "", "component-description": ""})
    data.update({f"activity-{name}": "" for name in ("component", "description", "starts_on", "ends_on")})
    data.update(typed)
    return data


def test_moving_on_from_the_design_step_saves_its_texts_and_the_component_typed_in(client, cast, draft):
    client.force_login(cast.lead)
    components = draft.components.count()
    typed = _design(draft, general_objective="Agua segura en 40 escuelas", **{"component-title": "Captación"})
    response = client.post(_step(draft, "design"), {**typed, "then": "next"})
    assert response.status_code == 302 and response["Location"] == _step(draft, "alignment")
    draft.refresh_from_db()
    assert draft.general_objective == "Agua segura en 40 escuelas"
    assert draft.components.count() == components + 1 and draft.components.filter(title="Captación").exists()


def test_a_half_typed_activity_on_the_design_step_stays_with_the_texts_typed(client, cast, draft):
    client.force_login(cast.lead)
    component = draft.components.create(title="Para quitar", position=9)
    typed = _design(
        draft,
        general_objective="Objetivo nuevo",
        **{"activity-component": str(component.pk), "activity-description": "Talleres con docentes"},
    )
    response = client.post(_step(draft, "design"), {**typed, "then": "next"})
    assert response.status_code == 200
    assert {"starts_on", "ends_on"} <= set(response.context["forms"]["activity"].errors)
    page = response.content.decode()
    assert 'value="Talleres con docentes"' in page
    draft.refresh_from_db()
    assert draft.general_objective == "Objetivo nuevo"  # the texts were valid: saved, and shown as saved


def test_the_design_steps_remove_buttons_send_their_own_forms(client, cast, draft):
    client.force_login(cast.lead)
    component = draft.components.create(title="Para quitar", position=9)
    page = client.get(_step(draft, "design")).content.decode()
    assert f'form="remove-component-{component.pk}"' in page
    assert f'id="remove-component-{component.pk}"' in page
    response = client.post(_step(draft, "design"), {"form": "remove", "kind": "component", "row": component.pk})
    assert response.status_code == 302
    assert not draft.components.filter(pk=component.pk).exists()
