"""The custom user: e-mail as login, roles, and what the database enforces."""

import pytest
from django.db import IntegrityError

from accounts.models import User
from tests.factories import make_representative, make_staff

pytestmark = pytest.mark.django_db


def test_email_is_the_login_and_is_stored_in_lower_case():
    user = User.objects.create_user(email="  Maria.Lopez@Empresa.MX ", password="x", full_name="María López")
    assert user.email == "maria.lopez@empresa.mx"
    assert User.USERNAME_FIELD == "email"
    assert User.objects.get_by_natural_key("MARIA.LOPEZ@empresa.mx") == user


def test_the_same_email_in_other_case_cannot_be_stored_twice():
    make_representative(email="ana@empresa.mx")
    with pytest.raises(IntegrityError):
        User.objects.bulk_create([User(email="ANA@empresa.mx", full_name="Otra")])


def test_back_office_access_is_refused_by_the_database_to_non_staff():
    user = make_representative()
    User.objects.filter(pk=user.pk)
    with pytest.raises(IntegrityError):
        User.objects.filter(pk=user.pk).update(is_staff=True)


def test_superuser_is_created_as_staff():
    user = User.objects.create_superuser(email="root@amexcid.example", password="x", full_name="Raíz")
    assert user.role == User.Role.STAFF
    assert user.is_staff and user.is_superuser


def test_new_staff_get_back_office_access_and_others_do_not():
    assert make_staff().is_staff is True
    assert make_representative().is_staff is False


def test_short_name_is_the_first_name():
    assert make_representative(full_name="Lucía Herrera Domínguez").get_short_name() == "Lucía"
