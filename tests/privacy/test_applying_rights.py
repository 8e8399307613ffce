"""Opposition and rectification check the same things in the same order before touching the person's data."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from privacy import services
from tests.factories import make_member, make_organization, make_staff

pytestmark = pytest.mark.django_db


def _oppose(actor, rights_request):
    return services.request_oppose(actor=actor, rights_request=rights_request, purposes=["directory"])


def _rectify(actor, rights_request):
    return services.request_rectify(actor=actor, rights_request=rights_request, full_name="Otro Nombre")


APPLIERS = [
    pytest.param(
        _oppose, "opposition", "No account holds this e-mail address: there is nothing to oppose.", id="oppose"
    ),
    pytest.param(
        _rectify, "rectification", "No account holds this e-mail address: there is nothing to rectify.", id="rectify"
    ),
]


def _file(right, *, user=None, email=""):
    fields = {"rectify_fields": ["full_name"]} if right == "rectification" else {}
    return services.request_file(
        user=user, right=right, details="x", channel="email", full_name="Alguien", email=email, language="en", **fields
    )


@pytest.mark.parametrize(("apply", "right", "no_person"), APPLIERS)
def test_the_checks_run_in_order_staff_right_status_person(apply, right, no_person):
    person = make_member(make_organization())
    staff = make_staff()
    other_right = _file("access", user=person)
    # A member is refused before anything else is looked at, even for a request of another right.
    with pytest.raises(PermissionDenied):
        apply(person, other_right)
    # Staff: the right comes before the status (this one is verified, but of another right).
    with pytest.raises(ValidationError) as error:
        apply(staff, other_right)
    assert error.value.code == f"not_{right}"
    # The right one, unverified (filed by e-mail, link not followed): the status.
    unverified = _file(right, email="nadie@example.com")
    with pytest.raises(ValidationError) as error:
        apply(staff, unverified)
    assert error.value.code == "wrong_status"
    # Verified by staff, but no account holds the address: nobody to apply it to, with the service's own words.
    verified = services.identity_verify(actor=staff, rights_request=unverified, reason="INE mostrada")
    with pytest.raises(ValidationError) as error, translation.override("en"):
        apply(staff, verified)
    assert error.value.code == "no_person" and error.value.messages == [no_person]
