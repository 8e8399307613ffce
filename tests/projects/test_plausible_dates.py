"""Activity dates and evaluation due dates out of any plausible year are refused beside their fields."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from projects import services
from projects.models import Activity


def test_an_activity_from_year_one_to_9999_is_refused(cast, draft):
    component = draft.components.first()
    with pytest.raises(ValidationError) as refused:
        services.activity_add(
            actor=cast.lead,
            component=component,
            description="Eterna",
            starts_on=datetime.date(1, 1, 1),
            ends_on=datetime.date(9999, 12, 31),
        )
    assert set(refused.value.message_dict) == {"starts_on", "ends_on"}
    assert not Activity.objects.filter(description="Eterna").exists()


def test_an_evaluation_due_in_9999_is_refused(cast, in_review):
    with pytest.raises(ValidationError) as refused:
        services.evaluator_assign(
            actor=cast.staff, proposal=in_review, evaluator=cast.evaluator, due_on=datetime.date(9999, 12, 31)
        )
    assert set(refused.value.message_dict) == {"due_on"}
    assert not in_review.evaluations.exists()
