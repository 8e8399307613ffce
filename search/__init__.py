"""One search across the platform: an index low in the layers that higher apps fill through a registry.

Imports no app of ours but ``axs_platform``; apps register their kinds in ``AppConfig.ready()``
(``search.registry.register``) and call ``search.index(obj)`` / ``search.remove(obj)`` from their services.
"""


def index(obj):
    """Write ``obj``'s entries as its data now says (or remove them when it must not be found)."""
    from .indexing import index as _index

    _index(obj)


def remove(obj):
    """Remove ``obj``'s entries."""
    from .indexing import remove as _remove

    _remove(obj)
