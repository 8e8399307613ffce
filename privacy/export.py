"""Everything the platform holds about one person, as tables: the declared list the access export walks.

``TABLES`` names each model that holds personal data with the lookups that lead from it to the person.
``tests/privacy/test_export.py`` walks every model with a relation to the user model and fails when one
of its relations is not declared here, so a new model cannot be left out of the export unnoticed.
Secret ballot papers hold no link to a voter and are never reached; papers of named ballots are reached
through their elector. Rows that name other people besides the person (what they did about others,
notifications, e-mails with other recipients) come in part, and the export says what was left out and why
(``_in_part``).
"""

import csv
import io
import json
from dataclasses import dataclass

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from axs_platform.exports import safe_cell

from .export_parts import (
    admin_change_done,
    column_of,
    document_asked,
    event_done,
    mail_recipients,
    mail_shown,
    mail_to_them,
    notification_about,
    notification_shown,
)
from .subjects import address_periods, addresses_of, held_within, typed_while_held

# Secrets and derived keys are not personal data the person could use, and must not leave the platform.
HIDDEN_FIELD_WORDS = ("password", "token", "nonce", "secret", "hash", "receipt", "key")


@dataclass(frozen=True)
class Table:
    """One model and the lookups (ORM paths ending at the person's id) that select the person's rows.

    ``counted`` names relations whose rows are about other people (attendance a secretary recorded, a post or
    an evaluation they assigned, an invitation they sent or revoked, someone's representation they ended, an
    API token they made for someone): the export gives only how many rows the person recorded, never the rows.
    A row about the person themself still comes whole, through the table's lookups.
    """

    label: str
    lookups: tuple
    counted: tuple = ()

    @property
    def model(self):
        return apps.get_model(self.label)


def _about_the_person(user, addresses):
    """Audit events whose object is the person, or that recorded an address of theirs (clear or hashed) while held.

    Security events keep the hashed address in their personal part (until retention erases it).
    """
    user_type = ContentType.objects.get_for_model(user, for_concrete_model=False)
    typed = typed_while_held(user, identifier="personal_part__identifier", when="created_at", clear="identifier")
    hashed = typed_while_held(user, identifier="identifier", when="created_at")
    return Q(target_type=user_type, target_id=str(user.pk)) | typed | hashed


def _typed_their_address(user, addresses):
    """Personal parts of security events (IP address, browser) where their address was typed while they held it."""
    return typed_while_held(user, identifier="identifier", when="event__created_at")


def _in_part(field, keep, why, *, match=None, describe=None, extra=None, computed=()):
    """A lookup whose rows give only the ``keep`` columns, unless another lookup of the table reaches them whole.

    For rows that name other people too (a record the person acted on, a message with other recipients): ``why``
    says what is left out and why (the export lists it), ``describe`` names the row without naming anyone else
    (instead of ``str(row)``), ``extra`` adds the ``computed`` columns (``extra(obj, addresses) -> dict``), given
    in part (only the person's own addresses among the recipients).
    """

    def lookup(user, addresses):
        return match(user, addresses) if match else Q(**{field: user.pk})

    lookup.field, lookup.only, lookup.why = field, tuple(keep), why
    lookup.describe, lookup.extra, lookup.computed = describe, extra, tuple(computed)
    return lookup


def _by_email(field, created=None, only=(), why=""):
    """Rows that name the person by an address they have had (invitations, requests), in any case.

    Today's address and every earlier one, each only for rows made (``created``, a path to their time) while this
    account held it (``privacy.subjects.address_periods``): somebody who later takes an address the person gave up
    gets none of the person's rows, and the person none of theirs. Without ``created`` (an organization's contact
    address, a value of today with no moment it was sent) every address matches at any time.

    With ``only``, a row reached by the address alone (no other lookup of its table) gives just those
    columns: an organization's contact address leads to the contact data, not to the organization's file.
    """

    def match(user, addresses):
        query = Q(pk__in=[])
        for address, start, end in address_periods(user):
            held = Q(**{f"{field}__iexact": address})
            if created:
                held &= held_within(created, start, end)
            query |= held
        return query

    if only:
        return _in_part(field, only, why, match=match)
    match.field = field
    return match


TABLES = (
    Table("accounts.User", ("pk",)),
    Table(
        "audit.AuditEvent",
        (
            _about_the_person,
            _in_part(
                "actor",
                ("created_at", "actor", "actor_repr", "action", "target_type"),
                _(
                    "Events you recorded about something else give what you did, to what kind of record and when (a "
                    "proposal by its number and title): other records' name and number, the changes, the note and "
                    "the page may name other people."
                ),
                describe=event_done,
            ),
        ),
    ),
    Table(
        "audit.EventPersonalPart",
        (
            _typed_their_address,
            _in_part(
                "event__actor",
                ("event", "ip_address", "user_agent", "erased_at"),
                _(
                    "The IP address and browser of what you did through the web are given; the page is left out: "
                    "its address may name other people."
                ),
            ),
        ),
    ),
    Table(
        "documents.Document",
        (
            _in_part(
                "requested_by",
                ("kind", "language", "target_type", "status", "requested_by", "requested_at", "finished_at"),
                _(
                    "Documents you asked for give their kind, language, status and times: their title, record, "
                    "parameters and file may name other people."
                ),
                describe=document_asked,
            ),
        ),
    ),
    Table("reports.NarrativeText", ("written_by",)),
    Table("reports.PublishedEdition", ("published_by",)),
    Table("reports.CoverImage", ("uploaded_by",)),
    Table(
        "notifications.Notification",
        (
            _in_part(
                "recipient",
                ("recipient", "kind", "language", "created_at", "read_at", "delivery", "emailed_at", "digest"),
                _(
                    "Notifications give their kind, what kind of event they were about, when, how they were "
                    "delivered and whether you read them: their title, text and link may name other people."
                ),
                describe=notification_shown,
                extra=notification_about,
                computed=("about", "read"),
            ),
        ),
    ),
    Table("notifications.Preference", ("person",)),
    Table("notifications.Follow", ("person",)),
    Table("notifications.Digest", ("recipient",)),
    Table(
        "companies.Organization",
        (
            "archived_by",
            _by_email(
                "contact_email",
                only=("contact_email", "contact_phone"),
                why=_(
                    "An organization whose contact address is yours gives only its contact data: the rest of its "
                    "file is the organization's."
                ),
            ),
        ),
    ),
    Table("companies.ParticipationChange", ("changed_by",)),
    Table("companies.DueDiligenceReview", ("started_by", "reviewer")),
    Table("companies.Evidence", ("uploaded_by",)),
    Table("companies.Representative", ("user",), counted=("ended_by",)),
    Table(
        "companies.Invitation", ("accepted_by", _by_email("email", "created_at")), counted=("invited_by", "revoked_by")
    ),
    Table("committees.Committee", ("closed_by",)),
    Table("committees.Membership", ("requested_by",)),
    Table("committees.MembershipChange", ("changed_by",)),
    Table("committees.Post", ("holder",), counted=("appointed_by",)),
    Table("committees.Session", ("created_by",)),
    Table("committees.SessionDocument", ("uploaded_by",)),
    Table("committees.Attendance", ("person",), counted=("recorded_by",)),
    Table("committees.Minutes", ("drafted_by", "approved_by")),
    Table("committees.MinutesComment", ("author",)),
    Table("committees.Agreement", ("responsible_person", "created_by")),
    Table("committees.CalendarFeed", ("person",)),
    Table("surveys.Survey", ("created_by",)),
    Table("surveys.SurveyInvitation", ("person",)),
    Table("surveys.Response", ("respondent",)),
    Table("surveys.Answer", ("response__respondent",)),
    Table("projects.SelectionRound", ("opened_by", "closed_by")),
    Table("projects.SelectionEvidence", ("added_by",)),
    Table("projects.Ballot", ("closed_by", "cancelled_by", "created_by", "named_voters")),
    Table("projects.Elector", ("user",)),
    Table("projects.Participation", ("cast_by",)),
    Table("projects.BallotPaper", ("elector__user",)),
    Table("projects.PaperChoice", ("paper__elector__user",)),
    Table("projects.Call", ("created_by",)),
    Table("projects.Proposal", ("created_by",)),
    Table("projects.ConsortiumMember", ("invited_by",)),
    Table("projects.ProposalTransition", ("actor",)),
    Table("projects.ProposalVersion", ("submitted_by",)),
    Table("projects.ProposalComment", ("author",)),
    Table("projects.SavedFilter", ("owner",)),
    Table("projects.Attachment", ("uploaded_by",)),
    Table("projects.Evaluation", ("evaluator",), counted=("assigned_by",)),
    Table("projects.Score", ("evaluation__evaluator",)),
    Table("monitoring.Implementation", ("created_by",)),
    Table("monitoring.IndicatorRevision", ("changed_by",)),
    Table("monitoring.Report", ("created_by", "submitted_by", "decided_by")),
    Table("monitoring.ReportEvent", ("actor",)),
    Table("monitoring.Evidence", ("uploaded_by",)),
    Table("privacy.RightsRequest", ("requester", _by_email("email", "received_at"))),
    Table("privacy.RequestPause", ("request__requester", _by_email("request__email", "request__received_at"))),
    Table("privacy.PurposeChoice", ("person",)),
    Table(
        "privacy.NoticeAcknowledgement", ("person", _by_email("rights_request__email", "rights_request__received_at"))
    ),
    Table("privacy.PrivacyNotice", ("published_by",)),
    Table("api.ApiToken", ("person",), counted=("created_by", "revoked_by")),
    Table(
        "admin.LogEntry",
        (
            _in_part(
                "user",
                ("action_time", "user", "content_type", "action_flag"),
                _(
                    "Changes you made in the administration give what you did, to what kind of record and when: "
                    "the record's name and number and the change message may name other people."
                ),
                describe=admin_change_done,
            ),
        ),
    ),
    Table(
        "axs_platform.OutgoingEmail",
        (
            _in_part(
                "to",
                ("kind", "subject", "status", "attempts", "created_at", "sent_at"),
                _(
                    "E-mails to you give their kind, subject, text, status and times. Other recipients' addresses "
                    "are left out (only how many there were), and so are links (they may sign in or confirm), the "
                    "HTML copy and attachments. The text is kept only until the message is sent, and the rest "
                    "until the retention rule of sent e-mail erases it."
                ),
                match=mail_to_them,
                describe=mail_shown,
                extra=mail_recipients,
                computed=("to", "body"),
            ),
        ),
    ),
)


def declared_relations():
    """Return the ``(model label, field name)`` pairs the export declares (first step of each lookup or count)."""
    named = set()
    for table in TABLES:
        for lookup in (*table.lookups, *table.counted):
            name = lookup if isinstance(lookup, str) else getattr(lookup, "field", None)
            if name:
                named.add((table.label, name.split("__")[0]))
    return named


def _columns(model):
    return [
        field
        for field in model._meta.concrete_fields
        if not any(word in field.name.lower() for word in HIDDEN_FIELD_WORDS)
    ]


def _query(lookups, user, addresses):
    query = Q(pk__in=[])
    for lookup in lookups:
        query |= lookup(user, addresses) if callable(lookup) else Q(**{lookup: user.pk})
    return query


def table_rows(table, user, left_out=None, addresses=None):
    """Return the person's rows of one table as dicts: id, the row in words, then each column's value.

    Rows matched by address are matched by every address the person has had (``addresses``, by default
    ``addresses_of(user)``); rows sent to an address, only while the account held it (``_by_email``).

    A row reached only by a lookup that gives part of it (``_in_part``) has those columns alone; ``left_out``,
    a dict, then gets ``{label: [{"rows", "fields", "why"}]}``: per such lookup, how many rows came in part,
    which fields they lack (by name, in the active language) and why.
    """
    addresses = addresses_of(user) if addresses is None else addresses
    model = table.model
    manager = model._default_manager
    in_part = [lookup for lookup in table.lookups if getattr(lookup, "only", ())]
    whole = _query([lookup for lookup in table.lookups if lookup not in in_part], user, addresses)
    whole = set(manager.filter(whole).values_list("pk", flat=True)) if in_part else None  # None: every row whole
    part_of = {}  # row id -> the lookup it came in part through
    for lookup in in_part:
        for pk in manager.filter(lookup(user, addresses)).values_list("pk", flat=True):
            if pk not in whole:
                part_of.setdefault(pk, lookup)
    columns = _columns(model)
    rows = []
    for obj in manager.filter(_query(table.lookups, user, addresses)).distinct().order_by("pk"):
        lookup = part_of.get(obj.pk)
        if lookup is None:
            row = {"id": obj.pk, "shown_as": str(obj)}
            row.update(column_of(obj, field, False) for field in columns)
        else:
            row = {"id": obj.pk, "shown_as": lookup.describe(obj) if lookup.describe else str(obj)}
            row.update(column_of(obj, field, True) for field in columns if field.name in lookup.only)
            row.update(lookup.extra(obj, addresses) if lookup.extra else {})
        rows.append(row)
    if left_out is not None:
        for lookup in {id(lk): lk for lk in part_of.values()}.values():
            left_out.setdefault(table.label, []).append(
                {
                    "rows": sum(1 for used in part_of.values() if used is lookup),
                    "fields": [
                        str(f.verbose_name) for f in columns if f.name not in ("id", *lookup.only, *lookup.computed)
                    ],
                    "why": str(lookup.why),
                }
            )
    return rows


def personal_data(user, left_out=None):
    """Return ``{label: rows}`` for every declared table, empty tables included (they say "nothing here").

    ``left_out``, a dict, gets what rows came in part and why (see ``table_rows``). Every address the person has
    had is read once (``addresses_of``).
    """
    addresses = addresses_of(user)
    return {table.label: table_rows(table, user, left_out, addresses) for table in TABLES}


def recorded_by_person(user):
    """Return ``{label: {field: count}}``: rows about others the person recorded, counted, not exported."""
    return {
        table.label: {field: table.model._default_manager.filter(**{field: user.pk}).count() for field in table.counted}
        for table in TABLES
        if table.counted
    }


def as_json(rows):
    return json.dumps(rows, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2).encode()


def as_csv(rows):
    """CSV in UTF-8 with a BOM (Excel reads it), formula-like text defused as every export of the platform."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    if rows:
        writer = csv.writer(buffer)
        header = list(dict.fromkeys(name for row in rows for name in row))  # rows given in part lack columns
        writer.writerow(header)
        for row in rows:
            writer.writerow([safe_cell("" if row.get(name) is None else row[name]) for name in header])
    return buffer.getvalue().encode()
