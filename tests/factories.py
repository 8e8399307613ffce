"""Builders for test data shared by every test module."""

import itertools

from accounts.models import User

PASSWORD = "a-strong-test-password-2026"
_sequence = itertools.count(1)


def make_user(*, role=User.Role.REPRESENTATIVE, email=None, password=PASSWORD, **fields):
    """Create an active person with a known password."""
    number = next(_sequence)
    fields.setdefault("full_name", f"Persona de Prueba {number}")
    fields.setdefault("is_superuser", role == User.Role.STAFF)
    return User.objects.create_user(
        email=email or f"person{number}@example.org", password=password, role=role, **fields
    )


def make_staff(**fields):
    return make_user(role=User.Role.STAFF, **fields)


def make_evaluator(**fields):
    return make_user(role=User.Role.EVALUATOR, **fields)


def make_representative(**fields):
    return make_user(role=User.Role.REPRESENTATIVE, **fields)
