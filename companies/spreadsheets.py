"""Reading and writing the directory as CSV or Excel: the columns, the files, the choice labels."""

import csv
import io
import unicodedata

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from axs_platform.exports import unsafe_cell

from .geography import Country, MexicanState
from .models import OrganizationSize, OrganizationType, Sector

IMPORT_MAX_BYTES = 2 * 1024 * 1024
IMPORT_MAX_ROWS = 5000

# (column, description, required): the columns an import file may have, in the template's order.
IMPORT_COLUMNS = [
    ("legal_name", gettext_lazy("Legal name (razón social)."), True),
    ("short_name", gettext_lazy("Short or commercial name."), False),
    ("organization_type", gettext_lazy("Type: its code or its name in Spanish or English."), True),
    ("size", gettext_lazy("Size: micro, small, medium or large (or their Spanish names)."), True),
    ("sector", gettext_lazy("Economic sector: its code or its name."), True),
    ("rfc", gettext_lazy("RFC; required for organizations based in Mexico."), False),
    ("country", gettext_lazy("Country: ISO code (MX, US, DE...) or name; Mexico when empty."), False),
    ("state", gettext_lazy("Mexican state: ISO code (CMX, JAL...) or name."), False),
    ("website", gettext_lazy("Website, starting with https://."), False),
    ("description", gettext_lazy("Short description."), False),
    ("contact_email", gettext_lazy("Contact e-mail."), False),
    ("contact_phone", gettext_lazy("Contact phone."), False),
]
IMPORT_COLUMN_NAMES = [name for name, _description, _required in IMPORT_COLUMNS]
REQUIRED_COLUMNS = [name for name, _description, required in IMPORT_COLUMNS if required]
# Columns the export adds; an exported file can be imported again, these are then ignored.
EXPORT_ONLY_COLUMNS = [
    "id",
    "participation_status",
    "due_diligence_state",
    "due_diligence_expires_on",
    "sdg_priorities",
]
EXPORT_COLUMNS = ["id", *IMPORT_COLUMN_NAMES, *EXPORT_ONLY_COLUMNS[1:]]
CHOICE_COLUMNS = {
    "organization_type": OrganizationType,
    "size": OrganizationSize,
    "sector": Sector,
    "country": Country,
    "state": MexicanState,
}


def fold(text):
    """Return text in lower case without accents, so "Mediana" and "médiana" match."""
    text = unicodedata.normalize("NFKD", str(text or "").strip().lower())
    return "".join(character for character in text if not unicodedata.combining(character))


def choice_lookup(choices):
    """Map each code and each Spanish and English label (folded) to the code."""
    lookup = {}
    for language in ("es-mx", "en"):
        with translation.override(language):
            for value, label in choices.choices:
                lookup[fold(value)] = value
                lookup[fold(label)] = value
                lookup[fold(str(label).split(" (")[0])] = value
    return lookup


def _extension(name):
    return name.lower().rsplit(".", 1)[-1] if "." in name else ""


def read_rows(upload):
    """Return ``(headers, rows)`` from an uploaded CSV or XLSX file, or raise a clear error."""
    if upload.size > IMPORT_MAX_BYTES:
        raise ValidationError(
            _("The file is %(size)s; the limit is %(limit)s. Split it into smaller files."),
            code="file_too_large",
            params={"size": filesizeformat(upload.size), "limit": filesizeformat(IMPORT_MAX_BYTES)},
        )
    extension = _extension(upload.name)
    upload.seek(0)
    content = upload.read()
    if extension == "xlsx":
        table = _read_xlsx(content)
    elif extension == "csv":
        table = _read_csv(content)
    else:
        raise ValidationError(
            _("Upload a .csv or .xlsx file; “%(name)s” is neither."),
            code="import_extension",
            params={"name": upload.name},
        )
    table = [row for row in table if any(str(cell or "").strip() for cell in row)]
    if not table:
        raise ValidationError(_("The file is empty."), code="import_empty")
    headers = [str(cell or "").strip().lower() for cell in table[0]]
    rows = table[1:]
    if len(rows) > IMPORT_MAX_ROWS:
        raise ValidationError(
            _("The file has %(count)d rows; import at most %(max)d at a time."),
            code="import_too_many_rows",
            params={"count": len(rows), "max": IMPORT_MAX_ROWS},
        )
    _check_headers(headers)
    return headers, [
        {header: _cell(row[i] if i < len(row) else None) for i, header in enumerate(headers)} for row in rows
    ]


def _cell(value):
    """A cell as text, trimmed, without the apostrophe an export puts before "+52..." (``unsafe_cell``)."""
    return unsafe_cell(str(value if value is not None else "").strip()).strip()


def _read_csv(content):
    if b"\x00" in content[:4096]:
        raise ValidationError(
            _(
                "The content of this file is not CSV text, whatever its name says. "
                "Save it as CSV (UTF-8) and try again."
            ),
            code="import_content",
        )
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = content.decode("latin-1")
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    return list(csv.reader(io.StringIO(text), dialect))


def _read_xlsx(content):
    from openpyxl import load_workbook

    if not content.startswith(b"PK\x03\x04"):
        raise ValidationError(
            _(
                "The content of this file is not an Excel workbook, whatever its name says. "
                "Save it as .xlsx and try again."
            ),
            code="import_content",
        )
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        sheet = workbook.worksheets[0]
        return [list(row) for row in sheet.iter_rows(values_only=True)]
    except Exception:  # openpyxl raises many kinds of errors on damaged workbooks.
        raise ValidationError(
            _("This Excel file cannot be read; it may be damaged. Open it, save it again as .xlsx and retry."),
            code="import_damaged",
        ) from None


def _check_headers(headers):
    problems = []
    missing = [name for name in REQUIRED_COLUMNS if name not in headers]
    if missing:
        problems.append(_("missing columns: %(columns)s") % {"columns": ", ".join(missing)})
    known = set(IMPORT_COLUMN_NAMES) | set(EXPORT_ONLY_COLUMNS)
    unknown = [name or _("(empty)") for name in headers if name not in known]
    if unknown:
        problems.append(_("unknown columns: %(columns)s") % {"columns": ", ".join(unknown)})
    repeated = sorted({name for name in headers if name and headers.count(name) > 1})
    if repeated:
        problems.append(_("repeated columns: %(columns)s") % {"columns": ", ".join(repeated)})
    if problems:
        raise ValidationError(
            _("The first row must name the columns of the template. Found %(problems)s.")
            % {"problems": "; ".join(problems)},
            code="import_columns",
        )


def _label(name, value):
    """Return a choice column's label in the active language (the import reads labels as well as codes)."""
    if name in CHOICE_COLUMNS and value:
        return str(dict(CHOICE_COLUMNS[name].choices).get(value, value))
    return value


def organization_export_row(organization):
    """Return one organization as export cells, in ``EXPORT_COLUMNS`` order, choices as their labels."""
    return [
        organization.pk,
        *(_label(name, getattr(organization, name)) for name in IMPORT_COLUMN_NAMES),
        organization.get_participation_status_display(),
        _("Expired") if organization.due_diligence_expired else organization.get_due_diligence_state_display(),
        organization.due_diligence_expires_on.isoformat() if organization.due_diligence_expires_on else "",
        " ".join(str(priority.goal.number) for priority in organization.sdg_priorities.all()),
    ]
