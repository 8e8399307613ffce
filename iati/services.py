"""Writes of the IATI settings (the reporting organization, a project's IATI data) and file rebuilds, by staff."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from audit.services import audit_record, changes_between, snapshot
from axs_platform import fragments
from opendata import prebuilt
from opendata.models import PrebuiltFile
from projects.models import Proposal
from projects.services import project_english_update

from .models import ProjectPublication, Publisher
from .permissions import can_manage_publication
from .prebuilt import NAME as PREBUILT

PUBLISHER_FIELDS = ["organisation_ref", "name_es", "name_en", "organisation_type"]
PUBLICATION_FIELDS = ["dac_code"]
ENGLISH_FIELDS = ["title_en", "summary_en"]


@transaction.atomic
# A ready publisher links each project's public page to its IATI file: what the public sees changes.
@fragments.changes(fragments.PUBLIC_PROPOSALS)
def publisher_update(*, actor, request=None, **fields):
    """Set the reporting organization's IATI identifier, names and type."""
    if not can_manage_publication(actor):
        raise PermissionDenied
    publisher, _created = Publisher.objects.select_for_update().get_or_create(key=1, defaults={"name_es": ""})
    before = snapshot(publisher, PUBLISHER_FIELDS)
    for name in PUBLISHER_FIELDS:
        if name in fields:
            setattr(publisher, name, (fields[name] or "").strip())
    publisher.updated_at = timezone.now()
    publisher.full_clean()
    publisher.save()
    changes = changes_between(before, snapshot(publisher, PUBLISHER_FIELDS))
    if changes:
        audit_record(actor=actor, action="iati.publisher_changed", target=publisher, changes=changes, request=request)
    return publisher


@transaction.atomic
def publication_update(*, actor, proposal, request=None, **fields):
    """Set a published project's DAC purpose code and its English title and summary.

    The English texts are the project's (its public pages show them too): ``projects`` writes them.
    """
    if not can_manage_publication(actor):
        raise PermissionDenied
    proposal = Proposal.objects.published().get(pk=proposal.pk)
    english = {name: fields.pop(name) for name in ENGLISH_FIELDS if name in fields}
    if english:
        project_english_update(actor=actor, proposal=proposal, request=request, **english)
    publication, _created = ProjectPublication.objects.select_for_update().get_or_create(proposal=proposal)
    before = snapshot(publication, PUBLICATION_FIELDS)
    for name in PUBLICATION_FIELDS:
        if name in fields:
            setattr(publication, name, (fields[name] or "").strip())
    publication.updated_at = timezone.now()
    publication.full_clean()
    publication.save()
    changes = changes_between(before, snapshot(publication, PUBLICATION_FIELDS))
    if changes:
        audit_record(
            actor=actor, action="iati.publication_changed", target=publication, changes=changes, request=request
        )
    return publication


@transaction.atomic
def activity_file_rebuild(*, actor, request=None):
    """Send the activity file built ahead to be written again now (after a failure, or to see a change at once)."""
    if not can_manage_publication(actor):
        raise PermissionDenied
    prebuilt.rebuild(PREBUILT, "xml")
    built = PrebuiltFile.objects.get(name=PREBUILT, file_format="xml")
    audit_record(actor=actor, action="iati.activity_file_rebuild", target=built, request=request)
    return built
