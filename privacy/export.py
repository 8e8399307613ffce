"""Everything the platform holds about one person, as tables: the declared list the access export walks.

``TABLES`` names each model that holds personal data with the lookups that lead from it to the person.
``tests/privacy/test_export.py`` walks every model with a relation to the user model and fails when one
of its relations is not declared here, so a new model cannot be left out of the export unnoticed.
Secret ballot papers hold no link to a voter and are never reached; papers of named ballots are reached
through their elector.
"""

import csv
import io
import json
from dataclasses import dataclass

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Q
from django.db.models.fields.files import FieldFile

from audit.identifiers import sign_in_identifier
from axs_platform.exports import safe_cell

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


def _about_the_person(user):
    """Audit events whose object is the person, or that recorded their e-mail (in clear, or hashed for sign-ins).

    Security events keep the hashed address in their personal part (until retention erases it).
    """
    user_type = ContentType.objects.get_for_model(user, for_concrete_model=False)
    hashed = sign_in_identifier(user.email)
    return (
        Q(target_type=user_type, target_id=str(user.pk))
        | Q(identifier__iexact=user.email)
        | Q(identifier=hashed)
        | Q(personal_part__identifier=hashed)
    )


def _typed_their_address(user):
    """Personal parts of security events (IP address, browser) where the person's address was typed."""
    return Q(identifier=sign_in_identifier(user.email))


def _by_email(field, only=()):
    """Rows that name the person by the address they were written to (invitations, requests), in any case.

    With ``only``, a row reached by the address alone (no other lookup of its table) gives just those
    columns: an organization's contact address leads to the contact data, not to the organization's file.
    """

    def lookup(user):
        return Q(**{f"{field}__iexact": user.email})

    lookup.field = field
    lookup.only = tuple(only)
    return lookup


TABLES = (
    Table("accounts.User", ("pk",)),
    Table("audit.AuditEvent", ("actor", _about_the_person)),
    Table("audit.EventPersonalPart", (_typed_their_address,)),
    Table("documents.Document", ("requested_by",)),
    Table("reports.NarrativeText", ("written_by",)),
    Table("reports.PublishedEdition", ("published_by",)),
    Table("reports.CoverImage", ("uploaded_by",)),
    Table("notifications.Notification", ("recipient",)),
    Table("notifications.Preference", ("person",)),
    Table("notifications.Follow", ("person",)),
    Table("notifications.Digest", ("recipient",)),
    Table(
        "companies.Organization", ("archived_by", _by_email("contact_email", only=("contact_email", "contact_phone")))
    ),
    Table("companies.ParticipationChange", ("changed_by",)),
    Table("companies.DueDiligenceReview", ("started_by", "reviewer")),
    Table("companies.Evidence", ("uploaded_by",)),
    Table("companies.Representative", ("user",), counted=("ended_by",)),
    Table("companies.Invitation", ("accepted_by", _by_email("email")), counted=("invited_by", "revoked_by")),
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
    Table("monitoring.Implementation", ("created_by",)),
    Table("monitoring.IndicatorRevision", ("changed_by",)),
    Table("monitoring.Report", ("created_by", "submitted_by", "decided_by")),
    Table("monitoring.ReportEvent", ("actor",)),
    Table("monitoring.Evidence", ("uploaded_by",)),
    Table("privacy.RightsRequest", ("requester", _by_email("email"))),
    Table("privacy.PurposeChoice", ("person",)),
    Table("privacy.PrivacyNotice", ("published_by",)),
    Table("api.ApiToken", ("person",), counted=("created_by", "revoked_by")),
    Table("admin.LogEntry", ("user",)),
)


def declared_relations():
    """Return the ``(model label, field name)`` pairs the export declares (first step of each lookup or count)."""
    return {
        (t.label, lookup.split("__")[0])
        for t in TABLES
        for lookup in (*t.lookups, *t.counted)
        if isinstance(lookup, str)
    }


def _columns(model):
    return [
        field
        for field in model._meta.concrete_fields
        if not any(word in field.name.lower() for word in HIDDEN_FIELD_WORDS)
    ]


def _query(lookups, user):
    query = Q(pk__in=[])
    for lookup in lookups:
        query |= lookup(user) if callable(lookup) else Q(**{lookup: user.pk})
    return query


def table_rows(table, user):
    """Return the person's rows of one table as dicts: id, the row in words, then each column's value.

    A row reached only by a lookup limited to some columns (``_by_email(..., only=...)``) gives those alone.
    """
    limited = [lookup for lookup in table.lookups if getattr(lookup, "only", ())]
    model = table.model
    manager = model._default_manager
    whole = None  # every row whole
    if limited:
        by_others = _query([lookup for lookup in table.lookups if lookup not in limited], user)
        whole = set(manager.filter(by_others).values_list("pk", flat=True))
    only = {name for lookup in limited for name in lookup.only}
    columns = _columns(model)
    rows = []
    for obj in manager.filter(_query(table.lookups, user)).distinct().order_by("pk"):
        row = {"id": obj.pk, "shown_as": str(obj)}
        for field in columns if whole is None or obj.pk in whole else [f for f in columns if f.name in only]:
            value = getattr(obj, field.attname)
            row[field.attname] = value.name if isinstance(value, FieldFile) else value
        rows.append(row)
    return rows


def personal_data(user):
    """Return ``{label: rows}`` for every declared table, empty tables included (they say "nothing here")."""
    return {table.label: table_rows(table, user) for table in TABLES}


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
        header = list(rows[0])
        writer.writerow(header)
        for row in rows:
            writer.writerow([safe_cell("" if row[name] is None else row[name]) for name in header])
    return buffer.getvalue().encode()
