"""Reads of people that pages and services share."""

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext as _

from search.selectors import ids_whose_title_contains

from .models import User


def people(*, q="", role="", active=""):
    """Return people by name, matching ``q`` in their name (accents aside) or e-mail, of a role, active or not."""
    found = User.objects.order_by("full_name", "email")
    if q:
        # The search index keeps each person's name folded (no accents): "nunez" finds "Núñez".
        folded = Q(pk__in=ids_whose_title_contains("person", q.strip()))
        found = found.filter(folded | Q(full_name__icontains=q) | Q(email__icontains=q))
    if role:
        found = found.filter(role=role)
    if active:
        found = found.filter(is_active=active == "yes")
    return found


def active_person_with_email(email, *, field=None):
    """Return the active person with this e-mail address, or refuse (on ``field`` of a form, if given)."""
    person = User.objects.filter(email__iexact=email.strip(), is_active=True).first()
    if person is None:
        error = ValidationError(_("Nobody with this e-mail address has an account."), code="unknown_person")
        raise ValidationError({field: error}) if field else error
    return person
