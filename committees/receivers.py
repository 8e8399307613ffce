"""Keep cached pages fresh: any change to what they show makes them stale.

The committees' own page fragments: the version is bumped at once, so the changing transaction's
own next page is fresh, and again on commit, so that nothing rendered from the uncommitted data by
another request outlives the change. The member directory shows each organization's committees,
so a membership change makes it stale too.
"""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from companies.models import Organization
from companies.selectors import bump_directory_cache
from sdg.models import Goal

from . import models
from .selectors import bump_committees_cache

SHOWN = (
    models.Committee,
    models.Membership,
    models.Post,
    models.PriorityArea,
    models.WorkPlanActivity,
    models.Session,
    models.Minutes,
    models.Agreement,
    Organization,
    Goal,
)


def _bump():
    bump_committees_cache()
    transaction.on_commit(bump_committees_cache)


for model in SHOWN:
    post_save.connect(
        lambda sender, **kwargs: _bump(), sender=model, weak=False, dispatch_uid=f"committees_{model._meta.label}_saved"
    )
    post_delete.connect(
        lambda sender, **kwargs: _bump(),
        sender=model,
        weak=False,
        dispatch_uid=f"committees_{model._meta.label}_deleted",
    )


@receiver(post_save, sender=get_user_model(), dispatch_uid="committees_person_saved")
def person_saved(sender, update_fields=None, **kwargs):
    """A person's name shows on posts and requests; a sign-in (``last_login`` only) changes nothing shown."""
    if update_fields is None or "full_name" in update_fields:
        _bump()


@receiver([post_save, post_delete], sender=models.Membership, dispatch_uid="committees_directory_membership")
@receiver([post_save, post_delete], sender=models.Committee, dispatch_uid="committees_directory_committee")
def directory_changed(sender, **kwargs):
    transaction.on_commit(bump_directory_cache)
