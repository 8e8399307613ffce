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


def make_organization(*, actor=None, status="active", **fields):
    """Register an organization through the service, then move it to ``status``."""
    from companies import services

    number = next(_sequence)
    actor = actor or make_staff()
    fields.setdefault("legal_name", f"Organización de Prueba {number}, S.A. de C.V.")
    fields.setdefault("short_name", f"Prueba {number}")
    fields.setdefault("organization_type", "company")
    fields.setdefault("size", "small")
    fields.setdefault("sector", "manufacturing")
    fields.setdefault("country", "MX")
    fields.setdefault("state", "JAL")
    if "rfc" not in fields:
        fields["rfc"] = (
            f"TES{10 + number // 300 % 80:02d}{number // 28 % 12 + 1:02d}{number % 28 + 1:02d}AB{number % 10}"
        )
    organization = services.organization_create(actor=actor, **fields)
    if status != "invited":
        services.participation_change(actor=actor, organization=organization, to_status="active")
    if status in ("suspended", "withdrawn"):
        services.participation_change(actor=actor, organization=organization, to_status=status, reason="Prueba")
    organization.refresh_from_db()
    return organization


def make_member(organization, **fields):
    """Create a person who currently represents the organization."""
    from companies.models import Representative

    user = make_representative(**fields)
    Representative.objects.create(organization=organization, user=user)
    return user
