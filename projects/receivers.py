"""Keep the cached proposal lists and evaluation matrices fresh: any change to what they show makes them stale.

The version is bumped at once, so the changing transaction's own next page is fresh, and again on
commit, so that nothing rendered from the uncommitted data by another request outlives the change.
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from committees.models import Committee
from companies.models import Organization

from . import models
from .selectors import bump_lists_cache, bump_matrix_cache

# What a proposal list (and so the matrix too) shows: the proposal, its lead organization, its call.
LISTS = (models.Proposal, models.ConsortiumMember, models.Call, Committee, Organization)
# What only the matrix shows besides: the evaluations and their scores.
MATRIX = (models.Evaluation, models.Score)


def _bump(bump):
    bump()
    transaction.on_commit(bump)


def _connect(model, bump):
    def changed(sender, **kwargs):
        _bump(bump)

    label = model._meta.label
    post_save.connect(changed, sender=model, weak=False, dispatch_uid=f"projects_cache_{label}_saved")
    post_delete.connect(changed, sender=model, weak=False, dispatch_uid=f"projects_cache_{label}_deleted")


for _model in LISTS:
    _connect(_model, bump_lists_cache)
for _model in MATRIX:
    _connect(_model, bump_matrix_cache)


def proposal_touched():
    """A service changed a proposal with ``update()`` (no signal): its place in the lists moved."""
    _bump(bump_lists_cache)
