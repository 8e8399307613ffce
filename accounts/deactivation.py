"""What deactivating a person ends in the apps above accounts, listed for staff before they confirm.

An app above accounts (companies, committees) registers in its ``AppConfig.ready()`` a function that lists a
person's open ties there (a committee post, a representation) as ``Tie`` rows, and ends those ties itself on
``signals.user_deactivated``; accounts imports none of them.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext_lazy as _

DEFAULT_REASON = _("Deactivated account")


@dataclass(frozen=True)
class Tie:
    """One open tie of a person: what it is, with what or whom, since when, and a note on what stays."""

    kind: str
    name: str
    since: date | None = None
    note: str = ""


_listers: dict[str, Callable] = {}


def register(name, lister):
    """Register ``lister(user)``, which returns the person's open ties in one app as a list of ``Tie``."""
    _listers[name] = lister
    return lister


def open_ties(user):
    """Return every open tie of the person that their deactivation would end, app by app."""
    return [tie for lister in _listers.values() for tie in lister(user)]
