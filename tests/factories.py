"""Builders for test data shared by every test module."""

import itertools

from accounts.models import User

PASSWORD = "a-strong-test-password-2026"
_sequence = itertools.count(1)


def unique_number():
    """A number no other builder of this process has handed out: names built from it never repeat."""
    return next(_sequence)


def make_user(*, role=User.Role.REPRESENTATIVE, email=None, password=PASSWORD, **fields):
    """Create an active person with a known password."""
    number = next(_sequence)
    fields.setdefault("full_name", f"Persona de Prueba {number}")
    fields.setdefault("is_superuser", role == User.Role.STAFF)
    email = email or f"person{number}@example.org"
    return User.objects.create_user(email=email, password=password, role=role, **fields)


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


# Committees: organizations, representatives, committees with members and posts, sessions.
# Builders write rows directly (they set up a scene); the behaviour under test goes through services.


def make_member_person(organization=None, **fields):
    """Create a representative speaking for an organization (a new one unless given)."""
    from companies.models import Representative

    person = make_representative(**fields)
    Representative.objects.create(organization=organization or make_organization(), user=person)
    return person


def make_committee(goal_number=4, name=None, **fields):
    from committees.models import Committee, DecisionMechanism
    from sdg.models import Goal

    fields.setdefault("decision_mechanism", DecisionMechanism.CO_CONSTRUCTION)
    return Committee.objects.create(
        name=name or f"Comité de Prueba {next(_sequence)}", goal=Goal.objects.get(number=goal_number), **fields
    )


def seat(committee, organization, *, joined_on=None):
    """Make an organization a current member of a committee."""
    import datetime

    from committees.models import Membership

    return Membership.objects.create(
        committee=committee,
        organization=organization,
        status="active",
        source="invitation",
        joined_on=joined_on or datetime.date(2016, 11, 1),
    )


def make_committee_member(committee, **fields):
    """Create a person whose organization sits on the committee."""
    organization = make_organization()
    seat(committee, organization)
    return make_member_person(organization, **fields)


def make_post_holder(committee, kind, **fields):
    """Create a person of a member organization who holds the committee's chair or secretary post."""
    import datetime

    from committees.models import Post

    person = make_committee_member(committee, **fields)
    Post.objects.create(
        committee=committee,
        kind=kind,
        holder=person,
        organization=person.representations.get().organization,
        started_on=datetime.date(2016, 11, 1),
    )
    return person


def make_session(committee=None, *, days_from_now=7, kind=None, **fields):
    """Create a session (a committee one when a committee is given, else a plenary), not notified."""
    import datetime

    from django.utils import timezone

    from axs_platform.dates import DatePrecision
    from committees.models import Session

    starts_at = timezone.now() + datetime.timedelta(days=days_from_now)
    fields.setdefault("title", f"Sesión de prueba {next(_sequence)}")
    fields.setdefault("place", "AMEXCID, Plaza Juárez 20, Ciudad de México")
    # A session known only by its month or year has no hour (a constraint of the table).
    fields.setdefault("time_known", fields.get("date_precision", DatePrecision.DAY) == DatePrecision.DAY)
    return Session.objects.create(
        committee=committee,
        kind=kind or ("committee" if committee else "plenary"),
        starts_at=starts_at,
        ends_at=starts_at + datetime.timedelta(hours=2),
        **fields,
    )
