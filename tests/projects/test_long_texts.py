"""Free-text fields of the evaluation and the consortium have a length limit, in the forms and in the services."""

import pytest
from django.core.exceptions import ValidationError

from projects import services
from projects.criteria import Criterion
from projects.forms import RoleForm, ScoresForm


def test_forms_refuse_an_overlong_role_and_evaluation_comments():
    assert "role" in RoleForm({"role": "x" * 100_000}).errors
    scores = ScoresForm({"overall_comment": "x" * 200_000, "comment_axs_funds": "x" * 4001})
    assert {"overall_comment", "comment_axs_funds"} <= set(scores.errors)


def test_the_service_refuses_an_overlong_role(cast, draft):
    member = draft.consortium.get(is_lead=True)
    with pytest.raises(ValidationError) as refused:
        services.member_update(actor=cast.lead, member=member, role="x" * 100_000)
    assert set(refused.value.message_dict) == {"role"}


def test_the_service_refuses_an_overlong_overall_comment(cast, in_review):
    evaluation = services.evaluator_assign(actor=cast.staff, proposal=in_review, evaluator=cast.evaluator)
    services.conflict_declare(actor=cast.evaluator, evaluation=evaluation, has_conflict=False)
    scores = {c.value: (4, "") for c in Criterion}
    with pytest.raises(ValidationError) as refused:
        services.scores_save(actor=cast.evaluator, evaluation=evaluation, scores=scores, overall_comment="x" * 200_000)
    assert set(refused.value.message_dict) == {"overall_comment"}
    evaluation.refresh_from_db()
    assert evaluation.overall_comment == ""
