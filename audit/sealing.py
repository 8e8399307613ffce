"""Records that an audit event seals: their content's digest goes into the chain when they are frozen.

Apps register a model whose instances, once approved or closed, must not change (committees:
approved minutes; projects: closed ballots' results). The model gives ``sealed_content()``, a
JSON-friendly dict of what is frozen; the registration gives the queryset of the frozen ones,
which the verification compares with the digest of the latest sealing event of each. Registering
keeps the audit app below the apps it protects (imports run one way).
"""

from . import chain

_SEALED = {}


def register(model, *, frozen, label):
    """Seal ``model``: ``frozen()`` returns the queryset of its instances that must match their seal."""
    _SEALED[model] = (frozen, label)


def registered():
    """Return ``(model, frozen, label)`` for every sealed model."""
    return [(model, frozen, label) for model, (frozen, label) in _SEALED.items()]


def seal_of(instance):
    """Return the digest of an instance's sealed content."""
    return chain.digest(instance.sealed_content())
