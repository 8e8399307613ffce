"""The member directory shows each organization's committees: a membership change makes it stale."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from companies.selectors import bump_directory_cache

from .models import Committee, Membership


@receiver([post_save, post_delete], sender=Membership, dispatch_uid="committees_directory_membership")
@receiver([post_save, post_delete], sender=Committee, dispatch_uid="committees_directory_committee")
def membership_changed(sender, **kwargs):
    transaction.on_commit(bump_directory_cache)
