"""Only staff reactivate an account: an invitation neither goes to a deactivated address nor reopens it."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from accounts.services import user_create, user_update
from companies import services
from companies.models import Representative

pytestmark = pytest.mark.django_db
PASSWORD = "clave-segura-2026"


def test_a_deactivated_account_cannot_be_invited(staff, org_a):
    person = user_create(actor=staff, email="baja@a.org", full_name="Baja", role="representative")
    user_update(actor=staff, user=person, is_active=False)
    with pytest.raises(ValidationError) as caught:
        services.invitation_create(actor=staff, organization=org_a, email="Baja@a.org", full_name="Baja")
    assert "inactive" in {e.code for errors in caught.value.error_dict.values() for e in errors}


def test_an_invitation_accepted_after_the_account_was_deactivated_is_refused_on_the_page(client, staff, org_a, rep_a):
    person = user_create(actor=staff, email="baja@a.org", full_name="Baja", role="representative")
    _invitation, token = services.invitation_create(
        actor=rep_a, organization=org_a, email="baja@a.org", full_name="Baja"
    )
    user_update(actor=staff, user=person, is_active=False)
    url = reverse("companies:invitation-accept", args=[token])
    response = client.get(url)
    assert response.status_code == 410
    assert "desactivada" in response.content.decode()
    response = client.post(url, {"full_name": "Baja", "password1": PASSWORD, "password2": PASSWORD})
    assert response.status_code == 410 and "desactivada" in response.content.decode()
    person.refresh_from_db()
    assert person.is_active is False and not person.has_usable_password()
    assert not Representative.objects.filter(user=person).exists()
    assert "_auth_user_id" not in client.session
    with pytest.raises(ValidationError) as caught:
        services.invitation_accept(token=token, full_name="Baja", password=PASSWORD)
    assert caught.value.code == "account_inactive"
