"""Which objects can be followed, and who may follow them: a registry the higher apps fill.

``notifications`` sits below the apps that own committees and proposals, so it cannot ask them who
chairs a committee. Each of those apps registers its model in ``AppConfig.ready()`` with the predicate
that says who may follow one (``register(Committee, may_follow=...)``); ``permissions.can_follow``
asks it, and staff may follow anything registered.
"""

from dataclasses import dataclass

_FOLLOWABLE = {}


@dataclass(frozen=True)
class Followable:
    model: type
    may_follow: callable
    may_see: callable


def register(model, *, may_follow, may_see=None):
    """Let people follow instances of ``model``.

    ``may_follow(user, obj)`` says who besides staff may follow one; ``may_see(user, obj)`` (everybody
    when not given) bounds everybody, staff included: nobody follows what they may not see, and a
    follower who can no longer see it is not told of its events.
    """
    _FOLLOWABLE[model._meta.label_lower] = Followable(model, may_follow, may_see or (lambda user, obj: True))


def followable(obj):
    """Return the registration of ``obj``'s model, or None if it cannot be followed."""
    return _FOLLOWABLE.get(obj._meta.label_lower) if obj is not None else None


def followable_named(label):
    """Return the registration of the model named ``label`` (``projects.proposal``), or None."""
    return _FOLLOWABLE.get(str(label).lower())


def followable_models():
    return [entry.model for entry in _FOLLOWABLE.values()]
