"""How the export shows rows that name other people besides the person: in part, in words, naming nobody else."""

import re

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.db.models.fields.files import FieldFile
from django.utils.translation import gettext as _

from audit.labels import action_label
from axs_platform.outbox import mail_to
from documents.registry import get_kind
from projects.models import Proposal

from .subjects import address_periods


def _type_name(type_id):
    return ContentType.objects.get_for_id(type_id).name if type_id else "—"


def event_done(event):
    """An audit event by what was done and to what kind of record, naming no one.

    A proposal is named too, by its number and title (``_proposal_named``): what the person edited in a proposal
    they neither started nor submitted is otherwise found nowhere else in the export.
    """
    done = f"{action_label(event.action)} · {_type_name(event.target_type_id)}"
    proposal = _proposal_named(event)
    return f"{done} #{proposal.pk} «{proposal.title}»" if proposal else done


def _proposal_named(event):
    """The proposal an event is about, if it is about one (a project's title names no person)."""
    if not event.target_type_id or event.target_type_id != ContentType.objects.get_for_model(Proposal).pk:
        return None
    return Proposal.objects.filter(pk=event.target_id).only("pk", "title").first()


def admin_change_done(entry):
    return f"{entry.get_action_flag_display()} · {_type_name(entry.content_type_id)}"


def document_asked(document):
    """A generated document by its kind and status: its title may name someone."""
    try:
        kind = get_kind(document.kind).label
    except LookupError:
        kind = document.kind
    return f"{kind} · {document.get_status_display()}"


def notification_shown(notification):
    """A notification by its kind and whether it was read: its title may name someone."""
    read = _("read") if notification.read_at else _("unread")
    return f"{notification.kind_label} · {read}"


def notification_about(notification, addresses):
    """What a notification was about, in the kind's own words, and whether it was read, in place of its text."""
    return {"about": str(notification.kind_label), "read": notification.read_at is not None}


LINK = re.compile(r"https?://\S+")


def mail_to_them(user, addresses):
    """The outbox's messages to an address the person has had, sent while they held it (until retention erases them).

    Held as ``privacy.subjects.address_periods`` says: the later owner of an address the person gave up gets none of
    the person's messages, and the person none of theirs.
    """
    query = Q(pk__in=[])
    for address, start, end in address_periods(user):
        query |= Q(pk__in=mail_to(address, since=start, until=end).values("pk"))
    return query


def mail_shown(email):
    return email.subject or email.kind


def mail_recipients(email, addresses):
    """Only the person's own addresses among the recipients, how many others there were, the text without links."""
    mine = [address for address in email.to if str(address).lower() in addresses]
    return {
        "to": mine,
        "other_recipients": len(email.to) - len(mine),
        "body": LINK.sub(str(_("[link left out]")), email.body),
    }


def column_of(obj, field, in_part):
    """A column's name and value; a file by its name; in a row given in part, the kind of record by name.

    ``target_type`` then reads ``accounts.user``, not the number of a row of the content types table.
    """
    value = getattr(obj, field.attname)
    if isinstance(value, FieldFile):
        return field.attname, value.name
    if in_part and value is not None and field.is_relation and field.related_model is ContentType:
        kind = ContentType.objects.get_for_id(value)
        return field.name, f"{kind.app_label}.{kind.model}"
    return field.attname, value
