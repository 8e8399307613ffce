"""Importing organizations from a spreadsheet: check every row first, then save all or nothing."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from audit.models import AuditEvent
from audit.services import audit_record
from axs_platform import fragments

from ..models import Organization, ParticipationStatus
from ..permissions import can_manage_organizations
from ..spreadsheets import CHOICE_COLUMNS, IMPORT_COLUMN_NAMES, choice_lookup, fold
from ..validators import normalize_name, normalize_rfc
from .organizations import _apply_profile, _check_duplicates, organization_create


def _messages(error):
    if hasattr(error, "error_dict"):
        return [
            f"{Organization._meta.get_field(field).verbose_name if field != '__all__' else _('row')}: {message}"
            for field, errors in error.message_dict.items()
            for message in errors
        ]
    return list(error.messages)


def check_rows(rows):
    """Return ``[(line, fields, errors)]`` for each row: its values ready for saving and what is wrong."""
    lookups = {column: choice_lookup(choices) for column, choices in CHOICE_COLUMNS.items()}
    seen_names, seen_rfcs = {}, {}
    checked = []
    for line, row in enumerate(rows, start=2):
        fields = {name: row.get(name, "") for name in IMPORT_COLUMN_NAMES}
        errors = []
        fields["country"] = fields["country"] or "MX"
        for column, lookup in lookups.items():
            value = fields[column]
            if not value:
                continue
            code = lookup.get(fold(value))
            if code is None:
                errors.append(
                    _("%(column)s: “%(value)s” is not one of the accepted values.") % {"column": column, "value": value}
                )
            else:
                fields[column] = code
        fields["rfc"] = normalize_rfc(fields["rfc"])
        name_key = normalize_name(fields["legal_name"]).lower()
        if name_key and name_key in seen_names:
            errors.append(_("The same legal name is on line %(line)d.") % {"line": seen_names[name_key]})
        if fields["rfc"] and fields["rfc"] in seen_rfcs:
            errors.append(_("The same RFC is on line %(line)d.") % {"line": seen_rfcs[fields["rfc"]]})
        seen_names.setdefault(name_key, line)
        if fields["rfc"]:
            seen_rfcs.setdefault(fields["rfc"], line)
        if not errors:
            organization = Organization()
            _apply_profile(organization, fields)
            try:
                _check_duplicates(organization)
                organization.full_clean()
            except ValidationError as error:
                errors.extend(_messages(error))
        checked.append((line, fields, errors))
    return checked


@transaction.atomic
@fragments.changes(fragments.DIRECTORY, fragments.COMMITTEES, fragments.PROPOSALS)
def organizations_import(*, actor, rows, request=None):
    """Create every organization of the rows, or none if any row is wrong; return those created."""
    if not can_manage_organizations(actor):
        raise PermissionDenied
    checked = check_rows(rows)
    wrong = [(line, errors) for line, _fields, errors in checked if errors]
    if wrong:
        raise ValidationError(
            _("%(count)d rows have errors; nothing was imported.") % {"count": len(wrong)}, code="import_rows_invalid"
        )
    created = [organization_create(actor=actor, request=request, **fields) for _line, fields, _errors in checked]
    audit_record(
        actor=actor,
        action=AuditEvent.Action.CREATED,
        request=request,
        message=_("Imported %(count)d organizations as %(status)s.")
        % {"count": len(created), "status": ParticipationStatus.INVITED.label.lower()},
    )
    return created
